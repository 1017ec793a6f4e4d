import { useTranslation } from 'react-i18next'
import { usePlan, useRecords } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { RemovedNotices } from '../../ui/RemovedNotices.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { Geslaagd } from './Geslaagd.tsx'
import { ProposeValue } from './ProposeValue.tsx'
import { ValueList } from './ValueList.tsx'
import './waarden.css'
import { SectionTitle } from '../../ui/SectionTitle.tsx'

/**
 * "Waarden": the dialogue starts from values. "Voor mij" and "voor ons" side
 * by side, everyone's own values visible next to each other, and each
 * person's "Ik vind … geslaagd als …".
 */
export function WaardenSection() {
  const { t } = useTranslation('waarden')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const people = useRecords(plan.people)
  const all = useLive(plan.waarden, () => plan.waarden.list())
  const mine = useLive(plan.waarden, () => plan.waarden.personalOf(me))
  const shared = useLive(plan.waarden, () => plan.waarden.shared())
  const removed = useLive(plan.waarden, () => plan.waarden.removed())
  // Others with values of their own, in people-list order; someone removed from the list keeps their values visible.
  const holders = [...new Set(all.flatMap((v) => (v.scope === 'personal' && v.proposedBy !== null && v.proposedBy !== me ? [v.proposedBy] : [])))].sort(
    (a, b) => people.findIndex((p) => p.id === a) - people.findIndex((p) => p.id === b),
  )

  return (
    <section className="waarden stack" aria-labelledby="waarden-title">
      <SectionTitle id="waarden-title" title={t('title')} method={t('method')} />
      <p className="section-intro">{t('intro')}</p>

      <div className="waarden-columns">
        <section className="waarden-column card stack" aria-labelledby="waarden-mij">
          <h3 id="waarden-mij">{t('voorMij.title')}</h3>
          <ValueList values={mine} label={t('voorMij.title')} empty={t('voorMij.empty')} />
          <ProposeValue scope="personal" />
          {holders.length > 0 && (
            <section className="waarden-others stack" aria-labelledby="waarden-anderen">
              <h3 id="waarden-anderen">{t('voorMij.others')}</h3>
              {holders.map((person) => {
                const label = t('voorMij.ofPerson', { name: format.name(person) })
                return (
                  <section key={person} className="waarden-person" aria-label={label}>
                    <h4>{label}</h4>
                    <ValueList values={plan.waarden.personalOf(person)} label={label} />
                  </section>
                )
              })}
            </section>
          )}
        </section>

        <section className="waarden-column waarden-ons card stack" aria-labelledby="waarden-ons">
          <h3 id="waarden-ons">{t('voorOns.title')}</h3>
          <ValueList values={shared} label={t('voorOns.title')} empty={t('voorOns.empty')} />
          <ProposeValue scope="shared" />
        </section>
      </div>

      <RemovedNotices
        label={t('removedLabel')}
        items={removed}
        onRestore={(id) => plan.waarden.restore(id)}
        onDismiss={(id, actor) => plan.waarden.dismiss(id, actor)}
      />

      <Geslaagd />
    </section>
  )
}
