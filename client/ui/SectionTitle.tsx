import { useTranslation } from 'react-i18next'

/**
 * A section's heading in the words of what it does for the person ("Wie doet
 * wat"), with the method's own name small under it ("Basisteam"), so the
 * method's word is there for whoever knows it without being the first thing
 * an inwoner has to understand.
 */
export function SectionTitle({ id, title, method }: { id: string; title: string; method?: string }) {
  const { t } = useTranslation('ui')
  return (
    <hgroup className="section-title">
      <h2 id={id}>{title}</h2>
      {method && <p className="section-method">{t('methodName', { name: method })}</p>}
    </hgroup>
  )
}
