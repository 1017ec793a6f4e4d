import { useTranslation } from 'react-i18next'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMarkedContacts } from '../marks/useMarked.ts'
import { AddContactForm } from './AddContactForm.tsx'
import { ContactList } from './ContactList.tsx'
import { Gaps } from './Gaps.tsx'
import { WeekGrid } from './WeekGrid.tsx'
import './contactschema.css'

/** Het contactschema: who is there when in a week, how often there is contact, and where nobody is. */
export function ContactschemaView() {
  const { t } = useTranslation('netwerkatlas')
  const { plan, canWrite } = usePlan()
  const schema = plan.netwerkatlas.contactschema
  const week = useLive(schema, () => schema.week())
  const gaps = useLive(schema, () => schema.gaps())
  const entries = useMarkedContacts(useLive(schema, () => schema.list()))

  return (
    <section className="atlas-instrument contactschema stack" aria-labelledby="contactschema-title">
      <h3 id="contactschema-title">{t('instruments.contactschema')}</h3>
      <p className="section-intro">{t('contactschema.intro')}</p>
      {/* The week first; where nobody is, after it, as a summary of what the grid shows. */}
      <WeekGrid week={week} />
      <Gaps gaps={gaps} empty={entries.length === 0} />
      {canWrite && (
        <div className="atlas-forms">
          <AddContactForm />
        </div>
      )}
      <ContactList entries={entries} />
    </section>
  )
}
