import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { newId, type PersonId, type Plan } from '../../shared/plan/index.ts'
import type { InvitationToken } from '../../shared/capabilities/index.ts'
import type { Role } from '../../shared/protocol/roles.ts'
import { AppHeader } from '../app/AppHeader.tsx'
import { ChoiceField } from '../ui/ChoiceField.tsx'
import { TextField } from '../ui/TextField.tsx'
import { loadDisplayName, saveDisplayName } from '../device/displayName.ts'
import { holdsPlanKey, invitationOfThisDevice } from '../invitations/deviceAccess.ts'
import { YourRole } from '../invitations/YourRole.tsx'
import { useRecords } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'
import { usePassedAway } from '../plan/usePassedAway.ts'

/**
 * "Wie ben jij?" on a device whose invitation names nobody (a link for
 * several people, or an invitation of the first release): say you are a
 * person on the list who takes part from no device yet ("Oma Riet staat op
 * de lijst. Ben jij dat?"), or add yourself. The household sees such a claim
 * and can undo it. People invited with a link of their own, and people
 * another device claimed, are never offered. Everything written afterwards
 * carries the chosen person. A device holding the plan key picks from
 * everyone: it is the household's own.
 */
export function WhoAreYou({ plan, planId, device, onChosen }: { plan: Plan; planId: string; device: string; onChosen: (id: PersonId) => Promise<void> }) {
  const { t } = useTranslation('workspace')
  const passedAway = usePassedAway(plan)
  const holdsKey = useHoldsKey(planId)
  const claimable = useLive(plan.personDevices, () => plan.personDevices.claimable())
  const everyone = useRecords(plan.people)
  // `claimable` re-renders on every claim; whyNotClaim also leaves out whom the household said this device is not.
  const listed = everyone.filter((person) => !passedAway.includes(person.id) && (holdsKey || (claimable.includes(person.id) && plan.personDevices.whyNotClaim(person.id, device) === null)))
  const invitation = useInvitation(planId)
  const [taken, setTaken] = useState<string | null>(null)
  // The household often put the invitee on the list already (in the relatiekaart, the basisteam): offer that person
  // first, so nobody adds themselves a second time under the name the form would suggest.
  const invitedName = invitation?.name.trim() ?? ''
  const named = invitedName ? listed.find((person) => sameName(person.name, invitedName)) : undefined
  const people = named ? [named, ...listed.filter((person) => person !== named)] : listed

  async function pick(id: PersonId, name: string) {
    setTaken(null)
    if (!holdsKey) {
      const claim = plan.personDevices.claim(id, device, invitation?.id ?? '')
      if (!claim.ok) return setTaken(name)
    }
    await saveDisplayName(name)
    await onChosen(id)
  }

  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('whoAreYou.title')}</h1>
        <YourRole role={invitation?.role} />
        <p>{named ? t('whoAreYou.onList', { name: named.name }) : t('whoAreYou.intro')}</p>
        {!holdsKey && people.length > 0 && <p className="field-hint">{t('whoAreYou.householdSees')}</p>}
        {taken && (
          <p className="field-error" role="alert">
            {t('whoAreYou.taken', { name: taken })}
          </p>
        )}
        {people.length > 0 && (
          <ul className="choice-list" aria-label={t('whoAreYou.listLabel')}>
            {people.map((person) => (
              <li key={person.id}>
                <button type="button" className="choice" onClick={() => void pick(person.id, person.name)}>
                  <span className="choice-title">{t('whoAreYou.pick', { name: person.name })}</span>
                  {person.relation && <span className="choice-detail">{person.relation}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        <AddYourself
          planId={planId}
          suggestName={!named}
          onAdd={async ({ name, relation, role }) => {
            const id = newId()
            plan.people.add({ name, relation, role }, id, { id })
            await pick(id, name)
          }}
        />
      </main>
    </div>
  )
}

/** Add yourself: name, relation, and (when no invitation says so already) how you take part. */
function AddYourself({ planId, suggestName, onAdd }: { planId: string; suggestName: boolean; onAdd: (me: { name: string; relation: string; role: Role }) => Promise<void> }) {
  const { t } = useTranslation('workspace')
  const id = useId()
  const [name, setName] = useState('')
  const [relation, setRelation] = useState('')
  const [role, setRole] = useState<Role>('netwerk')
  const [nameMissing, setNameMissing] = useState(false)
  const [invitedAs, setInvitedAs] = useState<Role | null>(null)

  useEffect(() => {
    let current = true
    void (async () => {
      const [invitation, known] = await Promise.all([invitationOfThisDevice(planId), loadDisplayName()])
      if (!current) return
      // The invitation names the role the household chose; its name is how they wrote yours.
      if (invitation) {
        setInvitedAs(invitation.role)
        setRole(invitation.role)
      }
      const suggested = invitation?.name || known
      if (suggested && suggestName) setName((typed) => typed || suggested)
    })()
    return () => {
      current = false
    }
  }, [planId, suggestName])

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) {
      setNameMissing(true)
      return
    }
    void onAdd({ name: name.trim(), relation: relation.trim(), role })
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('whoAreYou.addTitle')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label={t('whoAreYou.name')}
          value={name}
          onChange={setName}
          autoComplete="name"
          error={nameMissing ? t('whoAreYou.nameMissing') : null}
        />
        <TextField label={t('whoAreYou.relation')} value={relation} onChange={setRelation} autoComplete="off" hint={t('whoAreYou.relationHint')} />
        {!invitedAs && (
          <ChoiceField
            legend={t('whoAreYou.role')}
            options={[
              { value: 'netwerk', label: t('whoAreYou.roleNetwerk') },
              { value: 'professional', label: t('whoAreYou.roleProfessional') },
            ]}
            value={role}
            onChange={setRole}
          />
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('whoAreYou.add')}
          </button>
        </div>
      </form>
    </section>
  )
}

/** Whether this device holds the plan key; false until read. */
function useHoldsKey(planId: string): boolean {
  const [holds, setHolds] = useState(false)
  useEffect(() => {
    let current = true
    void holdsPlanKey(planId).then((found) => current && setHolds(found))
    return () => {
      current = false
    }
  }, [planId])
  return holds
}

/**
 * An invitation that names someone who is not on the plan's people list
 * (not arrived yet, or taken off it by the household): this device is that
 * person and nobody else, so it offers no other name.
 */
export function InvitedPersonMissing() {
  const { t } = useTranslation('workspace')
  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('invitedMissing.title')}</h1>
        <p>{t('invitedMissing.body')}</p>
      </main>
    </div>
  )
}

/** This device's invitation for the plan (its role, and the name the household wrote); null without one (or until read). */
function useInvitation(planId: string): InvitationToken | null {
  const [invitation, setInvitation] = useState<InvitationToken | null>(null)
  useEffect(() => {
    let current = true
    void invitationOfThisDevice(planId).then((found) => current && setInvitation(found ?? null))
    return () => {
      current = false
    }
  }, [planId])
  return invitation
}

/** Whether two names are the same as a person would read them ("bram " and "Bram"). */
function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0
}
