import { useTranslation } from 'react-i18next'
import { usePlan } from '../../plan/hooks.ts'
import { NoteList } from './NoteList.tsx'
import './notities.css'

/** "Notities": short notes for everyone in the plan, including what the household shared from "Alleen voor ons". */
export function NotitiesSection() {
  const { t } = useTranslation('notities')
  const { plan } = usePlan()
  return (
    <section className="notities stack" aria-labelledby="notities-title">
      <h2 id="notities-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      <NoteList notes={plan.notes} labelledBy="notities-title" empty={t('empty')} />
    </section>
  )
}
