import type * as Y from 'yjs'
import { bool, oneOf, optionalNum, text } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import { orderAt, orderAtEdge, orderBetween } from '../order.ts'
import { RecordList, type Stored } from '../records.ts'

/**
 * The steps of a meedenkbijeenkomst in the method's order (004, Sociale
 * Netwerk Versterking): Opening en welkom · Voorstellen en verwachtingen ·
 * Vragen voor het plan · Informatieronde · Privétijd · Presentatie van het
 * plan · Samenstellen basisteam. Stored keys; they never change. The names
 * and the one sentence that says what each step is for live in the
 * catalogs (client/meeting/i18n.ts). `eigen` is a step the
 * gespreksleider adds, with a title of their own.
 */
export type MethodStep = 'opening' | 'voorstellen' | 'vragen' | 'informatie' | 'privetijd' | 'presentatie' | 'basisteam'
export const METHOD_STEPS: readonly MethodStep[] = ['opening', 'voorstellen', 'vragen', 'informatie', 'privetijd', 'presentatie', 'basisteam']

export type MeetingStepKind = MethodStep | 'eigen'
export const MEETING_STEP_KINDS: readonly MeetingStepKind[] = [...METHOD_STEPS, 'eigen']

/** Longest timer a step may have, in minutes: a meeting is an afternoon, not a day. */
export const MAX_STEP_MINUTES = 240

/** One step on a meeting's agenda. */
export interface MeetingStep {
  /** The meeting it belongs to. */
  meeting: string
  kind: MeetingStepKind
  /** The gespreksleider's own title for an `eigen` step; empty for the method's steps, whose names come from the catalogs. */
  title: string
  /** Skipped steps stay on the agenda, greyed, and are passed over by "volgende stap". */
  skipped: boolean
  /** An optional timer, in whole minutes; null for none. */
  minutes: number | null
  /** When the step first became the current one; null while it has not. */
  reachedAt: number | null
}

export type StoredMeetingStep = Stored<MeetingStep>

const stepSpec = {
  read: (map: Y.Map<unknown>): MeetingStep => {
    const minutes = optionalNum(map, 'minutes')
    return {
      meeting: text(map, 'meeting'),
      kind: oneOf(map, 'kind', MEETING_STEP_KINDS, 'eigen'),
      title: text(map, 'title'),
      skipped: bool(map, 'skipped'),
      minutes: minutes !== null && minutes > 0 ? Math.min(Math.round(minutes), MAX_STEP_MINUTES) : null,
      reachedAt: optionalNum(map, 'reachedAt'),
    }
  },
}

/**
 * The agendas of a plan's meetings: one list of step records, each naming
 * its meeting, ordered by fractional keys (order.ts), so the gespreksleider
 * reorders with one write and concurrent moves converge. Removing applies to
 * an own step only; a method step is skipped instead, so the agenda always
 * says which of the method's steps were left out.
 */
export class Agenda {
  readonly records: RecordList<MeetingStep>

  constructor(map: Y.Map<Y.Map<unknown>>) {
    this.records = new RecordList(map, stepSpec)
  }

  /** Writes the method's seven steps for a new meeting, in order; returns the first step's id. */
  createFor(meeting: string, by: PersonId | null): string {
    // Order keys worked out here, one after the other: inside one change the list does not show the steps just added.
    let order = orderAtEdge(this.records.list())
    const ids: string[] = []
    for (const kind of METHOD_STEPS) {
      ids.push(this.records.add({ meeting, kind, title: '', skipped: false, minutes: null, reachedAt: null }, by, { order }))
      order = orderBetween(order, null)
    }
    return ids[0]!
  }

  /** The visible steps of one meeting, in order (skipped ones included). */
  of(meeting: string): StoredMeetingStep[] {
    return this.records.list().filter((step) => step.meeting === meeting)
  }

  /** One step of one meeting, or undefined. */
  get(meeting: string, id: string): StoredMeetingStep | undefined {
    const step = this.records.get(id)
    return step?.meeting === meeting ? step : undefined
  }

  /** Adds an own step after `after` (a step id; at the end when null) and returns its id. */
  addOwn(meeting: string, title: string, after: string | null, by: PersonId | null): string {
    const steps = this.of(meeting)
    const index = after === null ? steps.length : steps.findIndex((s) => s.id === after) + 1
    return this.records.add({ meeting, kind: 'eigen', title, skipped: false, minutes: null, reachedAt: null }, by, { order: orderAt(steps, index > 0 ? index : steps.length) })
  }

  /** Moves a step to a position on its meeting's agenda (0 = first). */
  move(meeting: string, id: string, toIndex: number, by: PersonId | null): void {
    if (!this.get(meeting, id)) return
    this.records.place(id, orderAt(this.of(meeting).filter((s) => s.id !== id), toIndex), by)
  }

  /** Skips a step (or takes the skip back). */
  skip(meeting: string, id: string, skipped: boolean, by: PersonId | null): void {
    if (this.get(meeting, id)) this.records.update(id, { skipped }, by)
  }

  /** Sets a step's timer in minutes, or takes it away (null). Out-of-range values are clamped. */
  setMinutes(meeting: string, id: string, minutes: number | null, by: PersonId | null): void {
    if (!this.get(meeting, id)) return
    const value = minutes === null || !Number.isFinite(minutes) || minutes <= 0 ? null : Math.min(Math.round(minutes), MAX_STEP_MINUTES)
    this.records.update(id, { minutes: value }, by)
  }

  /** Renames an own step. */
  rename(meeting: string, id: string, title: string, by: PersonId | null): void {
    if (this.get(meeting, id)?.kind === 'eigen') this.records.update(id, { title }, by)
  }

  /** Removes an own step softly; the method's steps are skipped instead. Returns whether it was removed. */
  removeOwn(meeting: string, id: string, by: PersonId | null): boolean {
    if (this.get(meeting, id)?.kind !== 'eigen') return false
    this.records.remove(id, by)
    return true
  }

  /** Notes that a step became current, the first time only. */
  markReached(meeting: string, id: string, at: number, by: PersonId | null): void {
    const step = this.get(meeting, id)
    if (step && step.reachedAt === null) this.records.update(id, { reachedAt: at }, by)
  }
}
