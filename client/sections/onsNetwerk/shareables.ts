import { NOTES, QUESTION_NOTES, shareRecord, type Note, type Plan, type PersonId, type QuestionNote, type SharingNotes, type Stored, type StoredAction } from '../../../shared/plan/index.ts'

/** What the network drafted and may bring into the plan: an answer to a question, an action, a note. */
export type DraftKind = 'antwoord' | 'actie' | 'notitie'

export interface Draft {
  kind: DraftKind
  id: string
  text: string
  /** The latest sharing to the plan, when there was one. */
  shared: SharingNotes['sharedTo']['plan']
  /** Changed in the network's room after it was last shared. */
  changedSince: boolean
  /** Not shared yet, or changed since: there is something to bring into the plan. */
  open: boolean
}

function draftOf(kind: DraftKind, record: Stored<SharingNotes> & { updatedAt: number }, text: string): Draft {
  const shared = record.sharedTo.plan
  const changedSince = shared !== undefined && record.updatedAt > shared.sharedAt
  return { kind, id: record.id, text, shared, changedSince, open: shared === undefined || changedSince }
}

/** Everything drafted in the network's room, in one list: answers, then actions, then notes. */
export function draftsOf(room: { answers: readonly Stored<QuestionNote>[]; actions: readonly StoredAction[]; notes: readonly Stored<Note>[] }): Draft[] {
  return [
    ...room.answers.map((n) => draftOf('antwoord', n, n.text)),
    ...room.actions.map((a) => draftOf('actie', a, a.wat)),
    ...room.notes.map((n) => draftOf('notitie', n, n.text)),
  ]
}

/**
 * "Delen met het plan" for the chosen drafts only: each is copied into the
 * plan room with its author and a note of where it came from
 * (shared/plan/sharing.ts, Basisteam.shareTo). Nothing else is copied.
 * Returns how many were shared.
 */
export function shareDrafts(chosen: readonly Draft[], ours: Plan, plan: Plan, by: PersonId): number {
  const from = { plan: ours, room: 'netwerk' as const }
  const to = { plan, room: 'plan' as const }
  let count = 0
  for (const draft of chosen) {
    const copy =
      draft.kind === 'antwoord'
        ? shareRecord(QUESTION_NOTES, draft.id, from, to, by)
        : draft.kind === 'actie'
          ? ours.basisteam.shareTo(draft.id, plan.basisteam, { from: 'netwerk', to: 'plan' }, by)
          : shareRecord(NOTES, draft.id, from, to, by)
    if (copy) count++
  }
  return count
}
