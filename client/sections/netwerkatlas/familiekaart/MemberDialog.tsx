import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { TextField } from '../../../ui/TextField.tsx'
import { useFormat } from '../../../ui/useFormat.ts'
import { PersonDetailsDialog, personDialog, type PersonDialogProps } from '../parts/PersonDialog.tsx'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { TickGroup } from '../parts/TickGroup.tsx'
import { GenerationSelect } from './GenerationSelect.tsx'
import { useMarkSays } from '../marks/useMarkSays.ts'
import { useMarkWriter } from '../marks/useMarkWriter.ts'
import { WhereMarksGo } from '../marks/WhereMarksGo.tsx'

/** The familiekaart's marks, as the sensitive marks they are (issue 11): kept in the room their writer chose. */
const FAMILY_MARKS = { deceased: 'passedAway', outOfContact: 'noContact' } as const
const FAMILY_MARK_KEYS = Object.keys(FAMILY_MARKS) as (keyof typeof FAMILY_MARKS)[]

/** One person in the familiekaart: generation, birth year, marks said with care, a note, and their lines (each can be taken away). */
export const MemberDialog = personDialog(MemberDetails)

function MemberDetails({ person, onClose }: PersonDialogProps) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const show = useShowPerson()
  const id = useId()
  const kaart = plan.netwerkatlas.familiekaart
  const member = useLive(kaart, () => kaart.member(person))
  const lines = useLive(kaart, () => kaart.linksOf(person))
  const { sensitivity, set, writeNote, question } = useMarkWriter(person)
  const says = useMarkSays()
  const [birthYear, setBirthYear] = useState(member?.birthYear === null || !member ? '' : String(member.birthYear))
  if (!member) return null
  const name = show(member.person)

  const saveYear = () => {
    const year = birthYear.trim() ? Number(birthYear) : null
    if (year !== member.birthYear && (year === null || Number.isInteger(year))) kaart.update(person, { birthYear: year }, me)
  }

  const linesSection = lines.length > 0 && (
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
  )

  return (
    <PersonDetailsDialog
      title={t('familiekaart.detailsTitle', { name })}
      onClose={onClose}
      beforeClose={saveYear}
      note={{
        label: t('familiekaart.note'),
        stored: sensitivity.notes.familiekaart?.text ?? '',
        save: (note, options) => writeNote('familiekaart', note, options),
        says: says(sensitivity.notes.familiekaart),
      }}
      takeOutLabel={t('familiekaart.takeOut')}
      onTakeOut={() => kaart.removeMember(person)}
      after={linesSection}
    >
      <GenerationSelect value={member.generation} onChange={(generation) => kaart.update(person, { generation }, me)} />
      <TextField label={t('familiekaart.birthYear')} inputMode="numeric" autoComplete="off" value={birthYear} onChange={setBirthYear} onBlur={saveYear} />
      <TickGroup
        legend={t('familiekaart.marks')}
        hint={t('familiekaart.marksHint')}
        options={FAMILY_MARK_KEYS.map((key) => ({ key, label: format.wording(ATLAS_LABELS.familyMarks[key]), says: says(sensitivity.marks[FAMILY_MARKS[key]]) }))}
        checked={(mark) => sensitivity.marks[FAMILY_MARKS[mark]] !== undefined}
        onChange={(mark, on) => set(FAMILY_MARKS[mark], on)}
      />
      <WhereMarksGo question={question} name={name} />
    </PersonDetailsDialog>
  )
}
