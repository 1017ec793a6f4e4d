import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { NetwerkRoom } from './NetwerkRoom.tsx'
import { opensNetwerk } from './opensNetwerk.ts'
import './strings.ts'
import './onsNetwerk.css'

/**
 * The meeting's privétijd step. Whether privétijd runs comes from the
 * meeting (shared/plan/meeting/meetings.ts; the gespreksleider starts it).
 *
 * - The household and its network work in their own room on a draft of
 *   their plan; when privétijd ends they choose what to bring into the plan
 *   ("delen met het plan"); nothing is copied without that choice.
 * - A professional (or a meelezer) reads, kindly, that the household and
 *   its network now talk on their own, with the offer to step out. Their
 *   device never opens the network's room: no connection, no local copy.
 */
export function Privetijd() {
  const { access } = usePlan()
  return opensNetwerk(access) ? <OurPrivetijd /> : <OutsidePrivetijd />
}

type PrivetijdState = 'none' | 'not-yet' | 'running' | 'ended'

function usePrivetijdState(): PrivetijdState {
  const { plan } = usePlan()
  return useLive(plan.meetings, () => {
    const running = plan.meetings.running()
    if (!running) return 'none'
    if (!running.privetijd) return 'not-yet'
    return running.privetijd.endedAt === null ? 'running' : 'ended'
  })
}

function OurPrivetijd() {
  const { t } = useTranslation('onsNetwerk')
  const state = usePrivetijdState()
  return (
    <section className="privetijd stack" aria-labelledby="privetijd-title" data-privetijd={state}>
      <h3 id="privetijd-title">{t('privetijd.title')}</h3>
      {state === 'running' && (
        <>
          <p className="notice notice-calm">{t('privetijd.running')}</p>
          <p>{t('privetijd.runningHint')}</p>
        </>
      )}
      {state === 'not-yet' && <p className="muted">{t('privetijd.notYet')}</p>}
      {state === 'ended' && <p className="notice notice-calm">{t('privetijd.ended')}</p>}
      <NetwerkRoom headingLevel={4} shareFirst={state === 'ended'} />
    </section>
  )
}

/** What a professional sees: a kind word, and the offer to step out for a while. */
function OutsidePrivetijd() {
  const { t } = useTranslation('onsNetwerk')
  const state = usePrivetijdState()
  const [out, setOut] = useState(false)
  return (
    <section className="privetijd privetijd-outside stack" aria-labelledby="privetijd-title" data-privetijd={state}>
      <h3 id="privetijd-title">{t('privetijd.professionalTitle')}</h3>
      {state === 'ended' ? (
        <p className="notice notice-calm">{t('privetijd.professionalEnded')}</p>
      ) : out ? (
        <>
          <p className="notice notice-calm" role="status">
            {t('privetijd.steppedOut')}
          </p>
          <div className="button-row">
            <button type="button" className="button button-quiet" onClick={() => setOut(false)}>
              {t('privetijd.stepBackIn')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('privetijd.professional')}</p>
          <p>{t('privetijd.professionalAfter')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setOut(true)}>
              {t('privetijd.stepOut')}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
