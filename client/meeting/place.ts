import type { Awareness } from 'y-protocols/awareness'
import { Changes, type PersonId, type Source } from '../../shared/plan/core.ts'

/**
 * Where each device is during a meeting, told through the awareness channel
 * beside its `user` (client/sync/presence.ts), never stored in the plan: the
 * meeting it follows, the section it has open, and, for the gespreksleider's
 * device during "Presentatie van het plan", which part of the plan the big
 * screen shows. Presence "who is here and at which step" reads this; it
 * makes no sound and no notice, it only shows in the list.
 */
export interface MeetingPlace {
  meeting: string
  /** The open section's id; the meeting's own section means following the meeting. */
  section: string
  /** The part of the plan the gespreksleider shows on the big screen (walk.ts), or null. */
  showing: string | null
}

/** Someone's place, with who they are. */
export interface PersonPlace extends MeetingPlace {
  person: PersonId
  clientId: number
}

const FIELD = 'meeting'

/** Tells the others where this device is in the meeting (or nowhere: null). */
export function tellPlace(awareness: Awareness, place: MeetingPlace | null): void {
  const current = readPlace(awareness.getLocalState()?.[FIELD])
  if (samePlace(current, place)) return
  awareness.setLocalStateField(FIELD, place)
}

/**
 * Everyone's place in the meeting, one per person (their most recently
 * changed tab), kept current. Safe as a React external store.
 */
export class MeetingPlaces implements Source {
  private snapshot: PersonPlace[] = []
  private readonly changes = new Changes()
  readonly subscribe = this.changes.subscribe

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.refresh)
    this.refresh()
  }

  list = (): PersonPlace[] => this.snapshot

  private refresh = (): void => {
    const byPerson = new Map<PersonId, PersonPlace>()
    for (const [clientId, state] of this.awareness.getStates()) {
      const person = readPerson(state)
      const place = readPlace(state[FIELD])
      if (!person || !place) continue
      // Two tabs of one person: the gespreksleider's screen tab and their own; the one that shows something wins.
      const known = byPerson.get(person)
      if (!known || (place.showing !== null && known.showing === null)) byPerson.set(person, { ...place, person, clientId })
    }
    const next = [...byPerson.values()].sort((a, b) => a.clientId - b.clientId)
    if (next.length === this.snapshot.length && next.every((p, i) => samePersonPlace(p, this.snapshot[i]!))) return
    this.snapshot = next
    this.changes.notify()
  }
}

const stores = new WeakMap<Awareness, MeetingPlaces>()

/** The one MeetingPlaces of an awareness (a connection's), made when first asked for. */
export function meetingPlaces(awareness: Awareness): MeetingPlaces {
  let store = stores.get(awareness)
  if (!store) {
    store = new MeetingPlaces(awareness)
    stores.set(awareness, store)
  }
  return store
}

/** Reads a place sent by another device, which may run another version of the app. */
export function readPlace(value: unknown): MeetingPlace | null {
  if (typeof value !== 'object' || value === null) return null
  const { meeting, section, showing } = value as Record<string, unknown>
  if (typeof meeting !== 'string' || typeof section !== 'string') return null
  return { meeting, section, showing: typeof showing === 'string' ? showing : null }
}

function readPerson(state: Record<string, unknown>): PersonId | null {
  const user = state['user']
  if (typeof user !== 'object' || user === null) return null
  const person = (user as Record<string, unknown>)['personId']
  return typeof person === 'string' ? person : null
}

function samePlace(a: MeetingPlace | null, b: MeetingPlace | null): boolean {
  return a === b || (a !== null && b !== null && a.meeting === b.meeting && a.section === b.section && a.showing === b.showing)
}

function samePersonPlace(a: PersonPlace, b: PersonPlace): boolean {
  return a.person === b.person && a.clientId === b.clientId && samePlace(a, b)
}
