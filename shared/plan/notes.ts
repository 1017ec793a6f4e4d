import type * as Y from 'yjs'
import { text } from './fields.ts'
import type { Plan } from './plan.ts'
import type { RecordSpec } from './records.ts'
import { readSharingNotes, SHARED_TO, type ShareableKind, type SharingNotes } from './sharing.ts'

/**
 * A short note. In the household's own room ("Alleen voor ons") notes are
 * drafts the household is not ready to share, even with family; in the plan
 * room they are notes for everyone. A note moves to a wider room only by
 * sharing it (sharing.ts), which copies it with its author.
 */
export interface Note extends SharingNotes {
  text: string
}

export const noteSpec: RecordSpec<Note> = {
  read: (map: Y.Map<unknown>) => ({ text: text(map, 'text'), ...readSharingNotes(map) }),
  maps: [SHARED_TO],
}

/** Notes as a shareable kind: the same `notes` list in every room, copied by their words. */
export const NOTES: ShareableKind<Note> = {
  list: (plan: Plan) => plan.notes,
  content: (note) => ({ text: note.text }),
}
