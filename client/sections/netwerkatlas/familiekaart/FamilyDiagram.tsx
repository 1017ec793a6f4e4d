import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../ui/useFormat.ts'
import { wrapText } from '../svg/wrapText.ts'
import type { FamilyViewProps } from './familyWords.ts'
import { generationWords } from './generationWords.ts'
import { FAMILY, layoutFamily } from './familyLayout.ts'
import { FamilyPersonBox } from './FamilyPersonBox.tsx'

/**
 * The familiekaart as a drawing: a row per generation, partners side by side
 * joined by a line (a dashed one for former partners), lines down to
 * children. Someone who passed away or is out of touch gets a soft outline
 * and the words, never a symbol. Each person can be chosen (click, Enter) to
 * change their details (`FamilyPersonBox`). Drawn at its natural size and scrolled sideways when
 * wider than the screen, so names stay readable.
 */
export function FamilyDiagram({
  generations,
  links,
  onOpen,
}: FamilyViewProps) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const layout = useMemo(
    () =>
      layoutFamily({
        generations: generations.map((g) => ({ generation: g.generation, members: g.members.map((m) => m.person.id) })),
        links: links.map((l) => ({ id: l.id, kind: l.kind, a: l.a.id, b: l.b.id })),
      }),
    [generations, links],
  )
  const members = generations.flatMap((g) => g.members)

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
          return (
            <FamilyPersonBox
              key={member.person.id}
              member={member}
              left={node.x - FAMILY.nodeWidth / 2}
              top={node.y}
              onOpen={onOpen ? () => onOpen(member.person.id) : undefined}
            />
          )
        })}
      </svg>
    </div>
  )
}
