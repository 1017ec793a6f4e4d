import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlan } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'
import { FormButtons } from '../../../ui/FormButtons.tsx'
import { EventFields } from './EventFields.tsx'
import { EMPTY_DRAFT, whenOf, type EventDraft } from './eventDraft.ts'

/** Writes down an event; it takes its place on the timeline by its date, exact or approximate. */
export function AddEventForm() {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const id = useId()
  const [draft, setDraft] = useState<EventDraft>(EMPTY_DRAFT)
  const [missing, setMissing] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!draft.what.trim()) {
      setMissing(true)
      return
    }
    plan.netwerkatlas.gebeurteniskaart.add({ what: draft.what.trim(), ...whenOf(draft), involved: draft.involved, strength: draft.strength }, me)
    // Keep how the date was said: the next event is often told the same way.
    setDraft({ ...EMPTY_DRAFT, precision: draft.precision })
    setMissing(false)
  }

  return (
    <form className="card stack atlas-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('gebeurteniskaart.addTitle')}</h4>
      <EventFields draft={draft} onChange={setDraft} whatMissing={missing} />
      <FormButtons submit={t('gebeurteniskaart.add')} />
    </form>
  )
}
