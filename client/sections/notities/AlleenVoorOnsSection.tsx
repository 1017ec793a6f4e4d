import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTES, shareRecord, type Note, type Plan, type Stored } from '../../../shared/plan/index.ts'
import { useConnectionStatus, usePlan } from '../../plan/hooks.ts'
import type { PlanConnection } from '../../sync/planConnection.ts'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { useLoaded, usePlanConnection } from '../../workspace/usePlanConnection.ts'
import { SharedTextArea } from '../../ui/SharedTextArea.tsx'
import { NoteList } from './NoteList.tsx'
import './notities.css'

/**
 * "Alleen voor ons": the household's own room (`<planId>.huishouden`, a Y.Doc
 * of its own with its own local copy and connection; only eigenaar
 * invitations open it on the relay). Drafts and a free text; one explicit act,
 * "Delen met het plan", copies a note into the plan with its author.
 */
export function AlleenVoorOnsSection() {
  const { t } = useTranslation('notities')
  const { planId } = usePlan()
  const room = usePlanConnection(planId, 'huishouden')
  return (
    <section className="alleen-voor-ons stack" aria-labelledby="alleen-voor-ons-title">
      <h2 id="alleen-voor-ons-title">{t('ours.title')}</h2>
      <p className="section-intro">{t('ours.intro')}</p>
      {room ? <OurRoom room={room} /> : <p className="muted">{t('ours.loading')}</p>}
    </section>
  )
}

function OurRoom({ room }: { room: PlanConnection }) {
  const { t } = useTranslation('notities')
  const { plan, canWrite, me } = usePlan()
  const loaded = useLoaded(room)
  // What I write in this room is mine in "wie schreef wat", as in the plan room (PlanConnection.announce).
  useEffect(() => room.plan.authors.writeAs(canWrite ? me : null), [room, me, canWrite])
  if (!loaded) return <p className="muted">{t('ours.loading')}</p>
  const ours = room.plan
  return (
    <>
      <RoomStatus room={room} />
      <section className="stack" aria-labelledby="ours-notes-title">
        <h3 id="ours-notes-title">{t('ours.notesTitle')}</h3>
        <NoteList notes={ours.notes} labelledBy="ours-notes-title" empty={t('ours.empty')} extra={(note) => <Sharing note={note} ours={ours} plan={plan} />} />
      </section>
      {canWrite && <SharedTextArea text={ours.notepad} label={t('ours.notepad')} rows={6} authors={ours.authors} />}
    </>
  )
}

/** Where this room's words are: on this device only, with the rest of the household, or waiting for a connection. */
function RoomStatus({ room }: { room: PlanConnection }) {
  const { t } = useTranslation('notities')
  const status = useConnectionStatus(room)
  return (
    <p className={`sync-status sync-status-${status} room-status`} data-status={status}>
      <span className="sync-status-icon" aria-hidden="true" />
      <span>{t(`ours.status.${status}`)}</span>
    </p>
  )
}

/** "Delen met het plan" for one note, and when it was shared. */
function Sharing({ note, ours, plan }: { note: Stored<Note>; ours: Plan; plan: Plan }) {
  const { t } = useTranslation('notities')
  const { me, canWrite } = usePlan()
  const format = useFormat()
  const [asking, setAsking] = useState(false)
  const shared = note.sharedTo.plan
  const changedSince = shared !== undefined && note.updatedAt > shared.sharedAt

  function share() {
    shareRecord(NOTES, note.id, { plan: ours, room: 'huishouden' }, { plan, room: 'plan' }, me)
  }

  return (
    <>
      <p className={shared ? 'note-shared' : 'note-private'}>
        {shared ? t('ours.sharedTo', { name: format.name(shared.sharedBy), when: format.moment(shared.sharedAt) }) : t('ours.notShared')}
        {changedSince && ` ${t('ours.changedSince')}`}
      </p>
      {canWrite && (!shared || changedSince) && (
        <div className="button-row">
          <button type="button" className="button" aria-label={t('ours.shareLabel', { text: note.text })} onClick={() => setAsking(true)}>
            {shared ? t('ours.shareAgain') : t('ours.share')}
          </button>
        </div>
      )}
      <ConfirmDialog isOpen={asking} onOpenChange={setAsking} title={t('ours.shareTitle')} confirmLabel={t('ours.shareConfirm')} onConfirm={share}>
        <blockquote className="quote">{note.text}</blockquote>
        <p>{shared ? t('ours.shareAgainBody') : t('ours.shareBody')}</p>
      </ConfirmDialog>
    </>
  )
}
