import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlan } from '../plan/hooks.ts'
import { YourRole } from './YourRole.tsx'

const SEEN = 'kring.welcomed.'

/**
 * The first time a device opens a plan with an invitation that names its
 * person (issue 11), it says whom it is here as and what that role may do,
 * instead of asking "Wie ben jij?": the household already said. Shown until
 * the person says they read it (remembered on this device).
 */
export function Welcome() {
  const { t } = useTranslation('uitnodiging')
  const { planId, me, access, user } = usePlan()
  const name = user.name
  const [seen, setSeen] = useState(() => readSeen(planId))
  if (seen || access.holdsKey || !access.person || access.person !== me) return null

  function close() {
    try {
      localStorage.setItem(SEEN + planId, '1')
    } catch {
      // Not remembered: it shows once more next time, which does no harm.
    }
    setSeen(true)
  }

  return (
    <section className="card stack welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcome.title', { name: name ?? '' })}</h2>
      <p>{t('welcome.invitedAs', { name: name ?? '' })}</p>
      <YourRole role={access.role} />
      <div className="button-row">
        <button type="button" className="button" onClick={close}>
          {t('welcome.ok')}
        </button>
      </div>
    </section>
  )
}

function readSeen(planId: string): boolean {
  try {
    return localStorage.getItem(SEEN + planId) === '1'
  } catch {
    return false
  }
}
