import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PARTNERSCHAPSKAART, type PersonId, type StoredCardVersion } from '../../../shared/plan/index.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { useParticipants } from '../../plan/useParticipants.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * "Versie ingevuld door": keep the card as it is now under a name, with who
 * filled it in; look back at kept versions. A simple frozen copy for now.
 */
export function CardVersions() {
  const { t } = useTranslation('partnerschapskaart')
  const { plan, canWrite } = usePlan()
  const versions = useLive(plan.partnerschapskaart.versions, () => plan.partnerschapskaart.versions.list())
  return (
    <section className="pk-versions card stack" aria-labelledby="pk-versions-title">
      <h3 id="pk-versions-title">{t('versions.title')}</h3>
      <p className="muted">{t('versions.intro')}</p>
      {canWrite && <SaveVersion />}
      <h4>{t('versions.saved')}</h4>
      {versions.length === 0 ? (
        <p className="muted">{t('versions.none')}</p>
      ) : (
        <ul className="pk-version-list">
          {[...versions].reverse().map((version) => (
            <VersionRow key={version.id} version={version} />
          ))}
        </ul>
      )}
    </section>
  )
}

function SaveVersion() {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const participants = useParticipants()
  const [name, setName] = useState('')
  // Until someone ticks a box, whoever is here now (and I) filled it in.
  const [picked, setPicked] = useState<ReadonlySet<PersonId> | null>(null)
  const chosen = picked
    ? participants.ids.filter((person) => picked.has(person))
    : participants.ids.filter((person) => participants.present.includes(person) || person === me)

  function toggle(person: PersonId, on: boolean) {
    setPicked(withToggled(new Set(chosen), person, on))
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    plan.partnerschapskaart.versions.save({ name: name.trim(), filledInBy: chosen.length > 0 ? chosen : [me] }, me)
    setName('')
    setPicked(null)
  }

  return (
    <form className="stack" onSubmit={submit}>
      <TextField label={t('versions.name')} hint={t('versions.nameHint')} autoComplete="off" value={name} onChange={setName} />
      <fieldset className="field">
        <legend>{t('versions.filledInBy')}</legend>
        <div className="checkbox-columns">
          {participants.ids.map((person) => (
            <label key={person} className="radio">
              <input type="checkbox" checked={chosen.includes(person)} onChange={(e) => toggle(person, e.target.checked)} />
              {format.name(person)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormButtons submit={t('versions.save')} />
    </form>
  )
}

function VersionRow({ version }: { version: StoredCardVersion }) {
  const { t } = useTranslation('partnerschapskaart')
  const format = useFormat()
  return (
    <li className="pk-version">
      <p className="pk-version-name">{version.name || t('versions.unnamed')}</p>
      <p className="muted">
        {t('versions.line', { names: format.names(version.filledInBy), by: format.name(version.createdBy), when: format.moment(version.createdAt) })}
      </p>
      <details>
        <summary>{t('versions.show')}</summary>
        <VersionContent id={version.id} />
      </details>
    </li>
  )
}

function VersionContent({ id }: { id: string }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const format = useFormat()
  const content = plan.partnerschapskaart.versions.content(id)
  if (!content) return <p className="muted">{t('versions.unreadable')}</p>
  return (
    <dl className="pk-version-content">
      {PARTNERSCHAPSKAART.map((prompt) => {
        const lines =
          prompt.step === 'waarden'
            ? [
                ...content.values.filter((v) => v.scope === 'shared').map((v) => v.text),
                ...content.geslaagd.map((g) => `${format.name(g.person)}: ${t('waarden:geslaagd.sentence', { subject: g.subject || t('waarden:geslaagd.subjectDefault'), condition: g.condition || '…' })}`),
              ]
            : content.items.filter((i) => i.step === prompt.step).map((i) => i.text)
        return (
          <div key={prompt.step}>
            <dt>{format.wording(prompt.title)}</dt>
            {lines.length === 0 ? <dd className="muted">{t('versions.empty')}</dd> : lines.map((line, index) => <dd key={index}>{line}</dd>)}
          </div>
        )
      })}
    </dl>
  )
}

function withToggled(set: ReadonlySet<PersonId>, person: PersonId, on: boolean): ReadonlySet<PersonId> {
  const next = new Set(set)
  if (on) next.add(person)
  else next.delete(person)
  return next
}
