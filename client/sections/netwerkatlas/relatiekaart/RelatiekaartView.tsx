import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, peopleOrder, type PersonId, type PlacedPerson } from '../../../../shared/plan/index.ts'
import { useMeta, usePlan, useRecords } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { usePassedAway } from '../../../plan/usePassedAway.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { AddPersonForm } from './AddPersonForm.tsx'
import { RelatiekaartDiagram } from './RelatiekaartDiagram.tsx'
import { useMarkedRings } from '../marks/useMarked.ts'
import { RelatiekaartList } from './RelatiekaartList.tsx'
import { RelationshipDialog } from './RelationshipDialog.tsx'
import { useMapDrag, type Cell } from './useMapDrag.ts'
import './relatiekaart.css'

/**
 * De relatiekaart: who is around the household, how close, from which part
 * of life. People beside the map are on the plan's list but not on the map
 * yet; drag them in, or choose them to say where they go.
 */
export function RelatiekaartView() {
  const { t } = useTranslation('netwerkatlas')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const meta = useMeta()
  const format = useFormat()
  const people = useRecords(plan.people)
  const kaart = plan.netwerkatlas.relatiekaart
  const rings = useMarkedRings(useLive(kaart, () => kaart.rings()))
  const notPlaced = useLive(kaart, () => kaart.notPlaced())
  const svgRef = useRef<SVGSVGElement | null>(null)
  const [openPerson, setOpenPerson] = useState<PersonId | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const refocus = useRef<PersonId | null>(null)

  // The household itself is the middle of the map, so its members do not wait beside it; nor does someone who passed away.
  const passedAway = usePassedAway(plan)
  const waiting = people.filter((p) => notPlaced.includes(p.id) && p.role !== 'eigenaar' && !passedAway.includes(p.id))
  // Recomputed when the people list changes (`people` is its snapshot).
  const order = useMemo(() => peopleOrder(plan.people), [plan, people])

  const say = useCallback(
    (person: PersonId, cell: Cell) => {
      const name = plan.nameOf(person) ?? format.wording(ATLAS_LABELS.formerPerson)
      setAnnouncement(t('relatiekaart.nowAt', { name, ring: format.wording(ATLAS_LABELS.rings[cell.ring]), sector: format.wording(ATLAS_LABELS.sectors[cell.sector]) }))
    },
    [plan, format, t],
  )

  /** One drop is one change: onto the map for someone beside it, else only the fields that differ. */
  const drop = useCallback(
    (person: PersonId, to: Cell) => {
      const current = kaart.get(person)
      if (!current) kaart.place(person, to, me)
      else {
        const change = { ring: to.ring !== current.ring ? to.ring : undefined, sector: to.sector !== current.sector ? to.sector : undefined }
        if (!change.ring && !change.sector) return
        kaart.move(person, change, me)
      }
      say(person, to)
    },
    [kaart, me, say],
  )
  const { drag, handlers, consumeDragClick } = useMapDrag(svgRef, drop, canWrite)
  const open = canWrite ? setOpenPerson : undefined

  const moveByKey = useCallback(
    (placed: PlacedPerson, change: Partial<Cell>) => {
      const to = { ring: change.ring ?? placed.ring, sector: change.sector ?? placed.sector }
      if (to.ring === placed.ring && to.sector === placed.sector) return
      refocus.current = placed.person.id
      kaart.move(placed.person.id, change, me)
      say(placed.person.id, to)
    },
    [kaart, me, say],
  )

  // A moved pill may be put elsewhere in the drawing; keep the keyboard on it.
  useEffect(() => {
    const person = refocus.current
    if (!person) return
    refocus.current = null
    const pill = svgRef.current?.querySelector<SVGGElement>(`[data-person="${CSS.escape(person)}"]`)
    if (pill && document.activeElement !== pill) pill.focus()
  }, [rings])

  return (
    <section className="atlas-instrument relatiekaart stack" aria-labelledby="relatiekaart-title">
      <h3 id="relatiekaart-title">{t('instruments.relatiekaart')}</h3>
      <p className="section-intro">{t('relatiekaart.intro')}</p>

      <div className="relatiekaart-layout">
        <RelatiekaartDiagram
          svgRef={svgRef}
          rings={rings}
          order={order}
          householdName={meta.householdName}
          drag={drag}
          dragHandlers={handlers}
          consumeDragClick={consumeDragClick}
          onMove={canWrite ? moveByKey : undefined}
          onOpen={open}
        />
        <div className="relatiekaart-side stack">
          {canWrite && (
          <section className="relatiekaart-waiting stack" aria-labelledby="relatiekaart-waiting-title">
            <h4 id="relatiekaart-waiting-title">{t('relatiekaart.waitingTitle')}</h4>
            {waiting.length === 0 ? (
              <p className="muted">{t('relatiekaart.nobodyWaiting')}</p>
            ) : (
              <>
                <p className="field-hint">{t('relatiekaart.waitingHint')}</p>
                <ul className="chips">
                  {waiting.map((person) => (
                    <li key={person.id}>
                      <button
                        type="button"
                        className={`chip chip-draggable${drag?.person === person.id ? ' is-dragging' : ''}`}
                        aria-label={t('relatiekaart.placeLabel', { name: person.name })}
                        onClick={() => {
                          if (!consumeDragClick()) setOpenPerson(person.id)
                        }}
                        {...handlers(person.id, person.name)}
                      >
                        {person.name}
                      </button>
                      {/* Beside the button, not in it: its name is "… op de kaart zetten", which must hold all it shows (axe: label-content-name-mismatch). */}
                      {person.relation && <span className="chip-detail"> · {person.relation}</span>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          )}
          {canWrite && <AddPersonForm />}
          <Legend />
        </div>
      </div>

      <RelatiekaartList rings={rings} onOpen={open} />
      <RelationshipDialog person={openPerson} onClose={() => setOpenPerson(null)} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {drag && (
        <div className="drag-ghost" style={{ left: drag.client.x, top: drag.client.y }} aria-hidden="true">
          {drag.label}
          {drag.target && (
            <span className="drag-ghost-target">
              {format.wording(ATLAS_LABELS.rings[drag.target.ring])} · {format.wording(ATLAS_LABELS.sectors[drag.target.sector])}
            </span>
          )}
        </div>
      )}
    </section>
  )
}

/** What the lines and edges on the map mean, in words. */
function Legend() {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  return (
    <section className="atlas-legend" aria-labelledby="relatiekaart-legend-title">
      <h4 id="relatiekaart-legend-title">{t('legend')}</h4>
      <ul>
        <li>
          <svg width="44" height="26" aria-hidden="true">
            <rect className="relatiekaart-brug" x="2" y="2" width="40" height="22" rx="11" />
            <rect className="legend-plain" x="6" y="6" width="32" height="14" rx="7" />
          </svg>
          {format.wording(ATLAS_LABELS.relationship.brug)}
        </li>
        <li>
          <svg width="44" height="26" aria-hidden="true">
            <rect className="legend-strained" x="6" y="6" width="32" height="14" rx="7" />
          </svg>
          {format.wording(ATLAS_LABELS.relationship.strained)}
        </li>
      </ul>
    </section>
  )
}
