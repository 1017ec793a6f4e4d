import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'

/** The top bar on every page: the app's name (back to the start page), a title, the language switch. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <header className="app-header">
      <div className="app-header-title">
        <Link href="~/" className="brand">
          <img src="/icons/icon.svg" alt="" width="28" height="28" />
          <span>{t('appName')}</span>
        </Link>
        {children}
      </div>
      <LanguageSwitch />
    </header>
  )
}
