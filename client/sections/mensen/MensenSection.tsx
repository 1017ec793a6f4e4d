import { useTranslation } from 'react-i18next'
import { InvitePanel } from '../toegang/InvitePanel.tsx'
import { isHousehold } from '../../../shared/protocol/roles.ts'
import { usePlan, useRecords, useRemovedRecords } from '../../plan/hooks.ts'
import { useActor } from '../../plan/useActor.ts'
import { ClaimNotices } from './ClaimNotices.tsx'
import { emptyPerson, PersonForm } from './PersonForm.tsx'
import { PersonRow } from './PersonRow.tsx'
import './mensen.css'

/** "Mensen": the people around the household. Shows names, never ids. */
export function MensenSection() {
  const { t } = useTranslation('mensen')
  const { plan, me, canWrite } = usePlan()
  const people = useRecords(plan.people)
  const removed = useRemovedRecords(plan.people)
  const actor = useActor()

  return (
    <section className="mensen stack" aria-labelledby="mensen-title">
      <h2 id="mensen-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>

      {people.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="people" aria-labelledby="mensen-title">
          {people.map((person) => (
            <PersonRow key={person.id} person={person} />
          ))}
        </ul>
      )}

      <ClaimNotices />

      {canWrite && (
        <section className="card stack" aria-labelledby="mensen-add-title">
          <h3 id="mensen-add-title">{t('add.title')}</h3>
          <PersonForm
            initial={emptyPerson}
            mayChooseRole={isHousehold(actor.role)}
            submitLabel={t('add.submit')}
            resetAfterSubmit
            onSubmit={(draft) => {
              const person = plan.people.add({ name: draft.name, relation: draft.relation, role: draft.role }, me)
              if (draft.rol && me) plan.rollen.add({ person, name: draft.rol }, me)
            }}
          />
        </section>
      )}

      <InvitePanel />

      {canWrite && isHousehold(actor.role) && removed.length > 0 && (
        <section className="stack" aria-labelledby="mensen-removed-title">
          <h3 id="mensen-removed-title">{t('removed.title')}</h3>
          <ul className="people people-removed">
            {removed.map((person) => (
              <li key={person.id} className="person">
                <div className="person-text">
                  <p className="person-name">{person.name}</p>
                  <p className="muted">{t('removed.by', { name: plan.nameOf(person.removedBy) ?? t('unknownPerson') })}</p>
                </div>
                <div className="person-actions">
                  <button type="button" className="button button-quiet" aria-label={t('removed.restoreLabel', { name: person.name })} onClick={() => plan.personReferences.restorePerson(person.id, actor)}>
                    {t('removed.restore')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}
