import { useState, type FormEvent } from 'react'
import type { PersonId } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { useParticipants } from '../../plan/useParticipants.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { TextField } from '../../ui/TextField.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * Saving "een versie" of the whole plan with a name and who filled it in
 * (the card's "versie ingevuld door"), here and on the card alike. Until
 * someone ticks a box, whoever is here now (and I) filled it in.
 */
export function SaveVersion({ labels, onSaved }: { labels: { name: string; nameHint: string; filledInBy: string; save: string }; onSaved?: (id: string) => void }) {
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const participants = useParticipants()
  const [name, setName] = useState('')
  const [picked, setPicked] = useState<ReadonlySet<PersonId> | null>(null)
  const chosen = picked
    ? participants.ids.filter((person) => picked.has(person))
    : participants.ids.filter((person) => participants.present.includes(person) || person === me)

  function toggle(person: PersonId, on: boolean) {
    const next = new Set(chosen)
    if (on) next.add(person)
    else next.delete(person)
    setPicked(next)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const id = plan.versions.save({ name: name.trim(), filledInBy: chosen.length > 0 ? chosen : [me] }, me)
    setName('')
    setPicked(null)
    onSaved?.(id)
  }

  return (
    <form className="stack" onSubmit={submit}>
      <TextField label={labels.name} hint={labels.nameHint} autoComplete="off" value={name} onChange={setName} />
      <fieldset className="field">
        <legend>{labels.filledInBy}</legend>
        <div className="checkbox-columns">
          {participants.ids.map((person) => (
            <label key={person} className="radio">
              <input type="checkbox" checked={chosen.includes(person)} onChange={(e) => toggle(person, e.target.checked)} />
              {format.name(person)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormButtons submit={labels.save} />
    </form>
  )
}
