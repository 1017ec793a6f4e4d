import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { keyFileText, keyHandoverText } from '../../../shared/identity/keyHandover.ts'
import type { ExportedPlanKey } from '../../../shared/identity/planKey.ts'
import { loadPlanKey } from '../../device/planKeys.ts'
import { useMeta, usePlan } from '../../plan/hooks.ts'
import { QrCode } from './QrCode.tsx'

/**
 * Making a second household member eigenaar: the plan key as a file and as a
 * QR code, after saying plainly what that means. The key is shown only when
 * asked for, and hidden again with one press.
 */
export function KeyHandoverPanel() {
  const { t } = useTranslation('toegang')
  const { planId } = usePlan()
  const { householdName } = useMeta()
  const id = useId()
  const [key, setKey] = useState<ExportedPlanKey | null>(null)
  const [failed, setFailed] = useState(false)

  async function show() {
    setFailed(false)
    const exported = await loadPlanKey(planId).catch(() => undefined)
    if (exported) setKey(exported)
    else setFailed(true)
  }

  function download(exported: ExportedPlanKey) {
    const url = URL.createObjectURL(new Blob([keyFileText(exported)], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `kring-plansleutel-${fileSafe(householdName) || planId}.json`
    link.click()
    // The download has its own copy; the object URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('key.title')}</h3>
      <p>{t('key.intro')}</p>
      <p className="key-final">{t('key.final')}</p>
      <p className="field-hint">{t('key.how')}</p>
      {key ? (
        <>
          <QrCode text={`${location.origin}/#/sleutel/${keyHandoverText(key)}`} label={t('key.qr')} />
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => download(key)}>
              {t('key.download')}
            </button>
            <button type="button" className="button" onClick={() => setKey(null)}>
              {t('key.hide')}
            </button>
          </div>
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={() => void show()}>
            {t('key.show')}
          </button>
        </div>
      )}
      {failed && (
        <p className="field-error" role="alert">
          {t('key.failed')}
        </p>
      )}
    </section>
  )
}

/** A household name as part of a file name: letters, digits and dashes only. */
function fileSafe(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 40)
}
