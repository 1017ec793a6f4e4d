import { useId, type KeyboardEvent } from 'react'
import { ATLAS_LABELS, type FamilyMember } from '../../../../shared/plan/index.ts'
import { useFormat, type Format } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { fullWhereShortened, nameFromDrawn, type DrawnText } from '../svg/drawnWords.ts'
import { shorten } from '../svg/wrapText.ts'
import { FAMILY } from './familyLayout.ts'
import { generationWords } from './generationWords.ts'

/**
 * One person on the familiekaart drawing: a box with their name and, under
 * it, their birth year and marks in words. Its accessible name is those two
 * lines as drawn; its description is what the box leaves out: the full words
 * of a shortened line and the generation (drawn once, at the start of the row).
 * It can be chosen (click, Enter, Space) unless the viewer only reads, who
 * gets a picture with words, not a button that does nothing.
 */
export function FamilyPersonBox({ member, left, top, onOpen }: { member: FamilyMember; left: number; top: number; onOpen?: () => void }) {
  const format = useFormat()
  const show = useShowPerson()
  const descriptionId = useId()
  const name: DrawnText = { drawn: shorten(show(member.person), 16), full: show(member.person) }
  const second: DrawnText = { drawn: shorten(detail(format, member), 20), full: detail(format, member) }
  const description = [...fullWhereShortened([name, second]), generationWords(format, member.generation)].join(', ')
  const marks = `${member.deceased ? ' is-deceased' : ''}${member.outOfContact ? ' is-out-of-contact' : ''}${member.person.onList ? '' : ' is-former'}`

  function onKeyDown(event: KeyboardEvent) {
    if (onOpen && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      onOpen()
    }
  }

  return (
    <g
      className={`familiekaart-person${marks}`}
      transform={`translate(${left} ${top})`}
      {...(onOpen ? { tabIndex: 0, role: 'button', onClick: onOpen, onKeyDown } : { role: 'img' })}
      aria-label={nameFromDrawn([name, second])}
      aria-describedby={descriptionId}
    >
      <rect width={FAMILY.nodeWidth} height={FAMILY.nodeHeight} rx={10} />
      <text x={FAMILY.nodeWidth / 2} y={second.drawn ? 21 : 30} textAnchor="middle" className="familiekaart-name" aria-hidden="true">
        {name.drawn}
      </text>
      {second.drawn && (
        <>
          {/* Not drawn, but it keeps the two lines apart for whatever reads the visible words (axe's label-in-name check too). */}{' '}
          <text x={FAMILY.nodeWidth / 2} y={39} textAnchor="middle" className="familiekaart-detail" aria-hidden="true">
            {second.drawn}
          </text>
        </>
      )}
      <desc id={descriptionId}>{description}</desc>
    </g>
  )
}

/** The line under the name: birth year and marks ("1944 · overleden"), or nothing. */
function detail(format: Format, member: FamilyMember): string {
  return [
    ...(member.birthYear !== null ? [String(member.birthYear)] : []),
    ...(member.deceased ? [format.wording(ATLAS_LABELS.familyMarks.deceased).toLowerCase()] : []),
    ...(member.outOfContact ? [format.wording(ATLAS_LABELS.familyMarks.outOfContact).toLowerCase()] : []),
  ].join(' · ')
}
