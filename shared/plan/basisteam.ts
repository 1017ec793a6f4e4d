import type * as Y from 'yjs'
import { mayWithdrawAtTable, readAtTable, type AtTable, type AtTableAct, type AtTableSource } from './aanTafel.ts'
import { Cached } from './cached.ts'
import { CombinedRecords } from './combinedRecords.ts'
import { asNum, asObject, entries, keySet, oneOf, optionalText, sortedKeys, text, type FieldSource } from './fields.ts'
import { FlatRecordList } from './flatRecordList.ts'
import type { PersonId } from './ids.ts'
import { compareText } from './order.ts'
import { LEEFGEBIED_KEYS, type Leefgebied } from './leefgebieden.ts'
import type { StoredCardItem } from './partnerschapskaart.ts'
import { CARD_STEPS, type CardStep } from './partnerschapskaart-prompts.ts'
import type { PersonReference, PersonReferenceSource, PersonVisibility } from './personReferences.ts'
import { InstrumentRecords } from './instrumentRecords.ts'
import { RecordList, type FieldValue, type Stored } from './records.ts'
import { readSharingNotes, SHARED_TO, type SharedFrom, type SharedTo, type SharingNotes } from './sharing.ts'
import { transact } from './transact.ts'
import type { RoomKind } from '../protocol/rooms.ts'

/**
 * How an action is going. Stored keys; the client shows "we proberen het
 * uit", "loopt", "gelukt", "niet nu", "lukt niet". None is alarming and none
 * is a score: plans hold "opgaven" to try, and not everything can be solved.
 */
export type ActionStatus = 'trying' | 'ongoing' | 'succeeded' | 'not-now' | 'not-working'
export const ACTION_STATUSES: readonly ActionStatus[] = ['trying', 'ongoing', 'succeeded', 'not-now', 'not-working']

/** Nobody is made a helper without their own yes: "gevraagd" (asked) until they say "ja" or "nee". */
export type Consent = 'asked' | 'yes' | 'no'
export const CONSENTS: readonly Consent[] = ['asked', 'yes', 'no']

/**
 * Where help comes from, in the order the Wmo asks to look (004, "De
 * Kanteling"): eigen kracht, the network (gebruikelijke hulp, mantelzorg),
 * voorliggende voorzieningen (free, or paid from elsewhere such as the health
 * insurer), and only then a maatwerkvoorziening from the municipality. An
 * optional answer on an action ("wie of wat helpt hier?"), never a gate.
 */
export type HelpSource = 'eigen-kracht' | 'netwerk' | 'voorliggend' | 'maatwerk'
export const HELP_SOURCES: readonly HelpSource[] = ['eigen-kracht', 'netwerk', 'voorliggend', 'maatwerk']

/** One person in an action's "wie", with their own answer. */
export interface Helper {
  person: PersonId
  consent: Consent
  askedBy: PersonId | null
  askedAt: number
  /** When they answered; null while asked. */
  answeredAt: number | null
  /** Set when the answer was given for them at the table ("aan tafel", via someone else's device) and they have not made it their own yet. */
  atTable: AtTable | null
}

/** "Wanneer": a date, or something recurring in words ("elke dinsdag"). */
export type When = { kind: 'date'; date: string } | { kind: 'recurring'; text: string }

/** A basisteam action: wie doet wat, waar, wanneer en hoe. Shareable between rooms, as drafted in privétijd (see `shareTo`). */
export interface Action extends SharingNotes {
  wat: string
  waar: string
  wanneer: When | null
  hoe: string
  notes: string
  status: ActionStatus
  /** The people asked, oldest ask first. */
  wie: Helper[]
  /** Ids of the values (plan.waarden) this action serves. */
  values: string[]
  /** The partnerschapskaart steps it serves. */
  steps: CardStep[]
  leefgebieden: Leefgebied[]
  /** Where the help comes from, when someone said so. */
  bron: HelpSource | null
  /** The partnerschapskaart item (under Acties) this action was made from, or null. */
  fromCard: string | null
}

export type StoredAction = Stored<Action>

const DATE = /^\d{4}-\d{2}-\d{2}$/

function readWhen(value: unknown): When | null {
  const when = asObject(value)
  if (when?.['kind'] === 'date' && typeof when['date'] === 'string' && DATE.test(when['date'])) return { kind: 'date', date: when['date'] }
  if (when?.['kind'] === 'recurring' && typeof when['text'] === 'string') return { kind: 'recurring', text: when['text'] }
  return null
}

/*
 * "wie" is nested maps, so that an answer is only ever written by the
 * person who gives it: `wie` holds the asks (person → { askedBy, askedAt },
 * written by whoever asks) and `answers` holds the answers (person →
 * { consent, at }, written only by that person). Two people asking the same
 * neighbour at once then never wipe out the neighbour's yes. An answer given
 * for someone at the table lives apart, in `atTable` (person → { consent,
 * at, by }), so it can never pass for their own (aanTafel.ts); the newer of
 * the two counts.
 */
function readHelpers(map: FieldSource): Helper[] {
  const asks = entries(map, 'wie')
  const answers = entries(map, 'answers')
  const atTable = entries(map, 'atTable')
  const helpers: Helper[] = []
  for (const person of new Set([...Object.keys(asks), ...Object.keys(answers), ...Object.keys(atTable)])) {
    const ask = asObject(asks[person])
    const own = readAnswer(answers[person])
    const forThem = readAnswer(atTable[person])
    const table = forThem ? readAtTable(atTable[person]) : null
    const counts = forThem && table && (!own || forThem.at > own.at) ? forThem : own
    if (!ask && !counts) continue
    const askedBy = ask?.['askedBy']
    helpers.push({
      person,
      consent: counts?.consent ?? 'asked',
      askedBy: typeof askedBy === 'string' ? askedBy : null,
      askedAt: asNum(ask?.['askedAt']),
      answeredAt: counts?.at ?? null,
      atTable: counts && counts === forThem ? table : null,
    })
  }
  return helpers.sort((a, b) => a.askedAt - b.askedAt || compareText(a.person, b.person))
}

function readAnswer(value: unknown): { consent: 'yes' | 'no'; at: number } | null {
  const answer = asObject(value)
  const consent = answer?.['consent']
  return consent === 'yes' || consent === 'no' ? { consent, at: asNum(answer?.['at']) } : null
}

/** Reads an action from either layout: a RecordList record, or a flat one made from a card item. */
const actionSpec = {
  read: (map: FieldSource): Action => ({
    wat: text(map, 'wat'),
    waar: text(map, 'waar'),
    wanneer: readWhen(map.get('wanneer')),
    hoe: text(map, 'hoe'),
    notes: text(map, 'notes'),
    status: oneOf(map, 'status', ACTION_STATUSES, 'trying'),
    wie: readHelpers(map),
    values: sortedKeys(map, 'values'),
    steps: keySet(map, 'steps', CARD_STEPS),
    leefgebieden: keySet(map, 'leefgebieden', LEEFGEBIED_KEYS),
    bron: oneOf(map, 'bron', HELP_SOURCES, null),
    fromCard: optionalText(map, 'fromCard'),
    ...readSharingNotes(map),
  }),
  maps: ['wie', 'answers', 'atTable', 'values', 'steps', 'leefgebieden', SHARED_TO],
}

/**
 * The id of the action made from a card item: the same on every device, so
 * two devices turning the same item into an action make one action.
 */
export function actionIdForCardItem(itemId: string): string {
  return `kaart-${itemId}`
}

export interface NewAction {
  wat: string
  waar?: string
  wanneer?: When | null
  hoe?: string
  notes?: string
  status?: ActionStatus
  /** People to ask; whoever adds the action and names themselves says yes at once. */
  wie?: readonly PersonId[]
  values?: readonly string[]
  steps?: readonly CardStep[]
  leefgebieden?: readonly Leefgebied[]
  bron?: HelpSource | null
}

/** The basisteam's plan: who does what, where, when and how, each helper by their own yes. */
export class Basisteam extends InstrumentRecords<Action, CombinedRecords<Action>> implements PersonReferenceSource, AtTableSource {
  readonly instrument = 'basisteam'
  private readonly view: Cached<StoredAction[]>

  /**
   * `map` holds the actions added here; `fromCard` those made from a card item, laid out flat (see flatRecordList.ts).
   * `shown` hides the asks and answers of people removed with "weghalen" (kept, and back when they are put back).
   */
  constructor(
    private readonly map: Y.Map<Y.Map<unknown>>,
    fromCard: Y.Map<unknown>,
    shown: PersonVisibility,
  ) {
    super(new CombinedRecords(new RecordList(map, actionSpec), new FlatRecordList(fromCard, actionSpec)))
    this.view = new Cached([this.records, shown], () =>
      this.records.list().map((action) => (action.wie.every((h) => shown.isShown(h.person)) ? action : { ...action, wie: action.wie.filter((h) => shown.isShown(h.person)) })),
    )
  }

  /** Adds an action, asks the people in `wie`, and returns its id. */
  add(action: NewAction, by: PersonId): string {
    let id = ''
    transact(this.map, () => {
      id = this.records.add(
        {
          wat: action.wat,
          waar: action.waar ?? '',
          wanneer: action.wanneer ?? null,
          hoe: action.hoe ?? '',
          notes: action.notes ?? '',
          status: action.status ?? 'trying',
          bron: action.bron ?? null,
        },
        by,
      )
      for (const person of action.wie ?? []) this.ask(id, person, by)
      for (const value of action.values ?? []) this.linkValue(id, value)
      for (const step of action.steps ?? []) this.linkStep(id, step)
      for (const tag of action.leefgebieden ?? []) this.tag(id, tag)
    })
    return id
  }

  /**
   * Turns an item under the card's Acties into an action in one move, keeping
   * the link (`fromCard`), and asks the people in `wie` — for "Wat vragen we
   * aan anderen om te doen?" the others, who then decide themselves. The
   * action's id follows from the item's, so doing this on two offline devices
   * makes ONE action with both devices' asks. Done again, it asks anyone new
   * and brings a removed action back. Returns the action's id, or null for an
   * item whose id cannot name one (from a damaged copy).
   */
  fromCardItem(item: StoredCardItem, wie: readonly PersonId[], by: PersonId): string | null {
    const id = actionIdForCardItem(item.id)
    if (!FlatRecordList.isId(id)) return null
    transact(this.map, () => {
      if (!this.records.holds(id)) {
        this.records.create(id, { wat: item.text, notes: item.notes, status: 'trying', fromCard: item.id }, by)
        this.records.setEntry(id, 'steps', 'acties', Date.now())
      } else if (!this.records.get(id)) {
        this.records.restore(id)
      }
      for (const person of wie) this.ask(id, person, by)
    })
    return id
  }

  /** The action made from a card item, while it is in the list. */
  forCardItem(itemId: string): StoredAction | undefined {
    return this.records.get(actionIdForCardItem(itemId))
  }

  /** Changes what, where, when, how, the notes or where help comes from. */
  edit(id: string, patch: { wat?: string; waar?: string; wanneer?: When | null; hoe?: string; notes?: string; bron?: HelpSource | null }, by: PersonId): void {
    this.records.update(id, patch, by)
  }

  /** Sets how it is going. */
  setStatus(id: string, status: ActionStatus, by: PersonId): void {
    this.records.update(id, { status }, by)
  }

  /**
   * Asks a person to take part: they are "gevraagd" until they answer.
   * Asking yourself is saying yes. Returns false when the action does not
   * exist or the person is already asked (their answer is never reset).
   */
  ask(id: string, person: PersonId, by: PersonId): boolean {
    const action = this.records.get(id)
    if (!action || action.wie.some((h) => h.person === person)) return false
    const now = Date.now()
    transact(this.map, () => {
      this.records.setEntry(id, 'wie', person, { askedBy: by, askedAt: now })
      if (person === by) this.records.setEntry(id, 'answers', person, { consent: 'yes', at: now })
    })
    return true
  }

  /**
   * A person's own answer: "ja, dat doe ik" or "nee". Only the person asked
   * answers, and may change their answer later; their own word replaces one
   * given for them at the table. Returns false when `by` was not asked.
   */
  answer(id: string, consent: 'yes' | 'no', by: PersonId): boolean {
    if (!this.records.get(id)?.wie.some((h) => h.person === by)) return false
    transact(this.map, () => {
      this.records.setEntry(id, 'answers', by, { consent, at: Date.now() })
      this.records.deleteEntry(id, 'atTable', by)
    })
    return true
  }

  /**
   * "Aan tafel": `person`, asked and sitting at the table, answers, and `by`
   * records it on their own device for them (aanTafel.ts). It shows as given
   * at the table until `person` confirms or withdraws it on their own device.
   * Returns false for someone not asked, or for `by` answering for themselves
   * (that is `answer`).
   */
  answerAtTable(id: string, consent: 'yes' | 'no', person: PersonId, by: PersonId): boolean {
    if (person === by || !this.records.get(id)?.wie.some((h) => h.person === person)) return false
    this.records.setEntry(id, 'atTable', person, { consent, at: Date.now(), by })
    return true
  }

  atTableFor(person: PersonId): AtTableAct[] {
    return this.view.per(`atTable:${person}`, (list) =>
      list.flatMap((action) => {
        const helper = action.wie.find((h) => h.person === person)
        return helper?.atTable && helper.consent !== 'asked' ? [{ instrument: this.instrument, id: action.id, person, said: helper.consent, ...helper.atTable }] : []
      }),
    )
  }

  /** The person makes the answer given for them at the table their own. */
  confirm(act: AtTableAct, by: PersonId): boolean {
    const helper = this.records.get(act.id)?.wie.find((h) => h.person === act.person)
    if (by !== act.person || !helper?.atTable || helper.consent === 'asked') return false
    return this.answer(act.id, helper.consent, by)
  }

  /** Takes back an answer given at the table: they are asked again (or their own earlier answer stands). */
  withdraw(act: AtTableAct, by: PersonId): boolean {
    const helper = this.records.get(act.id)?.wie.find((h) => h.person === act.person)
    if (!helper?.atTable || !mayWithdrawAtTable({ person: act.person, by: helper.atTable.by }, by)) return false
    this.records.deleteEntry(act.id, 'atTable', act.person)
    return true
  }

  /**
   * Takes a person off the action. Someone who said yes is only taken off by
   * themselves; an open ask or a no may be taken back by anyone. An answer
   * given at the same moment elsewhere survives. Returns whether they were
   * taken off.
   */
  release(id: string, person: PersonId, by: PersonId): boolean {
    const helper = this.records.get(id)?.wie.find((h) => h.person === person)
    if (!helper || (helper.consent === 'yes' && by !== person)) return false
    transact(this.map, () => {
      this.records.deleteEntry(id, 'wie', person)
      this.records.deleteEntry(id, 'answers', person)
      this.records.deleteEntry(id, 'atTable', person)
    })
    return true
  }

  /**
   * "Delen met het plan" for an action drafted in another room (the
   * network's, in privétijd): copies what, where, when and how into
   * `target`'s basisteam, written as its author's, and asks the same people
   * there; an answer someone gave in the draft is their own word to these
   * same words, so it comes along (one given at the table stays marked as
   * such). Sharing again brings the earlier copy up to date and asks anyone
   * new; answers given in the plan meanwhile stay. Returns the copy's id, or
   * undefined when the action is not (or no longer) here.
   */
  shareTo(id: string, target: Basisteam, rooms: { from: RoomKind; to: RoomKind }, by: PersonId | null, now: number = Date.now()): string | undefined {
    if (target === this) throw new RangeError('Sharing copies between two rooms; both sides are the same document')
    const original = this.records.get(id)
    if (!original) return undefined
    const sharedFrom: SharedFrom = { room: rooms.from, recordId: id, sharedAt: now, sharedBy: by, writtenBy: original.createdBy, writtenAt: original.createdAt }
    const content = { wat: original.wat, waar: original.waar, wanneer: original.wanneer, hoe: original.hoe, notes: original.notes, bron: original.bron, sharedFrom: { ...sharedFrom } } as { [K in keyof Action]?: FieldValue }
    const earlier = original.sharedTo[rooms.to]?.recordId
    let copy: string
    transact(target.map, () => {
      if (earlier && target.records.get(earlier)) {
        copy = earlier
        target.records.update(copy, content, by)
      } else {
        copy = target.records.add({ ...content, status: original.status }, original.createdBy)
      }
      const there = target.records.get(copy)
      for (const helper of original.wie) {
        if (there?.wie.some((h) => h.person === helper.person)) continue
        target.records.setEntry(copy, 'wie', helper.person, { askedBy: helper.askedBy, askedAt: helper.askedAt })
        if (helper.consent === 'asked' || helper.answeredAt === null) continue
        const answer = { consent: helper.consent, at: helper.answeredAt }
        if (helper.atTable) target.records.setEntry(copy, 'atTable', helper.person, { ...answer, by: helper.atTable.by })
        else target.records.setEntry(copy, 'answers', helper.person, answer)
      }
    })
    const sharedTo: SharedTo = { recordId: copy!, sharedAt: now, sharedBy: by }
    this.records.setEntry(id, SHARED_TO, rooms.to, { ...sharedTo })
    return copy!
  }

  /** Links a value (plan.waarden id) this action serves. */
  linkValue(id: string, valueId: string): void {
    if (this.records.get(id)) this.records.setEntry(id, 'values', valueId, Date.now())
  }

  unlinkValue(id: string, valueId: string): void {
    this.records.deleteEntry(id, 'values', valueId)
  }

  /** Links a partnerschapskaart step this action serves. */
  linkStep(id: string, step: CardStep): void {
    if (this.records.get(id)) this.records.setEntry(id, 'steps', step, Date.now())
  }

  unlinkStep(id: string, step: CardStep): void {
    this.records.deleteEntry(id, 'steps', step)
  }

  /** Adds a leefgebied tag. */
  tag(id: string, leefgebied: Leefgebied): void {
    if (this.records.get(id)) this.records.setEntry(id, 'leefgebieden', leefgebied, Date.now())
  }

  untag(id: string, leefgebied: Leefgebied): void {
    this.records.deleteEntry(id, 'leefgebieden', leefgebied)
  }

  move(id: string, toIndex: number, by: PersonId): void {
    this.records.move(id, toIndex, by)
  }

  /** Every visible action, in order; the same array until something changes. */
  list(): StoredAction[] {
    return this.view.get()
  }

  /** The actions (also removed ones) that ask this person, for the people list's "waar staat deze persoon?". */
  referencesTo(person: PersonId): PersonReference[] {
    return [...this.records.list(), ...this.records.removed()]
      .filter((a) => a.wie.some((h) => h.person === person))
      .map((a) => ({ instrument: this.instrument, kind: 'helper', id: a.id }))
  }

  /** "Wat doe ik": the actions a person is asked for, whatever they answered. Read `consentOf` for their answer. */
  forPerson(person: PersonId): StoredAction[] {
    return this.view.per(`person:${person}`, (list) => list.filter((a) => a.wie.some((h) => h.person === person)))
  }

  /** The actions serving one value. */
  forValue(valueId: string): StoredAction[] {
    return this.view.per(`value:${valueId}`, (list) => list.filter((a) => a.values.includes(valueId)))
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

/** A person's answer on an action, or null when they were not asked. */
export function consentOf(action: Action, person: PersonId): Consent | null {
  return action.wie.find((h) => h.person === person)?.consent ?? null
}

/** A "wanneer" that is a date; returns null when the text is not a YYYY-MM-DD date. */
export function onDate(date: string): When | null {
  return DATE.test(date) ? { kind: 'date', date } : null
}

/** A recurring "wanneer" in words ("elke dinsdag"). */
export function recurring(words: string): When {
  return { kind: 'recurring', text: words }
}
