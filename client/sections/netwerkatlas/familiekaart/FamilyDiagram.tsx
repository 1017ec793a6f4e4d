import { useMemo, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type FamilyMember, type PersonId } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { shorten, wrapText } from '../svg/wrapText.ts'
import type { FamilyViewProps } from './familyWords.ts'
import { generationWords } from './generationWords.ts'
import { FAMILY, layoutFamily } from './familyLayout.ts'

/**
 * The familiekaart as a drawing: a row per generation, partners side by side
 * joined by a line (a dashed one for former partners), lines down to
 * children. Someone who passed away or is out of touch gets a soft outline
 * and the words, never a symbol. Each person can be chosen (click, Enter) to
 * change their details. Drawn at its natural size and scrolled sideways when
 * wider than the screen, so names stay readable.
 */
export function FamilyDiagram({
  generations,
  links,
  onOpen,
}: FamilyViewProps) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const show = useShowPerson()
  const layout = useMemo(
    () =>
      layoutFamily({
        generations: generations.map((g) => ({ generation: g.generation, members: g.members.map((m) => m.person.id) })),
        links: links.map((l) => ({ id: l.id, kind: l.kind, a: l.a.id, b: l.b.id })),
      }),
    [generations, links],
  )
  const members = generations.flatMap((g) => g.members)

  function detail(member: FamilyMember): string {
    const words = [
      ...(member.birthYear !== null ? [String(member.birthYear)] : []),
      ...(member.deceased ? [format.wording(ATLAS_LABELS.familyMarks.deceased).toLowerCase()] : []),
      ...(member.outOfContact ? [format.wording(ATLAS_LABELS.familyMarks.outOfContact).toLowerCase()] : []),
    ]
    return words.join(' · ')
  }

  /** What a screen reader says: first what the drawing shows (name, then the second line), so a voice command of the visible words finds it. */
  function describe(member: FamilyMember): string {
    return [show(member.person), detail(member), generationWords(format, member.generation)].filter(Boolean).join(', ')
  }

  function onKeyDown(event: KeyboardEvent, person: PersonId) {
    if (onOpen && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      onOpen(person)
    }
  }

  return (
    <div className="atlas-scroll">
      <svg
        className="atlas-svg familiekaart-svg"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={t('familiekaart.drawingLabel')}
      >
        {layout.rows.map((row) => {
          const lines = wrapText(generationWords(format, row.generation), 12, 2)
          return (
            <text key={row.generation} className="familiekaart-row-name" x={FAMILY.pad} aria-hidden="true">
              {lines.map((line, i) => (
                <tspan key={i} x={FAMILY.pad} y={row.y + FAMILY.nodeHeight / 2 + 4 + (i - (lines.length - 1) / 2) * 15}>
                  {line}
                </tspan>
              ))}
            </text>
          )
        })}
        <g aria-hidden="true">
          {layout.lines.map((line) => (
            <path key={line.key} d={line.d} className={`familiekaart-line is-${line.kind}`} />
          ))}
        </g>
        {members.map((member) => {
          const node = layout.nodes.get(member.person.id)
          if (!node) return null
          const left = node.x - FAMILY.nodeWidth / 2
          const marks = `${member.deceased ? ' is-deceased' : ''}${member.outOfContact ? ' is-out-of-contact' : ''}${member.person.onList ? '' : ' is-former'}`
          const second = detail(member)
          return (
            <g
              key={member.person.id}
              className={`familiekaart-person${marks}`}
              transform={`translate(${left} ${node.y})`}
              // Someone who only reads gets a picture with words, not a button that does nothing.
              {...(onOpen ? { tabIndex: 0, role: 'button', onClick: () => onOpen(member.person.id), onKeyDown: (event: KeyboardEvent) => onKeyDown(event, member.person.id) } : { role: 'img' })}
              aria-label={describe(member)}
            >
              <rect width={FAMILY.nodeWidth} height={FAMILY.nodeHeight} rx={10} />
              <text x={FAMILY.nodeWidth / 2} y={second ? 21 : 30} textAnchor="middle" className="familiekaart-name" aria-hidden="true">
                {/* The space keeps the name and the line under it apart for a screen reader. */}
                {second ? `${shorten(show(member.person), 16)} ` : shorten(show(member.person), 16)}
              </text>
              {second && (
                <text x={FAMILY.nodeWidth / 2} y={39} textAnchor="middle" className="familiekaart-detail" aria-hidden="true">
                  {shorten(second, 20)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </div>
  )
}
