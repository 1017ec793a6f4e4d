import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { RemovedNotices } from '../../../ui/RemovedNotices.tsx'
import { AddEventForm } from './AddEventForm.tsx'
import { EventDialog } from './EventDialog.tsx'
import { EventList } from './EventList.tsx'
import { Timeline } from './Timeline.tsx'
import './gebeurteniskaart.css'

/** De gebeurteniskaart: what happened in the household's life, in time, and what it gave or cost. */
export function GebeurteniskaartView() {
  const { t } = useTranslation('netwerkatlas')
  const { plan, canWrite } = usePlan()
  const kaart = plan.netwerkatlas.gebeurteniskaart
  const events = useLive(kaart, () => kaart.list())
  const removed = useLive(kaart, () => kaart.removed())
  const [open, setOpen] = useState<string | null>(null)
  const editing = open ? (events.find((e) => e.id === open) ?? null) : null

  return (
    <section className="atlas-instrument gebeurteniskaart stack" aria-labelledby="gebeurteniskaart-title">
      <h3 id="gebeurteniskaart-title">{t('instruments.gebeurteniskaart')}</h3>
      <p className="section-intro">{t('gebeurteniskaart.intro')}</p>
      {events.length === 0 ? <p className="atlas-empty">{t('gebeurteniskaart.empty')}</p> : <Timeline events={events} onOpen={canWrite ? setOpen : undefined} />}
      {canWrite && (
        <div className="atlas-forms">
          <AddEventForm />
        </div>
      )}
      {events.length > 0 && <EventList events={events} onOpen={canWrite ? setOpen : undefined} />}
      <RemovedNotices
        label={t('gebeurteniskaart.removedLabel')}
        items={removed.map((e) => ({ id: e.id, text: e.what, createdBy: e.createdBy, removedBy: e.removedBy, removedAt: e.removedAt }))}
        onRestore={(id) => kaart.restore(id)}
        onDismiss={(id, actor) => kaart.dismiss(id, actor)}
      />
      <EventDialog event={editing} onClose={() => setOpen(null)} />
    </section>
  )
}
