import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { planPath } from '../app/planAddress.ts'
import { TextField } from '../ui/TextField.tsx'
import { loadDisplayName } from '../device/displayName.ts'
import { sections } from '../sections/registry.ts'
import { createPlan } from './createPlan.ts'

type Problem = 'householdName' | 'myName' | 'failed'

/**
 * "Nieuw plan": asks the household's name and yours, makes the plan on this
 * device and opens it. With `forHousehold`, "Een plan starten voor een
 * huishouden": a professional starts it for a household, says what their
 * work is, and is told before anything happens that the plan will be handed
 * over to the household (issue 11).
 */
export function NewPlanForm({ forHousehold = false }: { forHousehold?: boolean }) {
  const { t } = useTranslation('start')
  const id = useId()
  const [, navigate] = useLocation()
  const words = forHousehold ? 'forHousehold' : 'newPlan'
  const [householdName, setHouseholdName] = useState('')
  const [myName, setMyName] = useState('')
  const [work, setWork] = useState('')
  const [problems, setProblems] = useState<Problem[]>([])
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    void loadDisplayName().then((known) => current && known && setMyName((typed) => typed || known))
    return () => {
      current = false
    }
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    const missing: Problem[] = []
    if (!householdName.trim()) missing.push('householdName')
    if (!myName.trim()) missing.push('myName')
    setProblems(missing)
    if (missing.length > 0) return
    setBusy(true)
    try {
      const planId = await createPlan({ householdName, myName, ...(forHousehold ? { forHousehold: { relation: work } } : {}) })
      navigate(planPath(planId, sections[0]?.id ?? ''))
    } catch (error) {
      console.error('Creating a plan failed', error)
      setProblems(['failed'])
      setBusy(false)
    }
  }

  const has = (problem: Problem) => problems.includes(problem)

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`${words}.title`)}</h2>
      <p>{t(`${words}.intro`)}</p>
      {forHousehold && <p className="start-handover">{t('forHousehold.handover')}</p>}
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('newPlan.householdName')}
          value={householdName}
          onChange={setHouseholdName}
          autoComplete="off"
          hint={t('newPlan.householdNameHint')}
          error={has('householdName') ? t('newPlan.householdNameMissing') : null}
        />
        <TextField
          label={t('newPlan.myName')}
          value={myName}
          onChange={setMyName}
          autoComplete="name"
          hint={t('newPlan.myNameHint')}
          error={has('myName') ? t('newPlan.myNameMissing') : null}
        />
        {forHousehold && <TextField label={t('forHousehold.work')} value={work} onChange={setWork} autoComplete="organization-title" hint={t('forHousehold.workHint')} />}
        {has('failed') && (
          <p className="field-error" role="alert">
            {t('newPlan.failed')}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('newPlan.busy') : t(`${words}.submit`)}
          </button>
        </div>
      </form>
    </section>
  )
}
