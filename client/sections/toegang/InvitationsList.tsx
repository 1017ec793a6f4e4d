import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { RegisteredInvitation } from '../../../shared/capabilities/accessRecords.ts'
import type { Invitation, Person, Stored } from '../../../shared/plan/index.ts'
import { useRelayAccess } from '../../relay/useRelayAccess.ts'
import type { OutboxEntry } from '../../device/outbox.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { InvitationRow } from './InvitationRow.tsx'
import { useOutboxEntries } from '../../relay/useOutboxEntries.ts'

/**
 * "Wie kan meelezen en meeschrijven": every invitation the household made,
 * newest first, for everyone in the plan to see. It is what the relay holds
 * (issue 11), each entry checked against the plan's key on this device, so
 * no writer of the plan can remove an entry or mark one as taken back;
 * invitations made before the registry existed are shown from the plan's own
 * list. A device holding the plan key can take one back.
 */
export function InvitationsList() {
  const { t } = useTranslation('toegang')
  const { plan, planId, me } = usePlan()
  const id = useId()
  const earlier = useLive(plan.invitations, () => plan.invitations.list())
  const { access } = useRelayAccess(planId)
  const people = useLive(plan.people, () => plan.people.list())
  const invitations = useMemo(() => {
    const registered = (access?.invitations ?? []).map((entry) => fromRegistry(entry, plan.invitations.get(entry.id), people))
    const known = new Set(registered.map((entry) => entry.id))
    return [...registered, ...earlier.filter((entry) => !known.has(entry.id))].sort((a, b) => a.issuedAt - b.issuedAt)
  }, [access, earlier, people, plan])
  const newestFirst = useMemo(() => [...invitations].reverse(), [invitations])
  const waiting = useWaitingHere(planId)

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('list.title')}</h3>
      <p className="section-intro">{t('list.intro')}</p>
      {newestFirst.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <ul className="invitations" aria-labelledby={`${id}-title`}>
          {newestFirst.map((invitation: Stored<Invitation>) => (
            <InvitationRow key={invitation.id} invitation={withQueued(invitation, waiting.get(invitation.id), me)} queued={waiting.get(invitation.id)} />
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * A registered invitation in the shape the row shows. Whether it was taken
 * back is the relay's signed word (or this device's own revocation on its
 * way); the plan's list only lends who made it.
 */
function fromRegistry(entry: RegisteredInvitation, noted: Stored<Invitation> | undefined, people: readonly Stored<Person>[]): Stored<Invitation> {
  const revokedAt = entry.revokedBy?.signedAt ?? null
  return {
    id: entry.id,
    name: people.find((person) => person.id === entry.person)?.name ?? entry.name,
    role: entry.role,
    room: entry.room,
    issuedAt: entry.issuedAt,
    expiresAt: entry.expiresAt,
    revokedAt,
    revokedBy: revokedAt === null ? null : (noted?.revokedBy ?? null),
    revocationConfirmedAt: revokedAt,
    createdBy: noted?.createdBy ?? null,
    createdAt: entry.issuedAt,
    updatedBy: null,
    updatedAt: entry.issuedAt,
    order: '',
  }
}

/** A revocation this device made and is sending shows as being taken back, also before the relay's list says so. */
function withQueued(invitation: Stored<Invitation>, queued: OutboxEntry | undefined, me: string | null): Stored<Invitation> {
  if (!queued || invitation.revokedAt !== null) return invitation
  return { ...invitation, revokedAt: queued.createdAt, revokedBy: me }
}

/** This device's revocations, by token id, so a row can say "dit gaat in zodra je verbinding hebt" or what the relay said. */
function useWaitingHere(planId: string): Map<string, OutboxEntry> {
  const entries = useOutboxEntries(planId)
  return useMemo(() => new Map(entries.filter((entry) => entry.kind === 'revocation').map((entry) => [entry.id, entry])), [entries])
}
