import { useState } from 'react'
import type { PersonId } from '../../../../shared/plan/index.ts'
import type { RoomKind } from '../../../../shared/protocol/rooms.ts'
import { rememberMarkRoom, useRememberedMarkRoom } from '../../../device/markRoom.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMarkRooms } from './MarkRooms.tsx'
import type { NotePlace, PersonSensitivity, SensitiveKind } from './seenMarks.ts'

/** The question "waar komt dit te staan?" while it waits for an answer: what to write once a room is chosen. */
export interface MarkQuestion {
  /** The rooms to choose from, most private first (the first is chosen unless someone picks another). */
  rooms: readonly RoomKind[]
  answer: (room: RoomKind) => void
  cancel: () => void
}

/**
 * Sets and takes away sensitive marks about one person, and writes notes
 * about them (issue 11). A new mark goes to the room this device chose for
 * marks; the first time there is no choice yet, `question` asks it (the most
 * private room first). A mark is taken away in every room it is in, and a
 * note is changed where it already is.
 */
export function useMarkWriter(person: PersonId): {
  sensitivity: PersonSensitivity
  set: (kind: SensitiveKind, on: boolean) => void
  writeNote: (place: NotePlace, words: string, options?: { closing?: boolean }) => void
  question: MarkQuestion | null
} {
  const { plan, planId, me } = usePlan()
  const { sides, writable, seen } = useMarkRooms()
  const remembered = useRememberedMarkRoom(planId)
  const sensitivity = useLive(seen, () => seen.of(person))
  const [question, setQuestion] = useState<MarkQuestion | null>(null)
  const { familiekaart, relatiekaart, contactschema } = plan.netwerkatlas
  const sideOf = (room: RoomKind) => sides.find((side) => side.room === room)

  /** Runs `write` in the chosen room, asking first when this device has not chosen one yet. */
  function inChosenRoom(write: (room: RoomKind) => void, { closing = false } = {}): void {
    if (writable.length === 0) return
    if (writable.length === 1) return write(writable[0]!)
    if (remembered && writable.includes(remembered)) return write(remembered)
    // A dialog that is closing cannot ask any more: the most private room is the safe side.
    if (closing) return write(writable[0]!)
    setQuestion({
      rooms: writable,
      answer: (room) => {
        rememberMarkRoom(planId, room)
        setQuestion(null)
        write(room)
      },
      cancel: () => setQuestion(null),
    })
  }

  function set(kind: SensitiveKind, on: boolean): void {
    if (on) {
      if (!sensitivity.marks[kind]) inChosenRoom((room) => sideOf(room)?.plan.personMarks.set(person, kind, true, me))
      return
    }
    for (const room of writable) sideOf(room)?.plan.personMarks.set(person, kind, false, me)
    if (kind === 'passedAway') familiekaart.update(person, { deceased: false }, me)
    if (kind === 'noContact') familiekaart.update(person, { outOfContact: false }, me)
    if (kind === 'difficultContact' && relatiekaart.get(person)?.strained) relatiekaart.describe(person, { strained: false }, me)
  }

  function writeNote(place: NotePlace, words: string, options: { closing?: boolean } = {}): void {
    const existing = sensitivity.notes[place]
    if (existing?.legacy) return writeLegacyNote(place, words)
    if (existing) {
      if (writable.includes(existing.room)) sideOf(existing.room)?.plan.personMarks.writeNote(person, place, words, me)
      return
    }
    if (words.trim() === '') return
    inChosenRoom((room) => sideOf(room)?.plan.personMarks.writeNote(person, place, words, me), options)
  }

  /** A note of the first release stays where it was written (the plan room), so it is changed there. */
  function writeLegacyNote(place: NotePlace, note: string): void {
    if (place === 'familiekaart') familiekaart.update(person, { note }, me)
    if (place === 'relatiekaart') relatiekaart.describe(person, { note }, me)
    if (place === 'contactschema') contactschema.setNote(person, note, me)
  }

  return { sensitivity, set, writeNote, question }
}
