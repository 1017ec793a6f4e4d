import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, fromY, PARTNERSCHAPSKAART, POSTER_SECTIONS, peopleOrder, readRich, richWords, type Plan, type PlanVersion } from '../../shared/plan/index.ts'
import { useMeta, usePlan, useRecords } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'
import { FamilyDiagram } from '../sections/netwerkatlas/familiekaart/FamilyDiagram.tsx'
import { WeekGrid } from '../sections/netwerkatlas/contactschema/WeekGrid.tsx'
import { useShowPerson } from '../sections/netwerkatlas/parts/useShowPerson.ts'
import { RelatiekaartDiagram } from '../sections/netwerkatlas/relatiekaart/RelatiekaartDiagram.tsx'
import { useMapDrag } from '../sections/netwerkatlas/relatiekaart/useMapDrag.ts'
import { useFormat } from '../ui/useFormat.ts'
import { LookingBack, Meetings, Questions, RouteAndSupport } from './RhythmParts.tsx'
import type { DocumentSection } from './sections.ts'
import './document.css'

/**
 * The plan as one readable document, laid out for A4: what goes on paper
 * (or into a PDF) through the browser's print dialog, and how a saved
 * version is read. It reads the plan of the nearest PlanProvider, so a
 * version shows by providing its plan. Nothing in it edits.
 */
export function PlanDocument({ chosen, ours, version }: { chosen: ReadonlySet<DocumentSection>; ours?: Plan | null; version?: PlanVersion | null }) {
  const { t } = useTranslation('document')
  const { plan } = usePlan()
  const meta = useMeta()
  const format = useFormat()
  const versions = useLive(plan.versions, () => plan.versions.list())
  const shown = version === undefined ? (versions[0] ?? null) : version
  const part = (id: DocumentSection, body: React.ReactNode) =>
    chosen.has(id) && (
      <section key={id} className="doc-section" aria-labelledby={`doc-${id}`}>
        <h2 id={`doc-${id}`}>{t(`sections.${id}`)}</h2>
        {body}
      </section>
    )
  return (
    <article className="plan-document" aria-label={t('documentLabel')}>
      <header className="doc-header">
        <h1>{t('heading', { household: meta.householdName })}</h1>
        {meta.title && <p className="doc-title">{meta.title}</p>}
        {version ? (
          // Reading a saved version: which one it is and when it was kept, not a printing date.
          <p className="doc-meta">
            {t('savedVersion', { name: version.name || t('versionUnnamed'), by: format.name(version.savedBy), date: format.date(version.savedAt) })}
            {version.filledInBy.length > 0 && ` ${t('filledInBy', { names: format.names(version.filledInBy) })}`}
          </p>
        ) : (
          <p className="doc-meta">
            {t('printedOn', { date: format.date(Date.now()) })}
            {' · '}
            {shown ? t('version', { name: shown.name || t('versionUnnamed'), date: format.date(shown.savedAt) }) : t('noVersion')}
          </p>
        )}
      </header>
      {part('route', <RouteAndSupport />)}
      {part('vragen', <Questions />)}
      {part('verhaal', <Story plan={plan} />)}
      {part('mensen', <People />)}
      {part('waarden', <Values />)}
      {part('partnerschapskaart', <Card />)}
      {part('spelregels', <Rules />)}
      {part('basisteam', <Actions />)}
      {part('terugkijken', <LookingBack />)}
      {part('bijeenkomsten', <Meetings />)}
      {part('basisposter', <Poster />)}
      {part('familiekaart', <Family />)}
      {part('relatiekaart', <Relations />)}
      {part('contactschema', <Week />)}
      {part('gebeurteniskaart', <Events />)}
      {part('notities', <Notes plan={plan} />)}
      {ours && part('alleen-voor-ons', <Notes plan={ours} withNotepad />)}
    </article>
  )
}

function Nothing() {
  const { t } = useTranslation('document')
  return <p className="muted">{t('nothing')}</p>
}

function Story({ plan }: { plan: Plan }) {
  const story = useMemo(() => fromY(plan.story), [plan])
  const words = useLive(story, () => richWords(readRich(plan.story)))
  const lines = words.split('\n').filter((line) => line.trim())
  return lines.length ? <>{lines.map((line, i) => <p key={i}>{line}</p>)}</> : <Nothing />
}

function People() {
  const { plan } = usePlan()
  const people = useRecords(plan.people)
  if (!people.length) return <Nothing />
  return (
    <ul>
      {people.map((p) => (
        <li key={p.id}>
          {p.name}
          {p.relation && ` (${p.relation})`}
        </li>
      ))}
    </ul>
  )
}

function Values() {
  const { t } = useTranslation('document')
  const { plan } = usePlan()
  const format = useFormat()
  const values = useLive(plan.waarden, () => plan.waarden.list())
  const geslaagd = useLive(plan.geslaagd, () => plan.geslaagd.list())
  if (!values.length && !geslaagd.length) return <Nothing />
  const people = [...new Set(values.filter((v) => v.scope === 'personal').map((v) => v.proposedBy))]
  return (
    <>
      <h3>{t('forUs')}</h3>
      <ul>{values.filter((v) => v.scope === 'shared').map((v) => <li key={v.id}>{v.text}</li>)}</ul>
      {people.map((person) => (
        <div key={person ?? ''}>
          <h3>{t('forPerson', { name: format.name(person) })}</h3>
          <ul>{values.filter((v) => v.scope === 'personal' && v.proposedBy === person).map((v) => <li key={v.id}>{v.text}</li>)}</ul>
        </div>
      ))}
      {geslaagd.length > 0 && (
        <ul>
          {geslaagd.map((g) => (
            <li key={g.person}>{t('geslaagd', { name: format.name(g.person), subject: g.subject || t('geslaagdSubject'), condition: g.condition || '…' })}</li>
          ))}
        </ul>
      )}
    </>
  )
}

/** The card as printed: five columns, ACTIES on the left to WAARDEN on the right (the dialogue starts on the right). */
function Card() {
  const { plan } = usePlan()
  const format = useFormat()
  const card = useLive(plan.partnerschapskaart, () => plan.partnerschapskaart.snapshot())
  const values = useLive(plan.waarden, () => plan.waarden.shared())
  const columns = [...PARTNERSCHAPSKAART].reverse()
  return (
    <table className="doc-card">
      <thead>
        <tr>
          {columns.map((prompt) => (
            <th key={prompt.step} scope="col">
              {format.wording(prompt.title)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {columns.map((prompt) => {
            const lines = prompt.step === 'waarden' ? values.map((v) => ({ id: v.id, text: v.text })) : card.items.filter((i) => !i.draft && i.step === prompt.step)
            return (
              <td key={prompt.step}>
                <ul>{lines.map((line) => <li key={line.id}>{line.text}</li>)}</ul>
              </td>
            )
          })}
        </tr>
      </tbody>
    </table>
  )
}

function Rules() {
  const { t } = useTranslation('document')
  const { plan } = usePlan()
  const format = useFormat()
  const rules = useLive(plan.spelregels, () => plan.spelregels.list())
  const roles = useLive(plan.rollen, () => plan.rollen.list())
  if (!rules.length && !roles.length) return <Nothing />
  return (
    <>
      <ol>{rules.map((rule) => <li key={rule.id}>{rule.text}</li>)}</ol>
      <ul>
        {roles.map((role) => (
          <li key={role.id}>
            {t('roles', { name: format.name(role.person), role: role.name })}
            {role.responsibilities && ` — ${role.responsibilities}`}
          </li>
        ))}
      </ul>
    </>
  )
}

/** The basisteam as a table of who does what, where, when and how. */
function Actions() {
  const { t } = useTranslation('document')
  const { plan } = usePlan()
  const format = useFormat()
  const actions = useLive(plan.basisteam, () => plan.basisteam.list())
  if (!actions.length) return <Nothing />
  return (
    <table className="doc-table">
      <thead>
        <tr>
          {(['wie', 'wat', 'waar', 'wanneer', 'hoe'] as const).map((column) => (
            <th key={column} scope="col">
              {t(`table.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <td>{format.names(action.wie.filter((h) => h.consent !== 'no').map((h) => h.person))}</td>
            <td>{action.wat}</td>
            <td>{action.waar}</td>
            <td>{action.wanneer === null ? '' : action.wanneer.kind === 'date' ? format.day(action.wanneer.date) : action.wanneer.text}</td>
            <td>{action.hoe}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Poster() {
  const { plan } = usePlan()
  const format = useFormat()
  const poster = plan.netwerkatlas.basisposter
  const sections = useLive(poster, () => poster.sections())
  return (
    <div className="doc-poster">
      {sections.map(({ section, items }) => {
        const free = poster.textOf(section).toString().trim()
        if (!items.length && !free) return null
        return (
          <div key={section}>
            <h3>{format.wording(ATLAS_LABELS.posterSections[section])}</h3>
            <ul>{items.map((item) => <li key={item.id}>{item.text}</li>)}</ul>
            {free && <p className="doc-free">{free}</p>}
          </div>
        )
      })}
      {POSTER_SECTIONS.every((s) => !poster.items(s).length && !poster.textOf(s).toString().trim()) && <Nothing />}
    </div>
  )
}

function Family() {
  const { plan } = usePlan()
  const kaart = plan.netwerkatlas.familiekaart
  const generations = useLive(kaart, () => kaart.generations())
  const links = useLive(kaart, () => kaart.links())
  return generations.length ? <FamilyDiagram generations={generations} links={links} /> : <Nothing />
}

function Relations() {
  const { plan } = usePlan()
  const meta = useMeta()
  const people = useRecords(plan.people)
  const kaart = plan.netwerkatlas.relatiekaart
  const rings = useLive(kaart, () => kaart.rings())
  const placed = useLive(kaart, () => kaart.list())
  const svgRef = useRef<SVGSVGElement | null>(null)
  const { drag, handlers, consumeDragClick } = useMapDrag(svgRef, () => {}, false)
  const order = useMemo(() => peopleOrder(plan.people), [plan, people])
  if (!placed.length) return <Nothing />
  return <RelatiekaartDiagram svgRef={svgRef} rings={rings} order={order} householdName={meta.householdName} drag={drag} dragHandlers={handlers} consumeDragClick={consumeDragClick} />
}

function Week() {
  const { plan } = usePlan()
  const schema = plan.netwerkatlas.contactschema
  const week = useLive(schema, () => schema.week())
  const entries = useLive(schema, () => schema.list())
  return entries.length ? <WeekGrid week={week} /> : <Nothing />
}

function Events() {
  const { plan } = usePlan()
  const show = useShowPerson()
  const kaart = plan.netwerkatlas.gebeurteniskaart
  const events = useLive(kaart, () => kaart.list())
  if (!events.length) return <Nothing />
  return (
    <ul>
      {events.map((event) => (
        <li key={event.id}>
          {event.when.text && <strong>{event.when.text}: </strong>}
          {event.what}
          {event.involved.length > 0 && ` (${event.involved.map(show).join(', ')})`}
        </li>
      ))}
    </ul>
  )
}

function Notes({ plan, withNotepad = false }: { plan: Plan; withNotepad?: boolean }) {
  const { t } = useTranslation('document')
  const notes = useRecords(plan.notes)
  const notepad = useLive(plan.notepad, () => plan.notepad.toString())
  if (!notes.length && !(withNotepad && notepad.trim())) return <Nothing />
  return (
    <>
      <ul>{notes.map((note) => <li key={note.id}>{note.text}</li>)}</ul>
      {withNotepad && notepad.trim() && (
        <>
          <h3>{t('notepad')}</h3>
          <p className="doc-free">{notepad}</p>
        </>
      )}
    </>
  )
}
