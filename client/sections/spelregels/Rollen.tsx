import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person, Stored, StoredRol } from '../../../shared/plan/index.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan, useRecords } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { usePassedAway } from '../../plan/usePassedAway.ts'
import { EditDialog } from '../../ui/EditDialog.tsx'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { MoreMenu } from '../../ui/MoreMenu.tsx'
import { moveActions } from '../../ui/moveActions.ts'
import { RemovedNotices } from '../../ui/RemovedNotices.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { useRemoval } from '../../ui/useRemoval.tsx'

/**
 * Roles and responsibilities per person: "gelijkwaardig is niet hetzelfde
 * als gelijk". Everyone on the people list, each with their own roles; every
 * person looks the same, whatever their role.
 */
export function Rollen() {
  const { t } = useTranslation('spelregels')
  const { plan } = usePlan()
  const passedAway = usePassedAway(plan)
  const rollen = useLive(plan.rollen, () => plan.rollen.list())
  // Someone who has passed away keeps the roles they had, and is not offered a new one.
  const people = useRecords(plan.people).filter((person) => !passedAway.includes(person.id) || rollen.some((rol) => rol.person === person.id))
  const removed = useLive(plan.rollen, () => plan.rollen.removed())
  return (
    <section className="rollen stack" aria-labelledby="rollen-title">
      <h3 id="rollen-title">{t('rollen.title')}</h3>
      <p className="section-intro">{t('rollen.intro')}</p>
      <ul className="rollen-people">
        {people.map((person) => (
          <PersonRoles key={person.id} person={person} />
        ))}
      </ul>
      <RemovedNotices
        label={t('rollen.removedLabel')}
        items={removed.map((r) => ({ ...r, text: r.name }))}
        onRestore={(id) => plan.rollen.restore(id)}
        onDismiss={(id, actor) => plan.rollen.dismiss(id, actor)}
      />
    </section>
  )
}

function PersonRoles({ person }: { person: Stored<Person> }) {
  const { t } = useTranslation('spelregels')
  const { plan } = usePlan()
  const format = useFormat()
  const roles = useLive(plan.rollen, () => plan.rollen.of(person.id))
  const name = format.name(person.id)
  return (
    <li className="rollen-person card" aria-label={name}>
      <p className="rollen-name">
        {name}
        {person.relation && <span className="muted"> · {person.relation}</span>}
      </p>
      {roles.length === 0 ? (
        <p className="muted">{t('rollen.none')}</p>
      ) : (
        <ul className="rollen-list">
          {roles.map((rol, index) => (
            <RolItem key={rol.id} rol={rol} index={index} count={roles.length} />
          ))}
        </ul>
      )}
      <AddRol personId={person.id} name={name} />
    </li>
  )
}

function RolItem({ rol, index, count }: { rol: StoredRol; index: number; count: number }) {
  const { t } = useTranslation('spelregels')
  const { plan } = usePlan()
  const format = useFormat()
  const me = useMe()
  const removal = useRemoval()
  const [editing, setEditing] = useState(false)
  return (
    <li className="rol">
      <div className="rol-head">
        <p>
          <span className="rol-name">{rol.name}</span>
          {rol.responsibilities && <span className="rol-responsibilities"> — {rol.responsibilities}</span>}
          {rol.consent === 'asked' && <span className="badge rol-asked"> {t('rollen.asked')}</span>}
          {rol.consent === 'no' && <span className="badge rol-declined"> {t('rollen.declined', { person: format.name(rol.person) })}</span>}
        </p>
        <MoreMenu
          item={rol.id}
          label={t('ui:more', { text: rol.name })}
          actions={[
            { id: 'edit', label: t('ui:edit'), onAction: () => setEditing(true) },
            ...moveActions(t, index, count, (to) => plan.rollen.move(rol.id, to, me)),
            { id: 'remove', label: t('ui:remove.action'), onAction: () => removal.request({ author: rol.createdBy, text: rol.name, remove: () => plan.rollen.remove(rol.id, me) }) },
          ]}
        />
      </div>
      <EditDialog
        isOpen={editing}
        onOpenChange={setEditing}
        title={t('rollen.editTitle')}
        fields={[
          { name: 'name', label: t('rollen.name'), value: rol.name },
          { name: 'responsibilities', label: t('rollen.responsibilities'), value: rol.responsibilities, multiline: true },
        ]}
        onSave={(patch) => plan.rollen.edit(rol.id, patch, me)}
      />
      {rol.consent === 'asked' && <RolAnswer rol={rol} />}
      {removal.dialog}
    </li>
  )
}

/**
 * Nobody is given a role without their own yes (issue 11): the person asked
 * answers here on their own device; everyone else sees who asked and that
 * the role waits for that answer.
 */
function RolAnswer({ rol }: { rol: StoredRol }) {
  const { t } = useTranslation('spelregels')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  if (rol.person !== me) return <p className="muted">{t('rollen.askedOther', { name: format.name(rol.updatedBy ?? rol.createdBy), person: format.name(rol.person) })}</p>
  return (
    <div className="stack rol-answer">
      <p>{t('rollen.askedBy', { name: format.name(rol.updatedBy ?? rol.createdBy) })}</p>
      {canWrite && (
        <div className="button-row">
          <button type="button" className="button button-primary" aria-label={t('rollen.yesLabel', { rol: rol.name })} onClick={() => plan.rollen.answer(rol.id, 'yes', me)}>
            {t('rollen.yes')}
          </button>
          <button type="button" className="button" aria-label={t('rollen.noLabel', { rol: rol.name })} onClick={() => plan.rollen.answer(rol.id, 'no', me)}>
            {t('rollen.no')}
          </button>
        </div>
      )}
    </div>
  )
}

function AddRol({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation('spelregels')
  const label = t('rollen.addLabel', { name })
  return (
    <Unfold label={t('rollen.add')} accessibleName={label}>
      {(close) => <RolForm personId={personId} label={label} onClose={close} />}
    </Unfold>
  )
}

function RolForm({ personId, label, onClose }: { personId: string; label: string; onClose: () => void }) {
  const { t } = useTranslation('spelregels')
  const { plan } = usePlan()
  const me = useMe()
  const [rol, setRol] = useState('')
  const [responsibilities, setResponsibilities] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!rol.trim() && !responsibilities.trim()) return
    plan.rollen.add({ person: personId, name: rol.trim(), responsibilities: responsibilities.trim() }, me)
    onClose()
  }

  return (
    <form className="rollen-form stack" onSubmit={submit} aria-label={label}>
      <TextField label={t('rollen.name')} hint={t('rollen.nameHint')} autoFocus autoComplete="off" value={rol} onChange={setRol} />
      <TextAreaField label={t('rollen.responsibilities')} value={responsibilities} onChange={setResponsibilities} />
      <FormButtons submit={t('rollen.submit')} onCancel={onClose} small />
    </form>
  )
}
