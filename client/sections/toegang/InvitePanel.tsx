import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { defaultRoomFor, roleAccess } from '../../../shared/capabilities/access.ts'
import { ROLES, type Role } from '../../../shared/protocol/roles.ts'
import { ROOM_KINDS, type RoomKind } from '../../../shared/protocol/rooms.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan, useRecords } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { usePassedAway } from '../../plan/usePassedAway.ts'
import { createInvitation, type NewInvitation } from '../../invitations/deviceAccess.ts'
import { InvitationResult } from './InvitationResult.tsx'
import { DescribedChoice } from '../../ui/DescribedChoice.tsx'
import './toegang.css'

const DAY = 24 * 60 * 60 * 1000
const EXPIRIES = { week: 7 * DAY, month: 30 * DAY, quarter: 90 * DAY, year: 365 * DAY, never: null } as const
type Expiry = keyof typeof EXPIRIES

/** As in issue 5: the household's own members have no end date, everyone else 90 days, unless the household chooses otherwise. */
function defaultExpiry(role: Role): Expiry {
  return role === 'eigenaar' ? 'never' : 'quarter'
}

/** The rooms a role may be invited to, widest first. */
function roomsFor(role: Role): RoomKind[] {
  return ROOM_KINDS.filter((room) => roleAccess(role, room) !== 'none')
}

/**
 * Where Mensen points to inviting: a link to "Toegang" on a device holding
 * the plan key, nothing elsewhere (only the household invites).
 */
export function InvitePanel() {
  const { t } = useTranslation('toegang')
  const { access, canWrite } = usePlan()
  if (!access.holdsKey || !canWrite) return null
  return (
    <p className="invite-pointer">
      <Link href="/toegang">{t('panel.title')}</Link> — {t('panel.intro')}
    </p>
  )
}

/** Whom an invitation is for: a person on the list, someone new, or several people (a link to share). */
type Invitee = { kind: 'new' } | { kind: 'listed'; person: string } | { kind: 'guests' }
const NEW = 'nieuw'
const GUESTS = 'meerdere'

/** The roles the household invites with: the eigenaar is whoever holds the plan key, so that is handed over, not invited. */
const INVITED_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'eigenaar')

/**
 * "Iemand uitnodigen" (issues 5 and 11): for whom (a person on the list who
 * has no link of their own yet, someone new who is put on the list, or
 * several people at once with one link to share), role (each with one
 * sentence on what it may do), room and expiry. Signs the invitation with the
 * plan key on this device (offline too); an invitation for one person names
 * that person, so whoever opens it IS that person. Only for a device holding
 * the plan key.
 */
export function InviteForm() {
  const { t } = useTranslation('toegang')
  const { plan, planId, me } = usePlan()
  const id = useId()
  const people = useRecords(plan.people)
  const passedAway = usePassedAway(plan)
  const claimable = useLive(plan.personDevices, () => plan.personDevices.claimable())
  // Who can still get a link of their own: on the list, no link of their own, no device that claimed them, not me.
  const invitable = people.filter((person) => person.id !== me && claimable.includes(person.id) && !passedAway.includes(person.id))
  const [invitee, setInvitee] = useState<Invitee>({ kind: 'new' })
  const [nameMissing, setNameMissing] = useState(false)
  const [role, setRole] = useState<Role>('netwerk')
  const [room, setRoom] = useState<RoomKind>(defaultRoomFor('netwerk'))
  const [expiry, setExpiry] = useState<Expiry>(defaultExpiry('netwerk'))
  const [name, setName] = useState('')
  const [made, setMade] = useState<NewInvitation | null>(null)
  const [failed, setFailed] = useState(false)

  function chooseRole(next: Role) {
    setRole(next)
    setRoom(defaultRoomFor(next))
    setExpiry(defaultExpiry(next))
  }

  /** The person the invitation is for: picked, or (for someone new) found on the list by name or put on it now. */
  function personFor(chosen: Invitee): { id: string; name: string } | null {
    if (chosen.kind === 'guests') return null
    if (chosen.kind === 'listed') return { id: chosen.person, name: plan.nameOf(chosen.person) ?? '' }
    const typed = name.trim()
    const same = invitable.find((person) => sameName(person.name, typed))
    if (same) return { id: same.id, name: same.name }
    return { id: plan.people.add({ name: typed, relation: '', role }, me), name: typed }
  }

  async function create(event: FormEvent) {
    event.preventDefault()
    setFailed(false)
    if (invitee.kind === 'new' && !name.trim()) return setNameMissing(true)
    setNameMissing(false)
    try {
      const duration = EXPIRIES[expiry]
      const issuedAt = Date.now()
      const person = personFor(invitee)
      const audience = person ? { person: person.id, name: person.name } : { guests: true, name: name.trim() }
      const invitation = await createInvitation(planId, { role, room, ...audience, issuedAt, expiresAt: duration === null ? null : issuedAt + duration })
      if (person) {
        plan.personDevices.noteInvited(person.id, invitation.invitation.id)
        if (plan.people.get(person.id)?.role === null) plan.people.update(person.id, { role }, me)
      }
      plan.invitations.record(invitation.invitation, me)
      setMade(invitation)
    } catch (error) {
      console.error('Making an invitation failed', error)
      setFailed(true)
    }
  }

  function again() {
    setMade(null)
    setName('')
    setInvitee({ kind: 'new' })
    chooseRole('netwerk')
  }

  function chooseInvitee(value: string) {
    setNameMissing(false)
    setInvitee(value === NEW ? { kind: 'new' } : value === GUESTS ? { kind: 'guests' } : { kind: 'listed', person: value })
  }

  const rooms = roomsFor(role)
  return (
    <section className="card stack invite-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('panel.title')}</h3>
      {made ? (
        <InvitationResult made={made} onAnother={again} />
      ) : (
        <>
          <p>{t('panel.intro')}</p>
          <form className="stack" onSubmit={(e) => void create(e)} noValidate>
            <div className="field">
              <label htmlFor={`${id}-who`}>{t('panel.who')}</label>
              <select id={`${id}-who`} value={invitee.kind === 'listed' ? invitee.person : invitee.kind === 'guests' ? GUESTS : NEW} onChange={(e) => chooseInvitee(e.target.value)}>
                <option value={NEW}>{t('panel.whoNew')}</option>
                {invitable.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
                <option value={GUESTS}>{t('panel.whoGuests')}</option>
              </select>
            </div>
            {invitee.kind === 'new' && (
              <TextField label={t('panel.name')} hint={t('panel.nameHint')} value={name} onChange={setName} autoComplete="off" maxLength={100} error={nameMissing ? t('panel.nameMissing') : null} />
            )}
            {invitee.kind === 'guests' && (
              <>
                <p className="field-hint">{t('panel.guestsHint')}</p>
                <TextField label={t('panel.guestsName')} value={name} onChange={setName} autoComplete="off" maxLength={100} />
              </>
            )}
            <DescribedChoice
              legend={t('panel.role')}
              options={INVITED_ROLES.map((option) => ({ value: option, label: t(`panel.roles.${option}`), description: t(`can.${option}`) }))}
              value={role}
              onChange={chooseRole}
            />
            {rooms.length > 1 && (
              <DescribedChoice
                legend={t('panel.room')}
                hint={role !== 'eigenaar' ? t('panel.roomHint') : undefined}
                options={rooms.map((option) => ({ value: option, label: t(`rooms.${option}`) }))}
                value={room}
                onChange={setRoom}
              />
            )}
            <div className="field">
              <label htmlFor={`${id}-expiry`}>{t('panel.expiry')}</label>
              <select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)}>
                {(Object.keys(EXPIRIES) as Expiry[]).map((option) => (
                  <option key={option} value={option}>
                    {t(`panel.expiries.${option}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('panel.create')}
              </button>
            </div>
          </form>
          {failed && (
            <p className="field-error" role="alert">
              {t('panel.failed')}
            </p>
          )}
        </>
      )}
    </section>
  )
}

/** Whether two names are the same as a person would read them ("oma riet " and "Oma Riet"). */
function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0
}
