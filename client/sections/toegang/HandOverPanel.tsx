import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { keyFileText, keyHandoverText } from '../../../shared/identity/keyHandover.ts'
import type { ExportedPlanKey } from '../../../shared/identity/planKey.ts'
import { loadPlanKey } from '../../device/planKeys.ts'
import { useMeta, usePlan } from '../../plan/hooks.ts'
import { QrCode } from './QrCode.tsx'

/**
 * "Het plan overdragen aan het huishouden" (issue 11): a professional who
 * started the plan for a household gives it to them at the first meeting,
 * by QR code or file. The household's device makes a new plan key and signs
 * the handover with this one; from then on this device can no longer invite,
 * take access back or delete, and it forgets the key. Nobody's link breaks.
 */
export function HandOverPanel() {
  const { t } = useTranslation('toegang')
  const { planId } = usePlan()
  const { householdName } = useMeta()
  const id = useId()
  const [key, setKey] = useState<ExportedPlanKey | null>(null)

  async function show() {
    setKey((await loadPlanKey(planId)) ?? null)
  }

  function download(exported: ExportedPlanKey) {
    const url = URL.createObjectURL(new Blob([keyFileText(exported)], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `kring-overdracht-${planId}.json`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('handOver.title')}</h3>
      <p>{t('handOver.intro', { name: householdName })}</p>
      <p className="key-final">{t('handOver.final')}</p>
      {key ? (
        <>
          <QrCode text={`${location.origin}/#/overnemen/${keyHandoverText(key)}`} label={t('handOver.qr')} />
          <div className="button-row">
            <button type="button" className="button" onClick={() => download(key)}>
              {t('handOver.download')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setKey(null)}>
              {t('handOver.hide')}
            </button>
          </div>
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => void show()}>
            {t('handOver.show')}
          </button>
        </div>
      )}
    </section>
  )
}
