import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { issueRevocation } from '../../../shared/capabilities/revocation.ts'
import { toBase64Url } from '../../../shared/identity/base64url.ts'
import { enqueue } from '../../device/outbox.ts'
import { planKeyOnThisDevice } from '../../invitations/deviceAccess.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useRelayAccess } from '../../relay/useRelayAccess.ts'

/**
 * Offered at once after a handover (issue 11): "alles van vóór de overdracht
 * intrekken". Links the previous holder made keep working until then; this
 * takes back, in one signed step, everything the earlier keys signed.
 */
export function RevokeEarlierKeys() {
  const { t } = useTranslation('toegang')
  const { planId } = usePlan()
  const id = useId()
  const { access } = useRelayAccess(planId)
  const [sent, setSent] = useState(false)
  const handedOver = (access?.chain.handovers.length ?? 0) > 0
  const done = access?.revocations.some((revocation) => 'signedByEarlierKeys' in revocation.scope && access.chain.keys.at(-1) === toBase64Url(revocation.publicKey)) ?? false
  if (!handedOver || done) return null

  async function revokeAll() {
    const key = await planKeyOnThisDevice(planId)
    if (!key) return
    await enqueue({ planId, id: `earlier-keys:${key.handovers.length}`, kind: 'revocation', text: await issueRevocation(key, { signedByEarlierKeys: true }) })
    setSent(true)
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('earlierKeys.title')}</h3>
      <p>{t('earlierKeys.intro')}</p>
      {sent ? (
        <p className="invitation-waiting">{t('earlierKeys.sent')}</p>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => void revokeAll()}>
            {t('earlierKeys.confirm')}
          </button>
        </div>
      )}
    </section>
  )
}
