import type * as Y from 'yjs'
import { roleAccess } from '../../capabilities/access.ts'
import { isHousehold, type Role } from '../../protocol/roles.ts'
import type { Actor } from '../actor.ts'
import { Cached } from '../cached.ts'
import { fromY } from '../changes.ts'
import { asNum, asObject, asText, entries, oneOf, optionalNum, optionalText, text } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import { compareText } from '../order.ts'
import { RecordList, type Stored } from '../records.ts'
import { SharedText } from '../sharedText.ts'
import { transact } from '../transact.ts'
import { Agenda, type StoredMeetingStep } from './agenda.ts'
import { buildMeetingRecord, readMeetingRecord, type MeetingRecord, type RecordSources } from './record.ts'

/** The roles the household may give guests who join on the spot with the meeting's code. */
export type GuestRole = Extract<Role, 'netwerk' | 'professional' | 'meelezer'>
export const GUEST_ROLES: readonly GuestRole[] = ['netwerk', 'professional', 'meelezer']

/** Where the meeting is now: the step everyone follows, since when, and who moved it there. */
export interface CurrentStep {
  step: string
  since: number
  by: PersonId | null
}

/** The timer of the current step: it started when the step began (or when it was set during it). */
export interface StepTimer {
  step: string
  minutes: number
  startedAt: number
}

/** Privétijd: the household and its network on their own, in the network's room. */
export interface Privetijd {
  startedAt: number
  startedBy: PersonId | null
  /** Null while it runs. */
  endedAt: number | null
  endedBy: PersonId | null
}

/** Someone at the table without a screen of their own, and whose device they are at ("aan tafel, via de telefoon van Ans"). */
export interface Seat {
  via: PersonId
  at: number
}

/** A meedenkbijeenkomst. */
export interface Meeting {
  /** An own name ("Bijeenkomst bij Ans thuis"); may be empty. */
  title: string
  gespreksleider: PersonId | null
  /** The role guests get who join with the meeting's code (default netwerk). */
  guestRole: GuestRole
  current: CurrentStep | null
  timer: StepTimer | null
  privetijd: Privetijd | null
  endedAt: number | null
  endedBy: PersonId | null
  /** Who opened the meeting on a device of their own, and when first. */
  present: Record<PersonId, number>
  /** Who sits at the table without a screen of their own, at whose device. */
  atTable: Record<PersonId, Seat>
}

export type StoredMeeting = Stored<Meeting>

const meetingSpec = {
  read: (map: Y.Map<unknown>): Meeting => ({
    title: text(map, 'title'),
    gespreksleider: optionalText(map, 'gespreksleider'),
    guestRole: oneOf(map, 'guestRole', GUEST_ROLES, 'netwerk'),
    current: readCurrent(map.get('current')),
    timer: readTimer(map.get('timer')),
    privetijd: readPrivetijd(map.get('privetijd')),
    endedAt: optionalNum(map, 'endedAt'),
    endedBy: optionalText(map, 'endedBy'),
    present: Object.fromEntries(Object.entries(entries(map, 'present')).flatMap(([person, at]) => (typeof at === 'number' && Number.isFinite(at) ? [[person, at]] : []))),
    atTable: Object.fromEntries(Object.entries(entries(map, 'aanTafel')).flatMap(([person, value]) => {
      const seat = asObject(value)
      const via = asText(seat?.['via'])
      return seat && via ? [[person, { via, at: asNum(seat['at']) }]] : []
    })),
  }),
  maps: ['present', 'aanTafel'],
  texts: ['besloten'],
}

/**
 * The meedenkbijeenkomsten of a plan (issue 10): the household starts one
 * and names a gespreksleider, who moves through the agenda (agenda.ts) while
 * everyone follows the current step; privétijd; who is there, also at the
 * table without a screen; and at the end a record (record.ts).
 *
 * Who may do what, the same on every device:
 * - the household (eigenaar, huishouden) starts a meeting and names or
 *   changes the gespreksleider;
 * - the gespreksleider and the household lead: move between steps, skip,
 *   reorder, add own steps, set timers, start privétijd, end the meeting;
 * - privétijd is ended by those it is for (anyone whose role opens the
 *   network's room): the professionals are out of the room;
 * - everyone who writes says they are here, and seats someone at the table.
 *
 * The current step is one value per meeting (last writer wins), so two
 * gespreksleiders pressing "volgende stap" at once both move to the same
 * next step and every device ends on one step.
 */
export class Meetings {
  readonly agenda: Agenda
  private readonly records: RecordList<Meeting>
  private readonly view: Cached<StoredMeeting[]>

  constructor(
    private readonly map: Y.Map<Y.Map<unknown>>,
    agendaMap: Y.Map<Y.Map<unknown>>,
    private readonly recordMap: Y.Map<unknown>,
    private readonly sources: RecordSources,
  ) {
    this.records = new RecordList(map, meetingSpec)
    this.agenda = new Agenda(agendaMap)
    this.view = new Cached([this.records, this.agenda.records, fromY(recordMap)], () =>
      [...this.records.list()].sort((a, b) => b.createdAt - a.createdAt || compareText(b.id, a.id)),
    )
  }

  /**
   * Starts a meeting with the method's seven steps and the first one
   * current, and returns its id. Only the household starts one (returns null
   * for anyone else).
   */
  start(meeting: { gespreksleider: PersonId; guestRole?: GuestRole; title?: string }, actor: Actor): string | null {
    if (!isHousehold(actor.role)) return null
    const by = actor.person
    let id = ''
    transact(this.map, () => {
      id = this.records.add({ title: meeting.title ?? '', gespreksleider: meeting.gespreksleider, guestRole: meeting.guestRole ?? 'netwerk' }, by)
      // Read back by id: a list read inside this change would not see the new steps yet.
      const first = this.agenda.get(id, this.agenda.createFor(id, by))
      if (first) this.moveTo(id, first, by)
    })
    return id
  }

  /** The meeting under way: the most recently started one that has not ended, or null. */
  running(): StoredMeeting | null {
    return this.view.per('running', (list) => list.find((m) => m.endedAt === null) ?? null)
  }

  /** Every meeting, newest first; the same array until something changes. */
  list(): StoredMeeting[] {
    return this.view.get()
  }

  get(id: string): StoredMeeting | undefined {
    return this.view.per(`meeting:${id}`, (list) => list.find((m) => m.id === id))
  }

  /** The meeting's agenda, in order (skipped steps included); the same array until something changes. */
  steps(id: string): StoredMeetingStep[] {
    return this.view.per(`steps:${id}`, () => this.agenda.of(id))
  }

  /**
   * The step everyone follows: the one the gespreksleider chose, or, when
   * that step was removed meanwhile, the first step not skipped.
   */
  currentStep(id: string): StoredMeetingStep | null {
    return this.view.per(`current:${id}`, () => {
      const steps = this.steps(id)
      const chosen = this.get(id)?.current?.step
      return steps.find((s) => s.id === chosen) ?? steps.find((s) => !s.skipped) ?? null
    })
  }

  /** The running timer of the current step, or null. */
  timer(id: string): StepTimer | null {
    const meeting = this.get(id)
    const current = this.currentStep(id)
    return meeting?.timer && current && meeting.timer.step === current.id ? meeting.timer : null
  }

  /** Whether `actor` leads this meeting: its gespreksleider, or the household. */
  mayLead(id: string, actor: Actor): boolean {
    const meeting = this.get(id)
    return meeting !== undefined && meeting.endedAt === null && (isHousehold(actor.role) || (actor.person !== null && actor.person === meeting.gespreksleider))
  }

  /** The household names (or changes) the gespreksleider. Returns false for anyone else. */
  setGespreksleider(id: string, person: PersonId, actor: Actor): boolean {
    if (!isHousehold(actor.role) || !this.get(id)) return false
    this.records.update(id, { gespreksleider: person }, actor.person)
    return true
  }

  /** The household chooses the role guests get with the meeting's code. */
  setGuestRole(id: string, role: GuestRole, actor: Actor): boolean {
    if (!isHousehold(actor.role) || !this.get(id)) return false
    this.records.update(id, { guestRole: role }, actor.person)
    return true
  }

  /** Moves everyone to a step. Returns false for someone who does not lead, or a step not on this agenda. */
  goTo(id: string, step: string, actor: Actor): boolean {
    const target = this.agenda.get(id, step)
    if (!target || !this.mayLead(id, actor)) return false
    transact(this.map, () => this.moveTo(id, target, actor.person))
    return true
  }

  /**
   * "Volgende stap": the next step after the current one that is not
   * skipped. Returns its id, or null at the end of the agenda (or for
   * someone who does not lead).
   */
  advance(id: string, actor: Actor): string | null {
    const next = this.neighbour(id, 1)
    return next && this.goTo(id, next.id, actor) ? next.id : null
  }

  /** "Vorige stap": the step before the current one that is not skipped. */
  back(id: string, actor: Actor): string | null {
    const previous = this.neighbour(id, -1)
    return previous && this.goTo(id, previous.id, actor) ? previous.id : null
  }

  /** The next (1) or previous (-1) step not skipped, from the current one. */
  neighbour(id: string, direction: 1 | -1): StoredMeetingStep | null {
    const steps = this.steps(id)
    const at = steps.findIndex((s) => s.id === this.currentStep(id)?.id)
    for (let i = at + direction; i >= 0 && i < steps.length; i += direction) if (!steps[i]!.skipped) return steps[i]!
    return null
  }

  /** Skips a step or takes the skip back (leaders only). */
  skip(id: string, step: string, skipped: boolean, actor: Actor): boolean {
    if (!this.mayLead(id, actor)) return false
    this.agenda.skip(id, step, skipped, actor.person)
    return true
  }

  /** Moves a step on the agenda (leaders only). */
  moveStep(id: string, step: string, toIndex: number, actor: Actor): boolean {
    if (!this.mayLead(id, actor)) return false
    this.agenda.move(id, step, toIndex, actor.person)
    return true
  }

  /** Adds an own step after `after` (or at the end); returns its id, or null for someone who does not lead. */
  addStep(id: string, title: string, after: string | null, actor: Actor): string | null {
    if (!this.mayLead(id, actor)) return null
    return this.agenda.addOwn(id, title, after, actor.person)
  }

  /** Removes an own step (leaders only; the method's steps are skipped instead). */
  removeStep(id: string, step: string, actor: Actor): boolean {
    return this.mayLead(id, actor) && this.agenda.removeOwn(id, step, actor.person)
  }

  /** Sets a step's timer (or none). On the current step it starts again now. Leaders only. */
  setTimer(id: string, step: string, minutes: number | null, actor: Actor): boolean {
    if (!this.mayLead(id, actor) || !this.agenda.get(id, step)) return false
    transact(this.map, () => {
      this.agenda.setMinutes(id, step, minutes, actor.person)
      if (this.currentStep(id)?.id !== step) return
      const set = this.agenda.get(id, step)?.minutes ?? null
      this.records.update(id, { timer: set === null ? null : { step, minutes: set, startedAt: Date.now() } }, actor.person)
    })
    return true
  }

  /**
   * Starts privétijd: everyone moves to the privétijd step (when the agenda
   * has one), the professionals' screens say so kindly, and the household
   * and its network work in their own room. Leaders only.
   */
  startPrivetijd(id: string, actor: Actor): boolean {
    if (!this.mayLead(id, actor)) return false
    transact(this.map, () => {
      const step = this.steps(id).find((s) => s.kind === 'privetijd')
      if (step) this.moveTo(id, step, actor.person)
      this.records.update(id, { privetijd: { startedAt: Date.now(), startedBy: actor.person, endedAt: null, endedBy: null } }, actor.person)
    })
    return true
  }

  /** Ends privétijd: by those it is for (whose role opens the network's room). Returns false for anyone else, or when it does not run. */
  endPrivetijd(id: string, actor: Actor): boolean {
    const privetijd = this.get(id)?.privetijd
    if (!privetijd || privetijd.endedAt !== null || actor.role === null || roleAccess(actor.role, 'netwerk') === 'none') return false
    this.records.update(id, { privetijd: { ...privetijd, endedAt: Date.now(), endedBy: actor.person } }, actor.person)
    return true
  }

  /** Whether privétijd runs now in this meeting. */
  inPrivetijd(id: string): boolean {
    const privetijd = this.get(id)?.privetijd
    return privetijd != null && privetijd.endedAt === null
  }

  /** Notes that `person` is here, on a device of their own (the first time only). */
  arrive(id: string, person: PersonId): void {
    const meeting = this.get(id)
    if (meeting && meeting.endedAt === null && !(person in meeting.present)) this.records.setEntry(id, 'present', person, Date.now())
  }

  /**
   * Seats someone at the table without a screen of their own, at `by`'s
   * device: from then on `by`'s device may give their word for them, visibly
   * (aanTafel.ts). Nobody seats themselves. Returns whether they were seated.
   */
  seatAtTable(id: string, person: PersonId, by: PersonId): boolean {
    const meeting = this.get(id)
    if (!meeting || meeting.endedAt !== null || person === by) return false
    this.records.setEntry(id, 'aanTafel', person, { via: by, at: Date.now() })
    return true
  }

  /** Takes someone away from the table (they left, or have a screen after all); what was said for them stays, marked as said at the table. */
  leaveTable(id: string, person: PersonId): void {
    if (this.get(id)?.atTable[person]) this.records.deleteEntry(id, 'aanTafel', person)
  }

  /** The people seated at `device`'s person's screen in this meeting. */
  seatedWith(id: string, person: PersonId): PersonId[] {
    const atTable = this.get(id)?.atTable ?? {}
    return Object.keys(atTable).filter((seated) => atTable[seated]!.via === person)
  }

  /** "Wat we hebben afgesproken": one text the meeting writes together. */
  decided(id: string): SharedText | null {
    const text = this.records.textOf(id, 'besloten')
    return text ? SharedText.of(text) : null
  }

  /**
   * Ends the meeting: its record is written (record.ts) and it is no longer
   * the running meeting. Leaders only; returns false otherwise.
   */
  end(id: string, actor: Actor): boolean {
    const meeting = this.get(id)
    if (!meeting || !this.mayLead(id, actor)) return false
    const at = Date.now()
    const record = buildMeetingRecord(
      {
        id,
        startedAt: meeting.createdAt,
        gespreksleider: meeting.gespreksleider,
        present: meeting.present,
        atTable: meeting.atTable,
        steps: this.steps(id),
        decided: this.decided(id)?.toString() ?? '',
      },
      this.sources,
      { at, by: actor.person },
    )
    transact(this.map, () => {
      this.records.update(id, { endedAt: at, endedBy: actor.person }, actor.person)
      this.recordMap.set(id, JSON.parse(JSON.stringify(record)) as unknown)
    })
    return true
  }

  /** The record a meeting left when it ended; null while it runs (or for a record this version cannot read). */
  record(id: string): MeetingRecord | null {
    return this.view.per(`record:${id}`, () => readMeetingRecord(this.recordMap.get(id)))
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private moveTo(id: string, step: StoredMeetingStep, by: PersonId | null): void {
    const now = Date.now()
    this.records.update(id, { current: { step: step.id, since: now, by }, timer: step.minutes === null ? null : { step: step.id, minutes: step.minutes, startedAt: now } }, by)
    this.agenda.markReached(id, step.id, now, by)
  }
}

function readCurrent(value: unknown): CurrentStep | null {
  const current = asObject(value)
  const step = asText(current?.['step'])
  if (!current || step === '') return null
  return { step, since: asNum(current['since']), by: typeof current['by'] === 'string' ? current['by'] : null }
}

function readTimer(value: unknown): StepTimer | null {
  const timer = asObject(value)
  const step = asText(timer?.['step'])
  const minutes = asNum(timer?.['minutes'])
  if (!timer || step === '' || minutes <= 0) return null
  return { step, minutes, startedAt: asNum(timer['startedAt']) }
}

function readPrivetijd(value: unknown): Privetijd | null {
  const privetijd = asObject(value)
  if (!privetijd) return null
  const person = (key: string) => (typeof privetijd[key] === 'string' ? privetijd[key] : null)
  const endedAt = privetijd['endedAt']
  return { startedAt: asNum(privetijd['startedAt']), startedBy: person('startedBy'), endedAt: typeof endedAt === 'number' && Number.isFinite(endedAt) ? endedAt : null, endedBy: person('endedBy') }
}
