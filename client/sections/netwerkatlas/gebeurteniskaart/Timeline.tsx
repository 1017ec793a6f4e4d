import { Fragment, useId, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type LifeEvent } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPeople } from '../parts/useShowPerson.ts'
import { fullWhereShortened, nameFromDrawn, type DrawnText } from '../svg/drawnWords.ts'
import { shorten, wrapText } from '../svg/wrapText.ts'
import { formatWhen } from './formatWhen.ts'
import { STRENGTH_COLORS } from './strength.ts'

const CARD = { width: 172, height: 132, gap: 16 } as const
const PAD = 16
const AXIS = 176
/** Events that gave strength stand above the line, those that cost strength below it, the rest on it. */
const CARD_TOP = { 'gaf-kracht': 8, 'kostte-kracht': AXIS + 36, allebei: AXIS - CARD.height / 2, none: AXIS - CARD.height / 2 } as const
const HEIGHT = AXIS + 36 + CARD.height + 8

/**
 * The gebeurteniskaart as a timeline, left to right in time, scrolled
 * sideways on a phone. Every event is a card with its date, what happened,
 * who was there and, in words and in a warm colour, whether it gave or cost
 * strength. A card can be chosen (click, Enter) to change it.
 */
export function Timeline({ events, onOpen }: { events: readonly LifeEvent[]; onOpen?: (id: string) => void }) {
  const { t } = useTranslation('netwerkatlas')
  const width = PAD * 2 + events.length * (CARD.width + CARD.gap) - CARD.gap

  return (
    <div className="atlas-scroll timeline-scroll">
      <svg className="atlas-svg timeline-svg" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="group" aria-label={t('gebeurteniskaart.drawingLabel')}>
        <line className="timeline-axis" x1={PAD / 2} y1={AXIS} x2={width - PAD / 2} y2={AXIS} />
        {events.map((event, i) => (
          <TimelineCard key={event.id} event={event} x={PAD + i * (CARD.width + CARD.gap)} onOpen={onOpen ? () => onOpen(event.id) : undefined} />
        ))}
      </svg>
    </div>
  )
}

/**
 * One event on the timeline, at `x`. Its accessible name is its texts as
 * drawn, in reading order; its description the full words of any text the
 * card had to shorten. Someone who only reads gets a picture with words, not
 * a button that does nothing.
 */
function TimelineCard({ event, x, onOpen }: { event: LifeEvent; x: number; onOpen?: () => void }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const names = useShowPeople()
  const descriptionId = useId()
  const strength = event.strength ?? 'none'
  const colors = STRENGTH_COLORS[strength]
  const top = CARD_TOP[strength]
  const centre = x + CARD.width / 2
  const onAxis = top < AXIS && top + CARD.height > AXIS
  const date = formatWhen(event.when, format.language)
  const when: DrawnText = { drawn: shorten(date ?? t('gebeurteniskaart.noDate'), 24), full: date ?? t('gebeurteniskaart.noDate') }
  const lines = wrapText(event.what, 22, 3)
  const what: DrawnText = { drawn: lines.join(' '), full: event.what }
  const withWhom = event.involved.length ? t('gebeurteniskaart.with', { names: names(event.involved) }) : ''
  const who: DrawnText = { drawn: shorten(withWhom, 23), full: withWhom }
  const strengthWords = event.strength ? format.wording(ATLAS_LABELS.strengths[event.strength]) : ''
  const texts = [when, what, who, { drawn: strengthWords, full: strengthWords }]
  const description = fullWhereShortened(texts).join(', ')

  function onKeyDown(key: KeyboardEvent) {
    if (onOpen && (key.key === 'Enter' || key.key === ' ')) {
      key.preventDefault()
      onOpen()
    }
  }

  // The spaces between the texts are not drawn, but keep their words apart for whatever reads the visible words (axe's label-in-name check too).
  return (
    <g
      className="timeline-event"
      {...(onOpen ? { tabIndex: 0, role: 'button', onClick: onOpen, onKeyDown } : { role: 'img' })}
      aria-label={nameFromDrawn(texts)}
      aria-describedby={description ? descriptionId : undefined}
    >
      {!onAxis && <line className="timeline-stem" x1={centre} y1={AXIS} x2={centre} y2={top < AXIS ? top + CARD.height : top} />}
      <circle className="timeline-dot" cx={centre} cy={AXIS} r={5} fill={colors.band} />
      <rect className="timeline-card" x={x} y={top} width={CARD.width} height={CARD.height} rx={10} fill={colors.fill} stroke={colors.band} />
      <path d={`M${x} ${top + 10} a10 10 0 0 1 10 -10 h${CARD.width - 20} a10 10 0 0 1 10 10 v2 h${-CARD.width} z`} fill={colors.band} />
      <text x={x + 10} y={top + 30} className={`timeline-date${date ? '' : ' is-missing'}`} aria-hidden="true">
        {when.drawn}
      </text>{' '}
      <text x={x + 10} y={top + 50} className="timeline-what" aria-hidden="true">
        {lines.map((line, k) => (
          <Fragment key={k}>
            {k > 0 && ' '}
            <tspan x={x + 10} dy={k === 0 ? 0 : 17}>
              {line}
            </tspan>
          </Fragment>
        ))}
      </text>
      {who.drawn && (
        <>
          {' '}
          <text x={x + 10} y={top + 104} className="timeline-people" aria-hidden="true">
            {who.drawn}
          </text>
        </>
      )}
      {strengthWords && (
        <>
          {' '}
          <text x={x + 10} y={top + 122} className="timeline-strength" fill={colors.text} aria-hidden="true">
            {strengthWords}
          </text>
        </>
      )}
      {description && <desc id={descriptionId}>{description}</desc>}
    </g>
  )
}
