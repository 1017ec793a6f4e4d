import { useTranslation } from 'react-i18next'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { NetwerkRoom } from './NetwerkRoom.tsx'
import { opensNetwerk } from './opensNetwerk.ts'
import './strings.ts'
import './onsNetwerk.css'

/**
 * "Ons netwerk": the network's own room (`<planId>.netwerk`), outside
 * meetings too, so the promise of the invitation form ("de ruimte van het
 * netwerk") is real. The workspace offers it only to roles that open that
 * room (registry: `room: 'netwerk'`); should a link bring anyone else here,
 * it opens nothing.
 */
export function OnsNetwerkSection() {
  const { t } = useTranslation('onsNetwerk')
  const { plan, access } = usePlan()
  const running = useLive(plan.meetings, () => plan.meetings.running())
  const privetijd = running !== null && running.privetijd !== null && running.privetijd.endedAt === null
  return (
    <section className="ons-netwerk stack" aria-labelledby="ons-netwerk-title">
      <h2 id="ons-netwerk-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      {privetijd && <p className="notice notice-calm">{t('privetijd.running')}</p>}
      {opensNetwerk(access) && <NetwerkRoom headingLevel={3} />}
    </section>
  )
}
