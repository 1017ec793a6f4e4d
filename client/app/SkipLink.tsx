import { useTranslation } from 'react-i18next'

/**
 * "Naar de inhoud" for keyboard users. A button, not `href="#content"`:
 * with hash routing a fragment link would change the route.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="skip-link" onClick={() => document.getElementById(targetId)?.focus()}>
      {t('skipToContent')}
    </button>
  )
}
