import type * as Y from 'yjs'
import { text, textList } from './fields.ts'
import type { GeslaagdEntry } from './geslaagd.ts'
import type { PersonId } from './ids.ts'
import type { StepAgreements } from './partnerschapskaart-akkoord.ts'
import type { CardSnapshot } from './partnerschapskaart.ts'
import { RecordList, type Removal, type Stored } from './records.ts'
import type { StoredValue } from './waarden.ts'

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
export class CardVersions {
  private readonly records: RecordList<VersionFields>
  private readonly parsed = new Map<string, CardVersionContent | null>()

  constructor(map: Y.Map<Y.Map<unknown>>, private readonly current: () => CardSources) {
    this.records = new RecordList(map, versionSpec)
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

  remove(id: string, by: PersonId): void {
    this.records.remove(id, by)
  }

  restore(id: string): void {
    this.records.restore(id)
  }

  dismiss(id: string): void {
    this.records.purge(id)
  }

  removed(): (StoredCardVersion & Removal)[] {
    return this.records.removed()
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

function parse(json: string): CardVersionContent | null {
  try {
    const value: unknown = JSON.parse(json)
    if (!value || typeof value !== 'object') return null
    const content = value as Partial<CardVersionContent>
    if (content.format !== 1 || !Array.isArray(content.values) || !Array.isArray(content.items)) return null
    return content as CardVersionContent
  } catch {
    // A damaged copy reads as "cannot be shown", never as an error in the view.
    return null
  }
}
