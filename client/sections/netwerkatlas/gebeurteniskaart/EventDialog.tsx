import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { LifeEvent } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'
import { AppDialog } from '../../../ui/AppDialog.tsx'
import { FormButtons } from '../../../ui/FormButtons.tsx'
import { EventFields } from './EventFields.tsx'
import { draftOf, whenOf, type EventDraft } from './eventDraft.ts'

/** Changes an event: its words, date, people and strength, saved together with "Opslaan". */
export function EventDialog({ event, onClose }: { event: LifeEvent | null; onClose: () => void }) {
  const { t } = useTranslation('netwerkatlas')
  return (
    <AppDialog isOpen={event !== null} onOpenChange={(open) => !open && onClose()} title={t('gebeurteniskaart.editTitle')}>
      {(close) => event && <EditForm key={event.id} event={event} onDone={close} />}
    </AppDialog>
  )
}

function EditForm({ event, onDone }: { event: LifeEvent; onDone: () => void }) {
  const { t } = useTranslation('ui')
  const { plan } = usePlan()
  const me = useMe()
  const [draft, setDraft] = useState<EventDraft>(() => draftOf(event))
  const [missing, setMissing] = useState(false)
  const kaart = plan.netwerkatlas.gebeurteniskaart

  function submit(form: FormEvent) {
    form.preventDefault()
    if (!draft.what.trim()) {
      setMissing(true)
      return
    }
    const before = draftOf(event)
    kaart.update(event.id, { what: draft.what.trim(), strength: draft.strength }, me)
    const when = whenOf(draft)
    const was = whenOf(before)
    if (when.when !== was.when || when.estimate !== was.estimate || draft.precision !== before.precision) kaart.setWhen(event.id, when.when, me, when.estimate)
    for (const person of draft.involved) if (!before.involved.includes(person)) kaart.involve(event.id, person, true, me)
    for (const person of before.involved) if (!draft.involved.includes(person)) kaart.involve(event.id, person, false, me)
    onDone()
  }

  return (
    <form className="stack atlas-dialog" onSubmit={submit} noValidate>
      <EventFields draft={draft} onChange={setDraft} whatMissing={missing} formerInvolved={event.involved.filter((p) => !p.onList)} />
      <FormButtons submit={t('save')} onCancel={onDone} />
    </form>
  )
}
