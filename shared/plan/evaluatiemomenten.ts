import type * as Y from 'yjs'
import { Cached } from './cached.ts'
import { addDays, isDay } from './days.ts'
import { asNum, asObject, asText, entries, oneOf, optionalText, text, type FieldSource } from './fields.ts'
import type { PersonId } from './ids.ts'
import { InstrumentRecords } from './instrumentRecords.ts'
import { compareText } from './order.ts'
import type { PersonReference, PersonReferenceSource, PersonVisibility } from './personReferences.ts'
import type { Stored } from './records.ts'

/**
 * What everyone is asked on the day of an evaluatiemoment, each answered in
 * their own words, never with a score. From the sources: "Is de vraag
 * beantwoord?", "Hoe ging het … Wat is hiervan te leren?" (004), and
 * "voelde je je gezien, gehoord, gewaardeerd, gesteund?" (000). Stored keys;
 * the words are in the client's catalog.
 */
export type EvaluationQuestion = 'vraag' | 'goed' | 'anders' | 'geleerd' | 'gezien'
export const EVALUATION_QUESTIONS: readonly EvaluationQuestion[] = ['vraag', 'goed', 'anders', 'geleerd', 'gezien']

/** How long after its day a moment still invites those who have not answered yet. */
export const INVITATION_DAYS = 28

/** One person's answer to one question, in their own words. */
export interface EvaluationAnswer {
  person: PersonId
  question: EvaluationQuestion
  text: string
  at: number
}

/**
 * An evaluatiemoment: a day the basisteam sets to look back together ("Over
 * zes weken kijken we samen hoe het gaat"), and everyone's answers.
 */
export interface Evaluatiemoment {
  /** The day (YYYY-MM-DD); '' when a damaged copy holds something else. */
  date: string
  /** What the basisteam said about it, in its own words. */
  note: string
  /** Every answer, by question order and then by who answered first. */
  answers: EvaluationAnswer[]
}

export type StoredEvaluatiemoment = Stored<Evaluatiemoment>

/**
 * The basisteam's two tasks (004): "het plan borgen en eventueel bijstellen"
 * and "de samenwerking borgen en afstemmen".
 */
export type BasisteamTask = 'plan' | 'samenwerking'
export const BASISTEAM_TASKS: readonly BasisteamTask[] = ['plan', 'samenwerking']

/**
 * A change made at an evaluatiemoment, linked to it: what changes, for which
 * of the two tasks, and the action or spelregel it changed or made.
 */
export interface Bijstelling {
  moment: string
  task: BasisteamTask
  text: string
  action: string | null
  rule: string | null
}

export type StoredBijstelling = Stored<Bijstelling>

/*
 * Answers live in the nested map `answers`, one key per question and person
 * ("<question>:<person>" → { text, at }), written only by that person, so
 * answers given at once on many devices all stay.
 */
function readAnswers(map: FieldSource): EvaluationAnswer[] {
  const answers: EvaluationAnswer[] = []
  for (const [key, value] of Object.entries(entries(map, 'answers'))) {
    const colon = key.indexOf(':')
    const question = key.slice(0, colon) as EvaluationQuestion
    const answer = asObject(value)
    if (colon < 0 || !EVALUATION_QUESTIONS.includes(question) || !answer) continue
    const words = asText(answer['text'])
    if (words) answers.push({ person: key.slice(colon + 1), question, text: words, at: asNum(answer['at']) })
  }
  const rank = (q: EvaluationQuestion) => EVALUATION_QUESTIONS.indexOf(q)
  return answers.sort((a, b) => rank(a.question) - rank(b.question) || a.at - b.at || compareText(a.person, b.person))
}

const momentSpec = {
  read: (map: FieldSource): Evaluatiemoment => {
    const date = map.get('date')
    return { date: isDay(date) ? date : '', note: text(map, 'note'), answers: readAnswers(map) }
  },
  maps: ['answers'],
}

const bijstellingSpec = {
  read: (map: FieldSource): Bijstelling => ({
    moment: text(map, 'moment'),
    task: oneOf(map, 'task', BASISTEAM_TASKS, 'plan'),
    text: text(map, 'text'),
    action: optionalText(map, 'action'),
    rule: optionalText(map, 'rule'),
  }),
}

/** The changes made at evaluatiemomenten. */
export class Bijstellingen extends InstrumentRecords<Bijstelling> {
  private readonly view: Cached<StoredBijstelling[]>

  constructor(map: Y.Map<Y.Map<unknown>>) {
    super(map, bijstellingSpec)
    this.view = new Cached([this.records], () => this.records.list())
  }

  /** Writes down a change made at a moment, with what it changed or made; returns its id. */
  add(bijstelling: { moment: string; task: BasisteamTask; text: string; action?: string | null; rule?: string | null }, by: PersonId): string {
    return this.records.add({ ...bijstelling, action: bijstelling.action ?? null, rule: bijstelling.rule ?? null }, by)
  }

  /** Changes the words, the task or the links. */
  edit(id: string, patch: { task?: BasisteamTask; text?: string; action?: string | null; rule?: string | null }, by: PersonId): void {
    this.records.update(id, patch, by)
  }

  list(): StoredBijstelling[] {
    return this.view.get()
  }

  /** The changes made at one moment, in order. */
  forMoment(momentId: string): StoredBijstelling[] {
    return this.view.per(`moment:${momentId}`, (list) => list.filter((b) => b.moment === momentId))
  }

  /** The changes that changed or made one action, for "bijgesteld bij …" on it. */
  forAction(actionId: string): StoredBijstelling[] {
    return this.view.per(`action:${actionId}`, (list) => list.filter((b) => b.action === actionId))
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

/** The plan's evaluatiemomenten, the answers given, and the changes made at them. */
export class Evaluatiemomenten extends InstrumentRecords<Evaluatiemoment> implements PersonReferenceSource {
  readonly instrument = 'evaluatiemomenten'
  readonly bijstellingen: Bijstellingen
  private readonly view: Cached<StoredEvaluatiemoment[]>

  /** `shown` hides the answers of someone removed with "weghalen" (kept, and back when they are put back). */
  constructor(moments: Y.Map<Y.Map<unknown>>, bijstellingen: Y.Map<Y.Map<unknown>>, shown: PersonVisibility) {
    super(moments, momentSpec)
    this.bijstellingen = new Bijstellingen(bijstellingen)
    this.view = new Cached([this.records, shown], () =>
      this.records
        .list()
        .map((m) => (m.answers.every((a) => shown.isShown(a.person)) ? m : { ...m, answers: m.answers.filter((a) => shown.isShown(a.person)) }))
        .sort(byDay),
    )
  }

  /** The moments a person answered at, for "waar staat deze persoon?". */
  referencesTo(person: PersonId): PersonReference[] {
    return [...this.records.list(), ...this.records.removed()]
      .filter((m) => m.answers.some((a) => a.person === person))
      .map((m) => ({ instrument: this.instrument, kind: 'answer', id: m.id }))
  }

  /** Sets a day to look back together, with the basisteam's words about it; returns its id. */
  schedule(moment: { date: string; note?: string }, by: PersonId): string {
    return this.records.add({ date: moment.date, note: moment.note ?? '' }, by)
  }

  /** Moves the day or changes the words; the answers given stay. */
  reschedule(id: string, patch: { date?: string; note?: string }, by: PersonId): void {
    this.records.update(id, patch, by)
  }

  /**
   * `by`'s own answer to one question, in their own words; empty words take
   * the answer back. Nobody answers for someone else. Returns false when the
   * moment does not exist.
   */
  answer(id: string, question: EvaluationQuestion, words: string, by: PersonId): boolean {
    // The record itself, not the view: inside a transaction the view may not have caught up yet.
    if (!this.records.get(id)) return false
    const key = `${question}:${by}`
    if (words.trim()) this.records.setEntry(id, 'answers', key, { text: words.trim(), at: Date.now() })
    else this.records.deleteEntry(id, 'answers', key)
    return true
  }

  /** One moment as the list shows it (answers of someone removed with "weghalen" hidden), or undefined. */
  override get(id: string): StoredEvaluatiemoment | undefined {
    return this.view.per(`get:${id}`, (list) => list.find((m) => m.id === id))
  }

  /** Every moment, earliest day first; the same array until something changes. */
  list(): StoredEvaluatiemoment[] {
    return this.view.get()
  }

  /** The first moment on or after `today`, or null. */
  next(today: string): StoredEvaluatiemoment | null {
    return this.view.per(`next:${today}`, (list) => list.find((m) => m.date >= today) ?? null)
  }

  /**
   * The moments that ask `person` for their answers today: their day has
   * come (within INVITATION_DAYS) and `person` has not answered anything yet.
   */
  invitations(today: string, person: PersonId): StoredEvaluatiemoment[] {
    if (!isDay(today)) return []
    const since = addDays(today, -INVITATION_DAYS)
    return this.view.per(`invites:${today}:${person}`, (list) =>
      list.filter((m) => m.date !== '' && m.date <= today && m.date >= since && !m.answers.some((a) => a.person === person)),
    )
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

function byDay(a: StoredEvaluatiemoment, b: StoredEvaluatiemoment): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  return a.createdAt - b.createdAt || compareText(a.id, b.id)
}
