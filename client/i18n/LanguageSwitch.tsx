import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '../../shared/plan/core.ts'
import { chooseLanguage } from './index.ts'

/** Lets the person choose Dutch or English; remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const id = useId()
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'nl'
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={current} onChange={(e) => void chooseLanguage(e.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
