import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components'
import { consentOf } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { RemovedNotices } from '../../ui/RemovedNotices.tsx'
import { SectionTitle } from '../../ui/SectionTitle.tsx'
import { AllActions } from './AllActions.tsx'
import { LuktHetList } from './LuktHet.tsx'
import { Terugkijken } from './Terugkijken.tsx'
import { WatDoeIk } from './WatDoeIk.tsx'
import './basisteam.css'

/**
 * "Basisteam": wie doet wat, waar, wanneer en hoe. Two views of the same
 * actions — "Wat doe ik" (only what is asked of me) and all of them —
 * "Lukt het?" for the plan as a whole, and beside it "Samen terugkijken":
 * the evaluatiemomenten with everyone's answers and what changed.
 */
export function BasisteamSection() {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const mine = useLive(plan.basisteam, () => plan.basisteam.forPerson(me))
  const asks = mine.filter((a) => consentOf(a, me) === 'asked').length
  // Someone who is asked for something starts on their own view; the choice then stays put.
  const [tab, setTab] = useState<Key>(() => (mine.length > 0 ? 'mine' : 'all'))
  const forPlan = useLive(plan.luktHet, () => plan.luktHet.forPlan())
  const removedEvaluations = useLive(plan.luktHet, () => plan.luktHet.removed())
  // `/basisteam/terugkijken` and `/basisteam/lukt-het` (from the plan's notices) open the section at that part.
  const { view } = useParams<{ view?: string }>()
  useEffect(() => {
    const part = view && document.getElementById(view)
    if (!part) return
    part.scrollIntoView({ block: 'start' })
    part.focus({ preventScroll: true })
  }, [view])

  return (
    <section className="basisteam stack" aria-labelledby="basisteam-title">
      <SectionTitle id="basisteam-title" title={t('title')} method={t('method')} />
      <p className="section-intro">{t('intro')}</p>
      <p className="section-intro">{t('tasks')}</p>
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="tabs">
        <TabList aria-label={t('tabsLabel')} className="tab-list">
          <Tab id="mine" className="tab">
            {asks > 0 ? t('tabs.mineWithAsks', { count: asks }) : t('tabs.mine')}
          </Tab>
          <Tab id="all" className="tab">
            {t('tabs.all')}
          </Tab>
        </TabList>
        <TabPanel id="mine" className="tab-panel">
          <WatDoeIk />
        </TabPanel>
        <TabPanel id="all" className="tab-panel">
          <AllActions />
        </TabPanel>
      </Tabs>
      <section className="lukt-het-plan card stack" id="lukt-het" aria-labelledby="lukt-het-title" tabIndex={-1}>
        <h3 id="lukt-het-title">{t('luktHet.title')}</h3>
        <p className="muted">{t('luktHet.intro')}</p>
        <LuktHetList evaluations={forPlan} action={null} label={t('luktHet.title')} />
        <RemovedNotices
          label={t('luktHet.removedLabel')}
          items={removedEvaluations}
          onRestore={(id) => plan.luktHet.restore(id)}
          onDismiss={(id, actor) => plan.luktHet.dismiss(id, actor)}
        />
      </section>
      <Terugkijken />
    </section>
  )
}
