import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { handOverToNewKey } from '../../shared/capabilities/handover.ts'
import { readToken } from '../../shared/capabilities/token.ts'
import { exportPlanKey } from '../../shared/identity/planKey.ts'
import { AppHeader } from '../app/AppHeader.tsx'
import { planPath } from '../app/planAddress.ts'
import { SkipLink } from '../app/SkipLink.tsx'
import { enqueue } from '../device/outbox.ts'
import { savePlanKey } from '../device/planKeys.ts'
import { devicePlan } from '../device/plans.ts'
import { readQrImage } from './readQrImage.ts'
import { registerInvitation } from './register.ts'
import { sendOutbox } from '../relay/outboxSender.ts'
import { tokenForThisDevice } from './deviceAccess.ts'
import { useGivenKey, type GivenKey } from './useGivenKey.ts'


/**
 * `/#/overnemen[/<key>]` (issue 11): the household takes over a plan a
 * professional started for it, from the professional's QR code (scanned, or
 * a photo of it) or file. This device makes a new plan key and signs, with
 * the key it was given, that the new key speaks for the plan from now on;
 * the handover goes to the relay (now, or once there is a connection), and
 * the professional's device can no longer manage the plan. The plan id stays.
 */
export function TakeOverPage({ given }: { given?: string }) {
  const { t } = useTranslation('toegang')
  const [, navigate] = useLocation()
  const id = useId()
  const { found, problem, setProblem, read } = useGivenKey<'noCode' | 'failed'>(given, '/overnemen')

  async function readPicture(file: File | undefined) {
    if (!file) return
    const text = await readQrImage(file).catch(() => undefined)
    if (text === undefined) return setProblem('noCode')
    await read(text)
  }

  async function takeOver(key: GivenKey) {
    try {
      const planId = key.key.planId
      const me = (await devicePlan(planId))?.me ?? undefined
      const { next } = await handOverToNewKey(key.key, { toPerson: me })
      // The new key is kept before anything is sent: the plan is never left with a handover and no key.
      await savePlanKey(await exportPlanKey(next))
      await enqueue({ planId, id: `handover:${next.handovers.length}`, kind: 'handover', text: next.handovers.join('\n') })
      // Sent now when there is a connection (otherwise as soon as there is one); this device's token follows the relay.
      await sendOutbox()
      const token = await tokenForThisDevice(planId)
      if (me && token) await registerInvitation(next, readToken(token))
      navigate(planPath(planId, 'toegang'), { replace: true })
    } catch (error) {
      console.error('Taking over the plan failed', error)
      setProblem('failed')
    }
  }

  return (
    <div className="page">
      <SkipLink targetId="content" />
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('takeOver.title')}</h1>
        <p>{t('takeOver.intro')}</p>
        <form className="stack card" onSubmit={(event) => event.preventDefault()}>
          <div className="field">
            <label htmlFor={`${id}-picture`}>{t('takeOver.picture')}</label>
            <input id={`${id}-picture`} type="file" accept="image/*" capture="environment" onChange={(e) => void readPicture(e.target.files?.[0])} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('takeOver.file')}</label>
            <input id={`${id}-file`} type="file" accept=".json,application/json,text/plain" onChange={(e) => void e.target.files?.[0]?.text().then(read)} />
          </div>
        </form>
        {problem && (
          <p className="field-error" role="alert">
            {t(`takeOver.problem.${problem}`)}
          </p>
        )}
        {found && (
          <section className="card stack" aria-live="polite">
            <p>{found.householdName ? t('takeOver.found', { name: found.householdName }) : t('takeOver.foundUnknown')}</p>
            <p>{t('takeOver.what')}</p>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => void takeOver(found)}>
                {t('takeOver.confirm')}
              </button>
            </div>
          </section>
        )}
      </main>
    </div>
  )
}
