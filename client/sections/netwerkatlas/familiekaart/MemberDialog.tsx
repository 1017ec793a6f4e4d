import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type PersonId } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { TextField } from '../../../app/TextField.tsx'
import { TextAreaField } from '../../../ui/TextAreaField.tsx'
import { useFormat } from '../../../ui/useFormat.ts'
import { AtlasDialog } from '../people/AtlasDialog.tsx'
import { useShowPerson } from '../people/useShowPerson.ts'
import { GenerationSelect } from './GenerationSelect.tsx'

/** One person in the familiekaart: generation, birth year, marks said with care, a note, and their lines (each can be taken away). */
export function MemberDialog({ person, onClose }: { person: PersonId | null; onClose: () => void }) {
  return person ? <OpenDialog key={person} person={person} onClose={onClose} /> : null
}

function OpenDialog({ person, onClose }: { person: PersonId; onClose: () => void }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const show = useShowPerson()
  const id = useId()
  const kaart = plan.netwerkatlas.familiekaart
  const member = useLive(kaart, () => kaart.member(person))
  const lines = useLive(kaart, () => kaart.linksOf(person))
  const [birthYear, setBirthYear] = useState(member?.birthYear === null || !member ? '' : String(member.birthYear))
  const [note, setNote] = useState(member?.note ?? '')
  if (!member) return null
  const name = show(member.person)

  const saveText = () => {
    const year = birthYear.trim() ? Number(birthYear) : null
    const patch: { birthYear?: number | null; note?: string } = {}
    if (year !== member.birthYear && (year === null || Number.isInteger(year))) patch.birthYear = year
    if (note.trim() !== member.note) patch.note = note.trim()
    if (Object.keys(patch).length) kaart.update(person, patch, me)
  }

  return (
    <AtlasDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) {
          saveText()
          onClose()
        }
      }}
      title={t('familiekaart.detailsTitle', { name })}
      footer={(close) => (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            kaart.removeMember(person)
            close()
          }}
        >
          {t('familiekaart.takeOut')}
        </button>
      )}
    >
      <GenerationSelect value={member.generation} onChange={(generation) => kaart.update(person, { generation }, me)} />
      <TextField label={t('familiekaart.birthYear')} inputMode="numeric" autoComplete="off" value={birthYear} onChange={setBirthYear} onBlur={saveText} />
      <fieldset className="field">
        <legend>{t('familiekaart.marks')}</legend>
        <p className="field-hint">{t('familiekaart.marksHint')}</p>
        <label className="radio" htmlFor={`${id}-deceased`}>
          <input id={`${id}-deceased`} type="checkbox" checked={member.deceased} onChange={(e) => kaart.update(person, { deceased: e.target.checked }, me)} />
          {format.wording(ATLAS_LABELS.familyMarks.deceased)}
        </label>
        <label className="radio" htmlFor={`${id}-contact`}>
          <input id={`${id}-contact`} type="checkbox" checked={member.outOfContact} onChange={(e) => kaart.update(person, { outOfContact: e.target.checked }, me)} />
          {format.wording(ATLAS_LABELS.familyMarks.outOfContact)}
        </label>
      </fieldset>
      <TextAreaField label={t('familiekaart.note')} value={note} onChange={setNote} onBlur={saveText} />
      {lines.length > 0 && (
        <section className="stack" aria-labelledby={`${id}-lines`}>
          <h3 id={`${id}-lines`} className="dialog-subtitle">
            {t('familiekaart.lines')}
          </h3>
          <ul className="atlas-list-items">
            {lines.map((line) => {
              const other = line.a.id === person ? line.b : line.a
              const words = t(line.kind === 'ouder-kind' ? (line.a.id === person ? 'familiekaart.lineParentOf' : 'familiekaart.lineChildOf') : `familiekaart.line.${line.kind}`, {
                name: show(other),
              })
              return (
                <li key={line.id} className="atlas-list-item">
                  <p>{words}</p>
                  <button type="button" className="button button-quiet button-small" aria-label={t('familiekaart.unlinkLabel', { line: words })} onClick={() => kaart.unlink(line.id)}>
                    {t('familiekaart.unlink')}
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      )}
    </AtlasDialog>
  )
}
