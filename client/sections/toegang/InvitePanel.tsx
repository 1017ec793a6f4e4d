import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { defaultRoomFor, roleAccess } from '../../../shared/capabilities/access.ts'
import { ROLES, type Role } from '../../../shared/protocol/roles.ts'
import { ROOM_KINDS, type RoomKind } from '../../../shared/protocol/rooms.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { createInvitation, type NewInvitation } from '../../invitations/deviceAccess.ts'
import { InvitationResult } from './InvitationResult.tsx'
import { DescribedChoice } from './DescribedChoice.tsx'
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
  const { t } = useTranslation('uitnodiging')
  const { access, canWrite } = usePlan()
  if (!access.holdsKey || !canWrite) return null
  return (
    <p className="invite-pointer">
      <Link href="/toegang">{t('panel.title')}</Link> — {t('panel.intro')}
    </p>
  )
}

/**
 * "Iemand uitnodigen": role (each with one sentence on what it may do),
 * name, room and expiry; signs the invitation with the plan key on this
 * device (offline too) and records it in the plan's list, without the token.
 * Only for a device holding the plan key.
 */
export function InviteForm() {
  const { t } = useTranslation('uitnodiging')
  const { plan, planId, me } = usePlan()
  const id = useId()
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

  async function create(event: FormEvent) {
    event.preventDefault()
    setFailed(false)
    try {
      const duration = EXPIRIES[expiry]
      const issuedAt = Date.now()
      const invitation = await createInvitation(planId, { role, room, name: name.trim(), issuedAt, expiresAt: duration === null ? null : issuedAt + duration })
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
    chooseRole('netwerk')
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
          <form className="stack" onSubmit={(e) => void create(e)}>
            <DescribedChoice
              legend={t('panel.role')}
              options={ROLES.map((option) => ({ value: option, label: t(`panel.roles.${option}`), description: t(`can.${option}`) }))}
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
            <TextField label={t('panel.name')} hint={t('panel.nameHint')} value={name} onChange={setName} autoComplete="off" maxLength={100} />
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
