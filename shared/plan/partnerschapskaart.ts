import type * as Y from 'yjs'
import type { Actor } from './actor.ts'
import { Cached } from './cached.ts'
import { bool, oneOf, optionalText, text } from './fields.ts'
import type { Geslaagd } from './geslaagd.ts'
import type { PersonId } from './ids.ts'
import { StepAgreement, type StepAgreements } from './partnerschapskaart-akkoord.ts'
import { CARD_STEPS, printedQuestion, type CardAspect, type CardQuestion, type CardStep } from './partnerschapskaart-prompts.ts'
import { CardVersions } from './partnerschapskaart-versies.ts'
import { RecordList, type Removal, type Stored } from './records.ts'
import type { Waarden } from './waarden.ts'

/**
 * A short text on the card, under a step and (usually) one of its questions.
 * The card records a dialogue: a person may first jot their own draft, kept
 * apart from the group's text, and put it forward when the group talks.
 */
export interface CardItem {
  step: CardStep
  /** A printed question or aspect id (see partnerschapskaart-prompts.ts), an own question's id, or null for the step as a whole. */
  question: string | null
  text: string
  notes: string
  /** True while it is its author's own draft; false once it is the group's text. */
  draft: boolean
}

/** A question the group adds: the card's open "Hoe … ?" slots, or an own aspect under a printed question. */
export interface OwnQuestion {
  step: CardStep
  text: string
  /** The printed question this is an aspect of, or null for a question of its own. */
  under: string | null
}

export type StoredCardItem = Stored<CardItem>
export type StoredOwnQuestion = Stored<OwnQuestion>

/** Where an item's question id points. */
export type ResolvedQuestion =
  | { kind: 'printed'; question: CardQuestion; aspect: CardAspect | null }
  | { kind: 'own'; question: StoredOwnQuestion }

export interface CardSnapshot {
  items: StoredCardItem[]
  questions: StoredOwnQuestion[]
  agreement: StepAgreements
}

const itemSpec = {
  read: (map: Y.Map<unknown>): CardItem => ({
    step: oneOf(map, 'step', CARD_STEPS, 'waarden'),
    question: optionalText(map, 'question'),
    text: text(map, 'text'),
    notes: text(map, 'notes'),
    draft: bool(map, 'draft'),
  }),
}

const questionSpec = {
  read: (map: Y.Map<unknown>): OwnQuestion => ({
    step: oneOf(map, 'step', CARD_STEPS, 'relaties'),
    text: text(map, 'text'),
    under: optionalText(map, 'under'),
  }),
}

export interface PartnerschapskaartMaps {
  items: Y.Map<Y.Map<unknown>>
  questions: Y.Map<Y.Map<unknown>>
  agreement: Y.Map<unknown>
  versions: Y.Map<Y.Map<unknown>>
}

/**
 * The partnerschapskaart: five steps (waarden → relaties → handelen →
 * condities → acties), filled in together. The waarden step's content is
 * `plan.waarden` and `plan.geslaagd`; the other steps hold card items.
 * Every change is attributed; removal is soft ("verwijderd door …").
 */
export class Partnerschapskaart {
  private readonly itemRecords: RecordList<CardItem>
  private readonly questionRecords: RecordList<OwnQuestion>
  /** "Hierover ben ik het eens", per step and person. */
  readonly agreement: StepAgreement
  /** "Versie ingevuld door": named, frozen copies of the card. */
  readonly versions: CardVersions
  private readonly view: Cached<CardSnapshot>

  constructor(maps: PartnerschapskaartMaps, waarden: Waarden, geslaagd: Geslaagd) {
    this.itemRecords = new RecordList(maps.items, itemSpec)
    this.questionRecords = new RecordList(maps.questions, questionSpec)
    this.agreement = new StepAgreement(maps.agreement)
    this.view = new Cached([this.itemRecords, this.questionRecords, this.agreement], () => ({
      items: this.itemRecords.list(),
      questions: this.questionRecords.list(),
      agreement: this.agreement.all(),
    }))
    this.versions = new CardVersions(maps.versions, () => ({ card: this.snapshot(), values: waarden.list(), geslaagd: geslaagd.list() }))
  }

  // --- items ---

  /** Adds an item (the group's text, or with `draft: true` the author's own draft) and returns its id. */
  addItem(item: { step: CardStep; question?: string | null; text: string; notes?: string; draft?: boolean }, by: PersonId): string {
    return this.itemRecords.add(
      { step: item.step, question: item.question ?? null, text: item.text, notes: item.notes ?? '', draft: item.draft ?? false },
      by,
    )
  }

  /** Changes an item's text, notes or question. A draft is its author's own: only they change it. Returns whether it changed. */
  editItem(id: string, patch: { text?: string; notes?: string; question?: string | null }, by: PersonId): boolean {
    const item = this.itemRecords.get(id)
    if (!item || (item.draft && item.createdBy !== by)) return false
    this.itemRecords.update(id, patch, by)
    return true
  }

  /** Brings the author's draft into the group's text. Only its author does this. Returns whether it moved. */
  putForward(id: string, by: PersonId): boolean {
    const item = this.itemRecords.get(id)
    if (!item || !item.draft || item.createdBy !== by) return false
    this.itemRecords.update(id, { draft: false }, by)
    return true
  }

  /** Moves an item among the items under the same question (and, for drafts, of the same author). */
  moveItem(id: string, toIndex: number, by: PersonId): void {
    const item = this.itemRecords.get(id)
    if (!item) return
    this.itemRecords.move(id, toIndex, by, (other) => sameGroup(item, other))
  }

  /** Removes softly: others see "verwijderd door …" (removedItems) until someone dismisses it. */
  removeItem(id: string, by: PersonId): void {
    this.itemRecords.remove(id, by)
  }

  /** Brings a removed item back. */
  restoreItem(id: string): void {
    this.itemRecords.restore(id)
  }

  /** Forgets a removed item for everyone, when `actor` may (its author or the household). */
  dismissItem(id: string, actor: Actor): boolean {
    return this.itemRecords.erase(id, actor)
  }

  /** Removed items not yet dismissed, newest removal first. */
  removedItems(): (StoredCardItem & Removal)[] {
    return this.itemRecords.removed()
  }

  /** One visible item. */
  item(id: string): StoredCardItem | undefined {
    return this.itemRecords.get(id)
  }

  /**
   * The group's items of a step, in order; with `question`, only those under
   * that question (null: the step as a whole). Drafts are not included.
   */
  items(step: CardStep, question?: string | null): StoredCardItem[] {
    const key = question === undefined ? `items:${step}` : `items:${step}:${question ?? ''}`
    return this.view.per(key, ({ items }) =>
      items.filter((i) => !i.draft && i.step === step && (question === undefined || i.question === question)),
    )
  }

  /** A person's own drafts, for one step or all. */
  drafts(person: PersonId, step?: CardStep): StoredCardItem[] {
    return this.view.per(`drafts:${person}:${step ?? ''}`, ({ items }) =>
      items.filter((i) => i.draft && i.createdBy === person && (step === undefined || i.step === step)),
    )
  }

  /** Relaties + handelen + condities: the "succesvoorwaarden samenwerking", the group's items of each. */
  succesvoorwaarden(): Record<'relaties' | 'handelen' | 'condities', StoredCardItem[]> {
    return this.view.per('succesvoorwaarden', () => ({
      relaties: this.items('relaties'),
      handelen: this.items('handelen'),
      condities: this.items('condities'),
    }))
  }

  // --- own questions ---

  /** Adds the group's own question to a step ("Hoe … ?"), or an own aspect `under` a printed question. */
  addQuestion(question: { step: CardStep; text: string; under?: string | null }, by: PersonId): string {
    return this.questionRecords.add({ step: question.step, text: question.text, under: question.under ?? null }, by)
  }

  /** Changes an own question's wording. */
  editQuestion(id: string, wording: string, by: PersonId): void {
    this.questionRecords.update(id, { text: wording }, by)
  }

  /** Moves an own question among those of its step. */
  moveQuestion(id: string, toIndex: number, by: PersonId): void {
    const question = this.questionRecords.get(id)
    if (question) this.questionRecords.move(id, toIndex, by, (q) => q.step === question.step && q.under === question.under)
  }

  /** Removes an own question softly; its items stay and show under the step as a whole until it is restored. */
  removeQuestion(id: string, by: PersonId): void {
    this.questionRecords.remove(id, by)
  }

  restoreQuestion(id: string): void {
    this.questionRecords.restore(id)
  }

  dismissQuestion(id: string, actor: Actor): boolean {
    return this.questionRecords.erase(id, actor)
  }

  removedQuestions(): (StoredOwnQuestion & Removal)[] {
    return this.questionRecords.removed()
  }

  /** The group's own questions of a step (both free ones and aspects), in order. */
  questions(step: CardStep): StoredOwnQuestion[] {
    return this.view.per(`questions:${step}`, ({ questions }) => questions.filter((q) => q.step === step))
  }

  /** What a question id on an item points at: a printed question or aspect, a visible own question, or null. */
  resolveQuestion(id: string | null): ResolvedQuestion | null {
    if (id === null) return null
    const printed = printedQuestion(id)
    if (printed) return { kind: 'printed', question: printed.question, aspect: printed.aspect }
    const own = this.questionRecords.get(id)
    return own ? { kind: 'own', question: own } : null
  }

  // --- the card as a whole ---

  /**
   * When the group's text of a step last changed (an item or own question
   * added, edited, moved or removed); 0 for an untouched step. With
   * `agreement.of(step)`, a view can say "er is iets veranderd sinds je het
   * eens was" without ever taking an agreement away.
   */
  lastChange(step: CardStep): number {
    return this.view.per(`lastChange:${step}`, () => {
      let latest = 0
      for (const item of this.items(step)) latest = Math.max(latest, item.updatedAt)
      for (const item of this.itemRecords.removed()) if (item.step === step && !item.draft) latest = Math.max(latest, item.removedAt)
      for (const question of this.questions(step)) latest = Math.max(latest, question.updatedAt)
      for (const question of this.questionRecords.removed()) if (question.step === step) latest = Math.max(latest, question.removedAt)
      return latest
    })
  }

  /**
   * Everyone who took part in the card: who agreed with a step (at the table
   * included) or wrote something the group sees (an item or an own question),
   * in the order first seen. Whether they are online now does not matter: the
   * card asks them until they agree.
   */
  tookPart(): PersonId[] {
    return this.view.per('tookPart', ({ items, questions, agreement }) => {
      const people = new Set<PersonId>()
      for (const step of Object.values(agreement)) for (const person of Object.keys(step)) people.add(person)
      for (const record of [...items.filter((i) => !i.draft), ...questions]) if (record.createdBy) people.add(record.createdBy)
      return [...people]
    })
  }

  /** Items, own questions and agreements together; the same object until something changes. */
  snapshot(): CardSnapshot {
    return this.view.get()
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

function sameGroup(a: StoredCardItem, b: StoredCardItem): boolean {
  return a.step === b.step && a.question === b.question && a.draft === b.draft && (!a.draft || a.createdBy === b.createdBy)
}
