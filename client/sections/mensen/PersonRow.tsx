import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person, Stored } from '../../../shared/plan/index.ts'
import { isHousehold } from '../../../shared/protocol/roles.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useActor } from '../../plan/useActor.ts'
import { colorFor } from '../../sync/colors.ts'
import { useLive } from '../../plan/useLive.ts'
import { PersonForm } from './PersonForm.tsx'
import { RemovePersonDialog } from './RemovePersonDialog.tsx'

/** One person on the list: name, relation, role, and edit / remove. */
export function PersonRow({ person }: { person: Stored<Person> }) {
  const { t } = useTranslation('mensen')
  const { plan, me, canWrite } = usePlan()
  const actor = useActor()
  // Only the household takes people off the list and says how someone takes part (issue 11); everyone else may add someone, and edit.
  const mayRemove = isHousehold(actor.role)
  const [editing, setEditing] = useState(false)
  const isMe = person.id === me
  const [removing, setRemoving] = useState(false)
  const rollen = useLive(plan.rollen, () => plan.rollen.of(person.id))

  // Someone who appears elsewhere (relatiekaart, contactschema, basisteam, ...) is removed only after choosing what happens there.
  function remove() {
    if (plan.personReferences.whereIs(person.id).length > 0) setRemoving(true)
    else plan.personReferences.removePerson(person.id, 'laten-staan', actor)
  }

  if (editing) {
    return (
      <li className="person person-editing">
        <h3 className="person-edit-title">{t('editTitle', { name: person.name })}</h3>
        <PersonForm
          initial={person}
          isMe={isMe}
          mayChooseRole={mayRemove}
          submitLabel={t('common:actions.save')}
          onCancel={() => setEditing(false)}
          onSubmit={(draft) => {
            plan.people.update(person.id, { name: draft.name, relation: draft.relation, ...(mayRemove ? { role: draft.role } : {}) }, me)
            // A role for someone else is asked, never given (issue 11): "gevraagd" until they say yes themselves.
            if (draft.rol && me && !rollen.some((rol) => rol.name === draft.rol)) plan.rollen.add({ person: person.id, name: draft.rol }, me)
            setEditing(false)
          }}
        />
      </li>
    )
  }

  return (
    <li className="person">
      <span className="person-dot" style={{ background: colorFor(person.id) }} aria-hidden="true" />
      <div className="person-text">
        <p className="person-name">
          {person.name}
          {isMe && <span className="person-you"> ({t('you')})</span>}
        </p>
        <p className="person-relation">{person.relation || <span className="muted">{t('noRelation')}</span>}</p>
        {person.role && <p className="badge">{t(`common:roles.${person.role}`)}</p>}
        {rollen.length > 0 && (
          <ul className="person-rollen" aria-label={t('rollenLabel', { name: person.name })}>
            {rollen.map((rol) => (
              <li key={rol.id}>
                {rol.name}
                {rol.consent === 'asked' && <span className="badge"> {t('rolAsked')}</span>}
                {rol.consent === 'no' && <span className="muted"> {t('rolDeclined')}</span>}
              </li>
            ))}
          </ul>
        )}
        {/* Anyone may put someone on the list; the household sees who did (issue 11). */}
        {mayRemove && person.createdBy && person.createdBy !== person.id && person.createdBy !== me && (
          <p className="muted">{t('addedBy', { name: plan.nameOf(person.createdBy) ?? t('unknownPerson') })}</p>
        )}
      </div>
      {canWrite && (
      <div className="person-actions">
        <button type="button" className="button button-quiet" aria-label={t('editLabel', { name: person.name })} onClick={() => setEditing(true)}>
          {t('edit')}
        </button>
        {!isMe && mayRemove && (
          <button type="button" className="button button-quiet" aria-label={t('removeLabel', { name: person.name })} onClick={remove}>
            {t('remove')}
          </button>
        )}
      </div>
      )}
      <RemovePersonDialog person={removing ? person : null} onClose={() => setRemoving(false)} />
    </li>
  )
}
