import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type PersonId } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { TextField } from '../../../app/TextField.tsx'
import { TextAreaField } from '../../../ui/TextAreaField.tsx'
import { useFormat } from '../../../ui/useFormat.ts'
import { PersonDetailsDialog } from '../parts/AtlasDialog.tsx'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { TickGroup } from '../parts/TickGroup.tsx'
import { GenerationSelect } from './GenerationSelect.tsx'

const FAMILY_MARKS = ['deceased', 'outOfContact'] as const

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
    <PersonDetailsDialog title={t('familiekaart.detailsTitle', { name })} onClose={onClose} beforeClose={saveText} takeOutLabel={t('familiekaart.takeOut')} onTakeOut={() => kaart.removeMember(person)}>
      <GenerationSelect value={member.generation} onChange={(generation) => kaart.update(person, { generation }, me)} />
      <TextField label={t('familiekaart.birthYear')} inputMode="numeric" autoComplete="off" value={birthYear} onChange={setBirthYear} onBlur={saveText} />
      <TickGroup
        legend={t('familiekaart.marks')}
        hint={t('familiekaart.marksHint')}
        options={FAMILY_MARKS.map((key) => ({ key, label: format.wording(ATLAS_LABELS.familyMarks[key]) }))}
        checked={(mark) => member[mark]}
        onChange={(mark, on) => kaart.update(person, { [mark]: on }, me)}
      />
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
    </PersonDetailsDialog>
  )
}
