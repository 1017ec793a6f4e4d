import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays, isDay, today } from '../../../shared/plan/core.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { TextField } from '../../ui/TextField.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/** About three months: a light check-in, offered as the first choice; anyone changes it. */
const CHECK_IN_AFTER_DAYS = 91

/**
 * How much help there is now: full, or a waakvlam with one check-in day.
 * "Zo licht als het kan, zo zwaar als nodig": anyone can put the plan on a
 * waakvlam, and anyone — the household first — can turn it back up, at any time.
 */
export function WaakvlamPanel() {
  const { t } = useTranslation('route')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const state = useLive(plan.waakvlam, () => plan.waakvlam.state())
  const [day, setDay] = useState(() => state.checkIn ?? addDays(today(), CHECK_IN_AFTER_DAYS))
  const [changing, setChanging] = useState(false)

  function lower(event: FormEvent) {
    event.preventDefault()
    plan.waakvlam.lower(isDay(day) ? day : null, me)
    setChanging(false)
  }

  const dayForm = (submit: string) => (
    <form className="stack" onSubmit={lower}>
      <TextField label={t('waakvlam.checkIn')} hint={t('waakvlam.checkInHint')} type="date" value={day} onChange={setDay} />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {submit}
        </button>
      </div>
    </form>
  )

  return (
    <section className={`route-waakvlam route-waakvlam-${state.level} card stack`} aria-labelledby="route-waakvlam-title">
      <h3 id="route-waakvlam-title">{t('waakvlam.title')}</h3>
      <p className="muted">{t('waakvlam.motto')}</p>
      {state.level === 'full' ? (
        <>
          <p>{t('waakvlam.full')}</p>
          {state.by !== null && <p className="muted">{t('waakvlam.raisedBy', { name: format.name(state.by), date: format.date(state.at) })}</p>}
          {canWrite && dayForm(t('waakvlam.lower'))}
        </>
      ) : (
        <>
          <p>
            <strong>{t('waakvlam.on')}</strong>
          </p>
          <p className="muted">{t('waakvlam.since', { name: format.name(state.by), date: format.date(state.at) })}</p>
          <p>{state.checkIn ? t('waakvlam.checkInDay', { day: format.day(state.checkIn) }) : t('waakvlam.noCheckIn')}</p>
          {canWrite &&
            (changing ? (
              dayForm(t('waakvlam.saveDay'))
            ) : (
              <div className="button-row">
                <button type="button" className="button button-quiet button-small" onClick={() => setChanging(true)}>
                  {t('waakvlam.otherDay')}
                </button>
              </div>
            ))}
          <p>{t('waakvlam.raiseHint')}</p>
          {canWrite && (
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => plan.waakvlam.raise(me)}>
                {t('waakvlam.raise')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}
