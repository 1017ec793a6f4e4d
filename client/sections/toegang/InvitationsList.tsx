import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Invitation, Stored } from '../../../shared/plan/index.ts'
import type { OutboxEntry } from '../../device/outbox.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { InvitationRow } from './InvitationRow.tsx'
import { useOutboxEntries } from '../../relay/useOutboxEntries.ts'

/**
 * "Wie kan meelezen en meeschrijven": every invitation the household made,
 * newest first, for everyone in the plan to see. A device holding the plan
 * key can take one back.
 */
export function InvitationsList() {
  const { t } = useTranslation('toegang')
  const { plan, planId } = usePlan()
  const id = useId()
  const invitations = useLive(plan.invitations, () => plan.invitations.list())
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
            <InvitationRow key={invitation.id} invitation={invitation} queued={waiting.get(invitation.id)} />
          ))}
        </ul>
      )}
    </section>
  )
}

/** This device's revocations, by token id, so a row can say "dit gaat in zodra je verbinding hebt" or what the relay said. */
function useWaitingHere(planId: string): Map<string, OutboxEntry> {
  const entries = useOutboxEntries(planId)
  return useMemo(() => new Map(entries.filter((entry) => entry.kind === 'revocation').map((entry) => [entry.id, entry])), [entries])
}
