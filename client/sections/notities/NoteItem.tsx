import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note, RecordList, Stored } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { EditDialog } from '../../ui/EditDialog.tsx'
import { MoreMenu } from '../../ui/MoreMenu.tsx'
import type { useRemoval } from '../../ui/useRemoval.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/** One note: its words, who wrote it and when, where it was shared from; change and remove in its ⋯ menu. `children` adds lines and actions (sharing). */
export function NoteItem({
  note,
  notes,
  removal,
  children,
}: {
  note: Stored<Note>
  notes: RecordList<Note>
  removal: ReturnType<typeof useRemoval>
  children?: ReactNode
}) {
  const { t } = useTranslation('notities')
  const { me } = usePlan()
  const format = useFormat()
  const [editing, setEditing] = useState(false)
  const origin = note.sharedFrom
  return (
    <li className="card note">
      <div className="note-body">
        <p className="note-text">{note.text}</p>
        <p className="muted">{t('writtenBy', { name: format.name(origin?.writtenBy ?? note.createdBy), when: format.moment(origin?.writtenAt ?? note.createdAt) })}</p>
        {origin && <p className="note-origin">{t(`sharedFrom.${origin.room}`, { name: format.name(origin.sharedBy), when: format.moment(origin.sharedAt) })}</p>}
        {children}
      </div>
      <MoreMenu
        item={note.id}
        label={t('more', { text: note.text })}
        actions={[
          { id: 'edit', label: t('edit'), onAction: () => setEditing(true) },
          { id: 'remove', label: t('remove'), onAction: () => removal.request({ author: note.createdBy, text: note.text, remove: () => notes.remove(note.id, me) }) },
        ]}
      />
      <EditDialog
        isOpen={editing}
        onOpenChange={setEditing}
        title={t('editTitle')}
        fields={[{ name: 'text', label: t('text'), value: note.text, multiline: true }]}
        onSave={(changed) => changed['text'] !== undefined && notes.update(note.id, { text: changed['text'] }, me)}
      />
    </li>
  )
}
