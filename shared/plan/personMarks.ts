import type * as Y from 'yjs'
import { ROOM_KINDS, type RoomKind } from '../protocol/rooms.ts'
import { Cached } from './cached.ts'
import { oneOf, optionalText, text } from './fields.ts'
import type { PersonId } from './ids.ts'
import type { Plan } from './plan.ts'
import { RecordList, type RecordSpec, type Stored } from './records.ts'
import { readSharingNotes, SHARED_TO, type RoomSide, type ShareableKind, type SharingNotes } from './sharing.ts'

/**
 * Sensitive things said about a person (issue 11): that they passed away,
 * that there is no contact now, that the contact is difficult, or any note
 * about them in the netwerkatlas. Such words should not go straight into the
 * room everyone reads, including the person described, so a mark lives in
 * the room its writer chose: "alleen voor ons" (the huishouden room), "ons
 * netwerk" (the netwerk room) or the plan. Every room's Y.Doc has this list;
 * moving a mark wider is the explicit "delen met het plan" of sharing.ts.
 *
 * A mark is a record of its own (person, kind, words), never a field of the
 * instruments, because a field cannot be in one room for some readers and in
 * another for others. Marks of the first release (the familiekaart's
 * deceased / outOfContact / note, the relatiekaart's strained / note) stay
 * where they are, in the plan room, and are read beside these.
 */
export type PersonMarkKind = 'passedAway' | 'noContact' | 'difficultContact' | 'note'
export const PERSON_MARK_KINDS: readonly PersonMarkKind[] = ['passedAway', 'noContact', 'difficultContact', 'note']

/** Where in the netwerkatlas a note about a person was written; marks of other kinds say ''. */
export type MarkPlace = 'familiekaart' | 'relatiekaart' | 'contactschema' | ''
export const MARK_PLACES: readonly MarkPlace[] = ['familiekaart', 'relatiekaart', 'contactschema', '']

export interface PersonMark extends SharingNotes {
  person: PersonId
  kind: PersonMarkKind
  /** For a note: where it was written. */
  place: MarkPlace
  /** For a note: its words. */
  text: string
}

const markSpec: RecordSpec<PersonMark> = {
  read: (map: Y.Map<unknown>) => ({
    person: optionalText(map, 'person') ?? '',
    kind: oneOf(map, 'kind', PERSON_MARK_KINDS, 'note'),
    place: oneOf(map, 'place', MARK_PLACES, ''),
    text: text(map, 'text'),
    ...readSharingNotes(map),
  }),
  maps: [SHARED_TO],
}

/** One room's marks: set and unset a mark, write a note, read a person's. */
export class PersonMarks {
  readonly records: RecordList<PersonMark>
  private readonly view: Cached<Stored<PersonMark>[]>

  constructor(map: Y.Map<Y.Map<unknown>>) {
    this.records = new RecordList(map, markSpec)
    this.view = new Cached([this.records], () => this.records.list().filter((mark) => mark.person !== ''))
  }

  /**
   * Sets (or, with `on` false, takes away) a mark of one kind on a person in
   * this room. Setting it twice keeps one; two devices setting it at once
   * make two records, which read as one.
   */
  set(person: PersonId, kind: Exclude<PersonMarkKind, 'note'>, on: boolean, by: PersonId | null): void {
    const present = this.of(person).filter((mark) => mark.kind === kind)
    if (on && present.length === 0) this.records.add({ person, kind, place: '', text: '' }, by)
    if (!on) for (const mark of present) this.records.remove(mark.id, by)
  }

  /** Writes the note about a person in one place of the netwerkatlas; empty words take it away. */
  writeNote(person: PersonId, place: Exclude<MarkPlace, ''>, words: string, by: PersonId | null): void {
    const present = this.of(person).filter((mark) => mark.kind === 'note' && mark.place === place)
    const [first, ...extra] = present
    if (words.trim() === '') {
      for (const mark of present) this.records.remove(mark.id, by)
      return
    }
    if (first) this.records.update(first.id, { text: words }, by)
    else this.records.add({ person, kind: 'note', place, text: words }, by)
    for (const mark of extra) this.records.remove(mark.id, by)
  }

  /** A person's marks in this room. */
  of(person: PersonId): Stored<PersonMark>[] {
    return this.view.per(person, (list) => list.filter((mark) => mark.person === person))
  }

  /** Every mark in this room, in order. */
  list(): Stored<PersonMark>[] {
    return this.view.get()
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

/** Marks as a shareable kind: "delen met het plan" copies a mark with its author to a wider room. */
export const PERSON_MARKS: ShareableKind<PersonMark> = {
  list: (plan: Plan) => plan.personMarks.records,
  content: (mark) => ({ person: mark.person, kind: mark.kind, place: mark.place, text: mark.text }),
}

/** A mark as a device sees it across the rooms it opens: the mark, and the widest room it is in. */
export interface SeenMark {
  kind: PersonMarkKind
  place: MarkPlace
  text: string
  /** The widest room holding it: who can read it. */
  room: RoomKind
  /** The record in that room. */
  id: string
  createdBy: PersonId | null
}

/**
 * A person's marks in every room this device opens, each once, in the
 * order of PERSON_MARK_KINDS: a mark shared wider shows as the copy in the
 * widest room (everyone there reads it). Rooms given in any order (ROOM_KINDS lists them widest first).
 */
export function marksAcross(rooms: readonly RoomSide[], person: PersonId): SeenMark[] {
  const byKey = new Map<string, SeenMark>()
  const widestFirst = [...rooms].sort((a, b) => ROOM_KINDS.indexOf(a.room) - ROOM_KINDS.indexOf(b.room))
  for (const { plan, room } of widestFirst) {
    for (const mark of plan.personMarks.of(person)) {
      const key = mark.kind === 'note' ? `note:${mark.place}` : mark.kind
      if (byKey.has(key)) continue
      byKey.set(key, { kind: mark.kind, place: mark.place, text: mark.text, room, id: mark.id, createdBy: mark.createdBy })
    }
  }
  return [...byKey.values()].sort((a, b) => PERSON_MARK_KINDS.indexOf(a.kind) - PERSON_MARK_KINDS.indexOf(b.kind) || MARK_PLACES.indexOf(a.place) - MARK_PLACES.indexOf(b.place))
}
