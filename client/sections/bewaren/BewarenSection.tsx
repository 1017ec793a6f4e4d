import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { invitationAccess } from '../../../shared/capabilities/access.ts'
import { buildExport, exportMarkdown } from '../../../shared/export/index.ts'
import type { Plan } from '../../../shared/plan/index.ts'
import type { RoomKind } from '../../../shared/protocol/rooms.ts'
import { PlanDocument } from '../../document/PlanDocument.tsx'
import { DOCUMENT_SECTIONS, PRIVATE_SECTIONS, type DocumentSection } from '../../document/sections.ts'
import { useMeta, usePlan } from '../../plan/hooks.ts'
import { useLoaded, usePlanConnection } from '../../workspace/usePlanConnection.ts'
import { download, fileName } from './download.ts'

/**
 * "Afdrukken en meenemen": the plan on paper or as a PDF (the browser's
 * print dialog, offline too), with the sections the household chooses; and
 * the plan as a file to take along (docs/export-format.md) or read (Markdown).
 * The rooms more private than the plan are only included when this device
 * may open them, and on paper only when chosen.
 */
export function BewarenSection() {
  const { t } = useTranslation('bewaren')
  const { plan, access } = usePlan()
  const opens = (room: RoomKind) => access.role !== null && access.room !== null && invitationAccess({ role: access.role, room: access.room }, room) !== 'none'
  const [rooms, setRooms] = useState<Partial<Record<RoomKind, Plan>>>({})
  const available = DOCUMENT_SECTIONS.filter((s) => s !== 'alleen-voor-ons' || opens('huishouden'))
  const [chosen, setChosen] = useState<ReadonlySet<DocumentSection>>(() => new Set(available.filter((s) => !PRIVATE_SECTIONS.includes(s))))
  const waitingFor = (['huishouden', 'netwerk'] as const).filter((room) => opens(room) && !rooms[room])

  function toggle(section: DocumentSection, on: boolean) {
    const next = new Set(chosen)
    if (on) next.add(section)
    else next.delete(section)
    setChosen(next)
  }

  return (
    <section className="bewaren stack" aria-labelledby="bewaren-title">
      <h2 id="bewaren-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      {(['huishouden', 'netwerk'] as const).map((room) => opens(room) && <RoomLoader key={room} room={room} onLoaded={(p) => setRooms((r) => (r[room] === p ? r : { ...r, [room]: p }))} />)}
      <section className="card stack" aria-labelledby="bewaren-print-title">
        <h3 id="bewaren-print-title">{t('print.title')}</h3>
        <fieldset className="field">
          <legend>{t('print.choose')}</legend>
          <div className="checkbox-columns">
            {available.map((section) => (
              <label key={section} className="radio">
                <input type="checkbox" checked={chosen.has(section)} onChange={(e) => toggle(section, e.target.checked)} />
                {t(`document:sections.${section}`)}
              </label>
            ))}
          </div>
          {opens('huishouden') && <p className="muted">{t('print.privateHint')}</p>}
        </fieldset>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('print.button')}
          </button>
        </div>
        <p className="muted">{t('print.hint')}</p>
      </section>
      <TakeAlong plan={plan} rooms={rooms} waiting={waitingFor.length > 0} />
      <section className="stack" aria-labelledby="bewaren-preview-title">
        <h3 id="bewaren-preview-title">{t('preview')}</h3>
        <PlanDocument chosen={chosen} ours={rooms.huishouden ?? null} />
      </section>
    </section>
  )
}

function TakeAlong({ plan, rooms, waiting }: { plan: Plan; rooms: Partial<Record<RoomKind, Plan>>; waiting: boolean }) {
  const { t } = useTranslation('bewaren')
  const meta = useMeta()
  function file() {
    return buildExport({ plan: plan.doc, netwerk: rooms.netwerk?.doc, huishouden: rooms.huishouden?.doc })
  }
  return (
    <section className="card stack" aria-labelledby="bewaren-take-title">
      <h3 id="bewaren-take-title">{t('take.title')}</h3>
      <p>{t('take.intro')}</p>
      {waiting && <p className="muted">{t('take.waiting')}</p>}
      <div className="button-row">
        <button type="button" className="button" disabled={waiting} onClick={() => download(fileName(meta.householdName, 'json'), JSON.stringify(file(), null, 2), 'application/json')}>
          {t('take.json')}
        </button>
        <button type="button" className="button" disabled={waiting} onClick={() => download(fileName(meta.householdName, 'md'), exportMarkdown(file()), 'text/markdown')}>
          {t('take.markdown')}
        </button>
      </div>
    </section>
  )
}

/** Opens one more private room of the plan for as long as this section shows, and hands its plan up once loaded. */
function RoomLoader({ room, onLoaded }: { room: RoomKind; onLoaded: (plan: Plan) => void }) {
  const { planId } = usePlan()
  const connection = usePlanConnection(planId, room)
  return connection ? <Loaded connection={connection} onLoaded={onLoaded} /> : null
}

function Loaded({ connection, onLoaded }: { connection: NonNullable<ReturnType<typeof usePlanConnection>>; onLoaded: (plan: Plan) => void }) {
  const loaded = useLoaded(connection)
  useEffect(() => {
    if (loaded) onLoaded(connection.plan)
  }, [loaded, connection, onLoaded])
  return null
}
