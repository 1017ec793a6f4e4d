import type * as Y from 'yjs'
import { geslaagdEntry } from './geslaagd.ts'
import { asTimestamps, num, objectList, oneOf, optionalText, plainFields, text, textList } from './fields.ts'
import { isLeefgebied } from './leefgebieden.ts'
import { CARD_STEPS } from './partnerschapskaart-prompts.ts'
import type { GeslaagdEntry } from './geslaagd.ts'
import type { PersonId } from './ids.ts'
import type { StepAgreements } from './partnerschapskaart-akkoord.ts'
import type { CardSnapshot } from './partnerschapskaart.ts'
import type { Stored } from './records.ts'
import { VALUE_SCOPES, type StoredValue } from './waarden.ts'
import { InstrumentRecords } from './instrumentRecords.ts'

/** A saved version: its name and the people the card names under "versie ingevuld door". */
export interface CardVersion {
  name: string
  filledInBy: PersonId[]
}

/** The card as it was when a version was saved: the group's text, not drafts. */
export interface CardVersionContent {
  format: 1
  values: Pick<StoredValue, 'id' | 'text' | 'notes' | 'scope' | 'proposedBy' | 'endorsedBy' | 'adoptedFromPerson' | 'leefgebieden'>[]
  geslaagd: GeslaagdEntry[]
  items: { id: string; step: string; question: string | null; text: string; notes: string; createdBy: PersonId | null }[]
  questions: { id: string; step: string; text: string; under: string | null }[]
  agreement: StepAgreements
}

export type StoredCardVersion = Stored<CardVersion>

interface VersionFields extends CardVersion {
  /** The frozen content as JSON text: one immutable value, never merged into. */
  content: string
}

const versionSpec = {
  read: (map: Y.Map<unknown>): VersionFields => ({
    name: text(map, 'name'),
    filledInBy: textList(map, 'filledInBy'),
    content: text(map, 'content'),
  }),
}

/** What a version copies: the card and the waarden column's two sources. */
export interface CardSources {
  card: CardSnapshot
  values: readonly StoredValue[]
  geslaagd: readonly GeslaagdEntry[]
}

/**
 * "Versie ingevuld door": a card saved under a name, with who filled it in
 * and when — a simple frozen copy (full version history is a later issue).
 */
export class CardVersions extends InstrumentRecords<VersionFields> {
  private readonly parsed = new Map<string, CardVersionContent | null>()

  constructor(map: Y.Map<Y.Map<unknown>>, private readonly current: () => CardSources) {
    super(map, versionSpec)
  }

  /** Saves the card as it is now; `filledInBy` defaults to the one saving. Returns the version's id. */
  save(version: { name: string; filledInBy?: readonly PersonId[] }, by: PersonId): string {
    const content = JSON.stringify(freeze(this.current()))
    return this.records.add({ name: version.name, filledInBy: [...(version.filledInBy ?? [by])], content }, by)
  }

  /** Saved versions (who saved them: `createdBy`, when: `createdAt`), oldest first. */
  list(): StoredCardVersion[] {
    return this.records.list()
  }

  /** The frozen content of a version; null when it does not exist or cannot be read. */
  content(id: string): CardVersionContent | null {
    if (!this.parsed.has(id)) {
      const stored = this.records.get(id)
      if (!stored) return null
      this.parsed.set(id, parse(stored.content))
    }
    return this.parsed.get(id) ?? null
  }

  subscribe(listener: () => void): () => void {
    return this.records.subscribe(listener)
  }
}

function freeze({ card, values, geslaagd }: CardSources): CardVersionContent {
  return {
    format: 1,
    values: values.map(({ id, text, notes, scope, proposedBy, endorsedBy, adoptedFromPerson, leefgebieden }) => ({
      id, text, notes, scope, proposedBy, endorsedBy, adoptedFromPerson, leefgebieden,
    })),
    geslaagd: [...geslaagd],
    items: card.items
      .filter((i) => !i.draft)
      .map(({ id, step, question, text, notes, createdBy }) => ({ id, step, question, text, notes, createdBy })),
    questions: card.questions.map(({ id, step, text, under }) => ({ id, step, text, under })),
    agreement: card.agreement,
  }
}

/**
 * Reads a frozen copy whole or not at all: a copy written by another version,
 * or damaged on the way, gives every list and field the type the view expects
 * (unreadable entries are left out), or null when it is no card version.
 */
function parse(json: string): CardVersionContent | null {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    // A damaged copy reads as "cannot be shown", never as an error in the view.
    return null
  }
  const content = plainFields(value)
  const values = content.get('values')
  const items = content.get('items')
  if (content.get('format') !== 1 || !Array.isArray(values) || !Array.isArray(items)) return null
  const agreement = plainFields(content.get('agreement'))
  return {
    format: 1,
    values: objectList(values).map((v) => ({
      id: text(v, 'id'),
      text: text(v, 'text'),
      notes: text(v, 'notes'),
      scope: oneOf(v, 'scope', VALUE_SCOPES, 'personal'),
      proposedBy: optionalText(v, 'proposedBy'),
      endorsedBy: asTimestamps(v.get('endorsedBy')),
      adoptedFromPerson: optionalText(v, 'adoptedFromPerson'),
      leefgebieden: textList(v, 'leefgebieden').filter(isLeefgebied),
    })),
    geslaagd: objectList(content.get('geslaagd')).map((g) => geslaagdEntry(text(g, 'person'), text(g, 'subject'), text(g, 'condition'), optionalText(g, 'writtenBy'), num(g, 'at'))),
    items: objectList(items).map((i) => ({
      id: text(i, 'id'),
      step: text(i, 'step'),
      question: optionalText(i, 'question'),
      text: text(i, 'text'),
      notes: text(i, 'notes'),
      createdBy: optionalText(i, 'createdBy'),
    })),
    questions: objectList(content.get('questions')).map((q) => ({ id: text(q, 'id'), step: text(q, 'step'), text: text(q, 'text'), under: optionalText(q, 'under') })),
    agreement: Object.fromEntries(CARD_STEPS.map((step) => [step, asTimestamps(agreement.get(step))])) as StepAgreements,
  }
}
