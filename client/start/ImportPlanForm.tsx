import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { ExportFileError } from '../../shared/export/index.ts'
import { planPath } from '../app/planAddress.ts'
import { sections } from '../sections/registry.ts'
import { importPlan } from './importPlan.ts'

type Problem = ExportFileError['reason'] | 'unreadable'

/** "Een plan openen uit een bestand": a Kring export becomes a new plan on this device, managed here. */
export function ImportPlanForm() {
  const { t } = useTranslation('start')
  const [, navigate] = useLocation()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    if (!file) return
    setBusy(true)
    setProblem(null)
    try {
      let parsed: unknown
      try {
        parsed = JSON.parse(await file.text())
      } catch {
        throw new ExportFileError('not-an-export', 'not JSON')
      }
      const planId = await importPlan(parsed)
      navigate(planPath(planId, sections[0]?.id ?? ''))
    } catch (error) {
      setProblem(error instanceof ExportFileError ? error.reason : 'unreadable')
      setBusy(false)
    }
  }

  return (
    <section className="card stack" aria-labelledby="import-plan-title">
      <h2 id="import-plan-title">{t('importPlan.title')}</h2>
      <p>{t('importPlan.intro')}</p>
      <div className="field">
        <label htmlFor="import-plan-file">{t('importPlan.file')}</label>
        <input id="import-plan-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void onFile(e)} aria-describedby="import-plan-status" />
      </div>
      <p id="import-plan-status" role="status" className={problem ? 'field-error' : 'muted'}>
        {busy ? t('importPlan.busy') : problem ? t(`importPlan.errors.${problem}`) : ''}
      </p>
    </section>
  )
}
