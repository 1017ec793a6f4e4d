import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note, RecordList, Stored } from '../../../shared/plan/index.ts'
import { usePlan, useRecords, useRemovedRecords } from '../../plan/hooks.ts'
import { RemovedNotices } from '../../ui/RemovedNotices.tsx'
import { useRemoval } from '../../ui/useRemoval.tsx'
import { AddNote } from './AddNote.tsx'
import { NoteItem } from './NoteItem.tsx'

/**
 * The notes of one room (the plan's, or the household's own), with adding,
 * changing and removing; `extra` adds lines and actions to each note.
 */
export function NoteList({ notes, labelledBy, empty, extra }: { notes: RecordList<Note>; labelledBy: string; empty: string; extra?: (note: Stored<Note>) => ReactNode }) {
  const { t } = useTranslation('notities')
  const { me, canWrite } = usePlan()
  const list = useRecords(notes)
  const removed = useRemovedRecords(notes)
  const removal = useRemoval()
  return (
    <>
      {list.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="notes" aria-labelledby={labelledBy}>
          {list.map((note) => (
            <NoteItem key={note.id} note={note} notes={notes} removal={removal}>
              {extra?.(note)}
            </NoteItem>
          ))}
        </ul>
      )}
      {canWrite && <AddNote onAdd={(text) => notes.add({ text }, me)} />}
      <RemovedNotices label={t('removedLabel')} items={removed} onRestore={(id) => notes.restore(id)} onDismiss={(id, actor) => notes.erase(id, actor)} />
      {removal.dialog}
    </>
  )
}
