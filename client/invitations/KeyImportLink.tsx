import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/** On the start page: the way in for a household member who was given the plan key. */
export function KeyImportLink() {
  const { t } = useTranslation('uitnodiging')
  return (
    <section className="stack" aria-labelledby="key-import-title">
      <h2 id="key-import-title">{t('importKey.start')}</h2>
      <p>
        {t('importKey.startHint')} <Link href="/sleutel">{t('importKey.start')}</Link>
      </p>
      <p>
        {t('takeOverHint')} <Link href="/overnemen">{t('takeOverStart')}</Link>
      </p>
    </section>
  )
}
