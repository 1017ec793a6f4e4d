import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredMeeting } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useActor } from '../plan/useActor.ts'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'
import { useFormat } from '../ui/useFormat.ts'

/**
 * "Bijeenkomst afronden": the meeting's record goes into the plan
 * (shared/plan/meeting/record.ts), and the plan as it stands is kept as a
 * version named after the meeting, with everyone who was there as its
 * writers, so "Versies" can later show what the meeting changed.
 */
export function EndMeeting({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('meeting')
  const { plan, me } = usePlan()
  const actor = useActor()
  const format = useFormat()
  const [asking, setAsking] = useState(false)

  function end() {
    const present = Object.keys(plan.meetings.get(meeting.id)?.present ?? {})
    if (!plan.meetings.end(meeting.id, actor)) return
    plan.versions.save({ name: t('lead.versionName', { date: format.date(Date.now()) }), filledInBy: present }, me)
  }

  return (
    <>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t('lead.end')}
        </button>
      </div>
      <ConfirmDialog isOpen={asking} onOpenChange={setAsking} title={t('lead.endTitle')} confirmLabel={t('lead.endConfirm')} onConfirm={end}>
        <p>{t('lead.endText')}</p>
      </ConfirmDialog>
    </>
  )
}
