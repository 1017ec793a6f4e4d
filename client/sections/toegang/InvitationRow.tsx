import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { invitationStatus, type Invitation, type Stored } from '../../../shared/plan/index.ts'
import type { OutboxEntry } from '../../device/outbox.ts'
import { usePlan } from '../../plan/hooks.ts'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { revokeInvitation } from './revoke.ts'

/** One invitation: who, which role and rooms, since when and until when, and whether it was taken back (and whether the relay confirmed it). */
export function InvitationRow({ invitation, queued }: { invitation: Stored<Invitation>; queued: OutboxEntry | undefined }) {
  const { t } = useTranslation('toegang')
  const { plan, planId, me, access, canWrite } = usePlan()
  const format = useFormat()
  const [asking, setAsking] = useState(false)
  const [failed, setFailed] = useState(false)
  const status = invitationStatus(invitation, Date.now())
  const name = invitation.name || t('list.noName')

  async function revoke() {
    setFailed(false)
    try {
      await revokeInvitation(planId, plan, invitation.id, me)
    } catch (error) {
      console.error('Taking access back failed', error)
      setFailed(true)
    }
  }

  return (
    <li className={`card invitation invitation-${status}`}>
      <div className="invitation-text">
        <p className="invitation-name">
          {name} <span className="badge">{t(`list.status.${status}`)}</span>
        </p>
        <p>
          {t(`common:roles.${invitation.role}`)} · {t(`rooms.${invitation.room}`)}
        </p>
        <p className="muted">{t('list.since', { date: format.date(invitation.issuedAt), name: format.name(invitation.createdBy) })}</p>
        {status === 'active' && <p className="muted">{invitation.expiresAt === null ? t('list.expiresNever') : t('list.expires', { date: format.date(invitation.expiresAt) })}</p>}
        {status === 'expired' && invitation.expiresAt !== null && <p className="muted">{t('list.expired', { date: format.date(invitation.expiresAt) })}</p>}
        {invitation.revokedAt !== null && <p>{t('list.revoked', { date: format.moment(invitation.revokedAt), name: format.name(invitation.revokedBy) })}</p>}
        {status === 'revoked' && invitation.revocationConfirmedAt !== null && (
          <p className="invitation-confirmed">{t('list.confirmed', { date: format.moment(invitation.revocationConfirmedAt) })}</p>
        )}
        {status === 'revoking' && <RevokingLine invitation={invitation} queued={queued} />}
      </div>
      {access.holdsKey && canWrite && status === 'active' && (
        <div className="invitation-actions">
          <button type="button" className="button" aria-label={t('list.revokeLabel', { name })} onClick={() => setAsking(true)}>
            {t('list.revoke')}
          </button>
        </div>
      )}
      {failed && (
        <p className="field-error" role="alert">
          {t('list.revokeFailed')}
        </p>
      )}
      <ConfirmDialog isOpen={asking} onOpenChange={setAsking} title={t('list.revokeTitle', { name })} confirmLabel={t('list.revokeConfirm')} onConfirm={() => void revoke()}>
        <p>{t('list.revokeBody', { name })}</p>
        <p>{t('list.revokeFinal')}</p>
      </ConfirmDialog>
    </li>
  )
}

/** A revocation not yet confirmed by the relay: from this device (waiting for a connection, or refused) or from another household device. */
function RevokingLine({ invitation, queued }: { invitation: Stored<Invitation>; queued: OutboxEntry | undefined }) {
  const { t } = useTranslation('toegang')
  const format = useFormat()
  if (queued?.refusedWith) return <p className="field-error">{t('list.revokeRefused')}</p>
  if (queued) return <p className="invitation-waiting">{t('list.revokingHere')}</p>
  return <p className="invitation-waiting">{t('list.revoking', { name: format.name(invitation.revokedBy) })}</p>
}
