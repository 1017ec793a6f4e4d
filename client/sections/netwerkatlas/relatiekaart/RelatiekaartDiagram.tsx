import { useId, useMemo, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ATLAS_LABELS,
  RINGS,
  SECTORS,
  nextRing,
  nextSector,
  type PersonId,
  type PlacedPerson,
  type Ring,
  type RingView,
} from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { shorten, wrapText } from '../svg/wrapText.ts'
import { RING_TINT, SECTOR_COLORS } from './colors.ts'
import { MAP, OUTER, cellPath, pillWidth, placeInCell, ringBounds, ringLabelArc, ringLabelBox, sectorLabelArc, type Point } from './geometry.ts'
import type { Cell, MapDrag, useMapDrag } from './useMapDrag.ts'

interface Pill {
  placed: PlacedPerson
  label: string
  at: Point
  width: number
}

/**
 * The relatiekaart as a drawing: the household in the middle, three rings,
 * five sectors, everyone on the map as a named pill. A pill can be dragged to
 * another cell, or moved with the arrow keys when it has focus (up: closer,
 * down: further away, left/right: the sector beside it). Enter opens the
 * details. The same data is in the list below the drawing.
 */
export function RelatiekaartDiagram({
  svgRef,
  rings,
  order,
  householdName,
  drag,
  dragHandlers,
  consumeDragClick,
  onMove,
  onOpen,
}: {
  svgRef: RefObject<SVGSVGElement | null>
  rings: readonly RingView[]
  /** People-list order: pills keep their place in the document when they move, so focus stays on them. */
  order: (a: PersonId, b: PersonId) => number
  householdName: string
  drag: MapDrag | null
  dragHandlers: ReturnType<typeof useMapDrag>['handlers']
  consumeDragClick: () => boolean
  /** Moving and opening a pill; absent for someone who only reads, whose pills are pictures with words. */
  onMove?: (person: PlacedPerson, to: Partial<Cell>) => void
  onOpen?: (person: PersonId) => void
}) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const show = useShowPerson()
  const hintId = useId()

  const ringNames = useMemo(() => Object.fromEntries(RINGS.map((ring) => [ring, format.wording(ATLAS_LABELS.rings[ring])])) as Record<Ring, string>, [format])

  const pills = useMemo(() => {
    const reserved = RINGS.map((ring) => ringLabelBox(ring, ringNames[ring]))
    const all: Pill[] = []
    for (const { ring, sectors } of rings) {
      for (const { sector, people } of sectors) {
        const labels = people.map((p) => shorten(show(p.person), 14))
        const widths = labels.map(pillWidth)
        const spots = placeInCell(ring, sector, widths, reserved)
        people.forEach((placed, i) => all.push({ placed, label: labels[i] ?? '', width: widths[i] ?? 40, at: spots[i] ?? { x: 0, y: 0 } }))
      }
    }
    return all.sort((a, b) => order(a.placed.person.id, b.placed.person.id))
  }, [rings, show, order, ringNames])

  function describe(p: PlacedPerson): string {
    const parts = [
      show(p.person),
      format.wording(ATLAS_LABELS.rings[p.ring]),
      format.wording(ATLAS_LABELS.sectors[p.sector]),
      ...(p.strained ? [format.wording(ATLAS_LABELS.relationship.strained)] : []),
      ...(p.brug ? [format.wording(ATLAS_LABELS.relationship.brug)] : []),
    ]
    return parts.join(', ')
  }

  function onKeyDown(event: KeyboardEvent, p: PlacedPerson) {
    const moves: Record<string, Partial<Cell>> = {
      ArrowUp: { ring: nextRing(p.ring, 'in') },
      ArrowDown: { ring: nextRing(p.ring, 'out') },
      ArrowRight: { sector: nextSector(p.sector, 1) },
      ArrowLeft: { sector: nextSector(p.sector, -1) },
    }
    const move = moves[event.key]
    if (!onMove || !onOpen) return
    if (move) {
      event.preventDefault()
      onMove(p, move)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onOpen(p.person.id)
    }
  }

  const centreLines = wrapText(householdName || t('relatiekaart.centre'), 11, 3)

  return (
    <div className="relatiekaart-drawing">
      <svg
        ref={svgRef}
        className="atlas-svg relatiekaart-svg"
        viewBox={`${-MAP.half} ${-MAP.half} ${MAP.half * 2} ${MAP.half * 2}`}
        role="group"
        aria-label={t('relatiekaart.drawingLabel')}
        aria-describedby={onOpen ? hintId : undefined}
      >
        {RINGS.map((ring, ringIndex) =>
          SECTORS.map((sector) => (
            <path
              key={`${ring}-${sector}`}
              d={cellPath(ring, sector)}
              fill={SECTOR_COLORS[sector].fill}
              fillOpacity={RING_TINT[ringIndex]}
              stroke="#fffdf8"
              strokeWidth={2}
            />
          )),
        )}
        {drag?.target && <path className="relatiekaart-target" d={cellPath(drag.target.ring, drag.target.sector)} />}
        {RINGS.map((ring) => (
          <circle key={ring} r={ringBounds(ring)[1]} fill="none" stroke="#c9b9a6" strokeWidth={1} />
        ))}
        {SECTORS.map((sector) => (
          <g key={sector} aria-hidden="true">
            <path id={`${hintId}-arc-${sector}`} d={sectorLabelArc(sector)} fill="none" />
            <text className="relatiekaart-sector-name" fill={SECTOR_COLORS[sector].edge}>
              <textPath href={`#${hintId}-arc-${sector}`} startOffset="50%" textAnchor="middle">
                {format.wording(ATLAS_LABELS.sectors[sector])}
              </textPath>
            </text>
          </g>
        ))}
        {RINGS.map((ring) => (
          <g key={ring} aria-hidden="true">
            <path id={`${hintId}-ring-${ring}`} d={ringLabelArc(ring)} fill="none" />
            <text className="relatiekaart-ring-name">
              <textPath href={`#${hintId}-ring-${ring}`} startOffset="50%" textAnchor="middle">
                {ringNames[ring]}
              </textPath>
            </text>
          </g>
        ))}
        <circle r={OUTER} fill="none" stroke="#b8a58f" strokeWidth={1.5} />
        <circle r={MAP.centre} className="relatiekaart-centre" />
        <text className="relatiekaart-centre-name" textAnchor="middle" aria-hidden="true">
          {centreLines.map((line, i) => (
            <tspan key={i} x={0} y={(i - (centreLines.length - 1) / 2) * 15 + 5}>
              {line}
            </tspan>
          ))}
        </text>
        {pills.map((pill) => {
          const p = pill.placed
          const dragging = drag?.person === p.person.id
          return (
            <g
              key={p.person.id}
              data-person={p.person.id}
              className={`relatiekaart-pill${p.strained ? ' is-strained' : ''}${dragging ? ' is-dragging' : ''}${p.person.onList ? '' : ' is-former'}`}
              transform={`translate(${pill.at.x.toFixed(1)} ${pill.at.y.toFixed(1)})`}
              aria-label={describe(p)}
              {...(onOpen
                ? {
                    tabIndex: 0,
                    role: 'button',
                    'aria-describedby': hintId,
                    onKeyDown: (event: KeyboardEvent) => onKeyDown(event, p),
                    onClick: () => {
                      if (!consumeDragClick()) onOpen(p.person.id)
                    },
                    ...dragHandlers(p.person.id, pill.label),
                  }
                : { role: 'img' })}
            >
              <title>{describe(p)}</title>
              {p.brug && (
                <rect
                  className="relatiekaart-brug"
                  x={-pill.width / 2 - 4}
                  y={-MAP.pillHeight / 2 - 4}
                  width={pill.width + 8}
                  height={MAP.pillHeight + 8}
                  rx={MAP.pillHeight / 2 + 4}
                />
              )}
              <rect x={-pill.width / 2} y={-MAP.pillHeight / 2} width={pill.width} height={MAP.pillHeight} rx={MAP.pillHeight / 2} stroke={SECTOR_COLORS[p.sector].edge} />
              <text y={4.5} textAnchor="middle">
                {pill.label}
              </text>
            </g>
          )
        })}
      </svg>
      {onOpen && (
        <p id={hintId} className="field-hint relatiekaart-hint">
          {t('relatiekaart.keyboardHint')}
        </p>
      )}
    </div>
  )
}
