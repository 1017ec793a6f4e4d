import { ROOM_KINDS, type RoomKind } from '../protocol/rooms.ts'
import { asNum, asObject, asText, entries, type FieldSource } from './fields.ts'
import type { PersonId } from './ids.ts'
import type { Plan } from './plan.ts'
import type { FieldValue, RecordList, Stored } from './records.ts'

/**
 * "Delen met het plan" (architecture.md, decision 2): moving something to a
 * wider audience is an explicit act that copies a record from one room's
 * Y.Doc into another's. Rooms are separate documents, so this is a copy, not
 * a move: the original stays where it was written, with a note of where and
 * when it was shared; the copy carries its author and a note of where it
 * came from. Written once for any two rooms: the household's drafts
 * (huishouden → plan) now, the network's privétijd (netwerk → plan) later.
 *
 * A record kind that can be shared keeps these two fields next to its own
 * (read them with `readSharingNotes`, and list `SHARED_TO` in its
 * RecordSpec.maps so each room's note merges on its own).
 */
export interface SharingNotes {
  /** On a copy: where it came from. Null on a record written in this room. */
  sharedFrom: SharedFrom | null
  /** On an original: the rooms it was shared to, each with its latest sharing. */
  sharedTo: Partial<Record<RoomKind, SharedTo>>
}

export interface SharedFrom {
  room: RoomKind
  /** The original's id in that room. */
  recordId: string
  sharedAt: number
  sharedBy: PersonId | null
  /** Who wrote the original, and when: the copy is theirs, whoever shared it. */
  writtenBy: PersonId | null
  writtenAt: number
}

export interface SharedTo {
  /** The copy's id in that room. */
  recordId: string
  sharedAt: number
  sharedBy: PersonId | null
}

/** The nested-map field that holds SharingNotes.sharedTo; add it to a shareable RecordSpec's `maps`. */
export const SHARED_TO = 'sharedTo'
const SHARED_FROM = 'sharedFrom'

/** Reads the sharing notes of a record's fields; never throws. */
export function readSharingNotes(map: FieldSource): SharingNotes {
  const sharedTo: Partial<Record<RoomKind, SharedTo>> = {}
  for (const [room, value] of Object.entries(entries(map, SHARED_TO))) {
    const note = asObject(value)
    if (!note || !(ROOM_KINDS as readonly string[]).includes(room)) continue
    sharedTo[room as RoomKind] = { recordId: asText(note['recordId']), sharedAt: asNum(note['sharedAt']), sharedBy: personOf(note['sharedBy']) }
  }
  return { sharedFrom: readSharedFrom(map.get(SHARED_FROM)), sharedTo }
}

/** A kind of record that can be shared between rooms: where it lives in any room's Plan, and what a copy carries. */
export interface ShareableKind<T extends SharingNotes> {
  /** The kind's list in a room's Plan (the same list in every room). */
  list(plan: Plan): RecordList<T>
  /** The record's own content to copy: its fields without meta and without sharing notes. */
  content(record: Stored<T>): { [K in keyof T]?: FieldValue }
}

/** One room's document, and which room it is. */
export interface RoomSide {
  plan: Plan
  room: RoomKind
}

/**
 * Shares record `id` of `from` into `to`, on behalf of `by`. The copy is
 * written as its original author's (createdBy), with `sharedFrom` saying by
 * whom and when it was shared; the original gets `sharedTo[to.room]`.
 * Sharing again while the earlier copy is still there brings that copy up to
 * date instead of making a second one. Returns the copy's id, or undefined
 * when the record does not exist (or was removed) in `from`.
 *
 * The two rooms are two documents, so this is two changes: the copy first,
 * then the note on the original. Were the second lost, sharing again would
 * make a second copy, never lose one.
 */
export function shareRecord<T extends SharingNotes>(kind: ShareableKind<T>, id: string, from: RoomSide, to: RoomSide, by: PersonId | null, now: number = Date.now()): string | undefined {
  if (from.plan === to.plan) throw new RangeError('Sharing copies between two rooms; both sides are the same document')
  const source = kind.list(from.plan)
  const target = kind.list(to.plan)
  const original = source.get(id)
  if (!original) return undefined
  const sharedFrom: SharedFrom = { room: from.room, recordId: id, sharedAt: now, sharedBy: by, writtenBy: original.createdBy, writtenAt: original.createdAt }
  const copyFields = { ...kind.content(original), [SHARED_FROM]: { ...sharedFrom } } as { [K in keyof T]?: FieldValue }

  const earlier = original.sharedTo[to.room]?.recordId
  let copyId: string
  if (earlier && target.has(earlier)) {
    target.update(earlier, copyFields, by)
    copyId = earlier
  } else {
    copyId = target.add(copyFields, original.createdBy)
  }
  const sharedTo: SharedTo = { recordId: copyId, sharedAt: now, sharedBy: by }
  source.setEntry(id, SHARED_TO, to.room, { ...sharedTo })
  return copyId
}

function readSharedFrom(value: unknown): SharedFrom | null {
  const note = asObject(value)
  if (!note) return null
  const room = note['room']
  if (typeof room !== 'string' || !(ROOM_KINDS as readonly string[]).includes(room)) return null
  return {
    room: room as RoomKind,
    recordId: asText(note['recordId']),
    sharedAt: asNum(note['sharedAt']),
    sharedBy: personOf(note['sharedBy']),
    writtenBy: personOf(note['writtenBy']),
    writtenAt: asNum(note['writtenAt']),
  }
}

function personOf(value: unknown): PersonId | null {
  return typeof value === 'string' ? value : null
}
