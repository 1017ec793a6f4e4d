import type * as Y from 'yjs'
import { Changes, type Source } from './changes.ts'
import { num, oneOf, text } from './fields.ts'

export type Language = 'nl' | 'en'
export const LANGUAGES: readonly Language[] = ['nl', 'en']

/** What a plan is called and whose it is. */
export interface PlanMeta {
  planId: string
  title: string
  householdName: string
  createdAt: number
  language: Language
  /**
   * Set when a professional started the plan for the household ("Een plan
   * starten voor een huishouden", issue 11): the person who did, who hands it
   * over at the first meeting. '' for a plan the household started itself.
   */
  startedForHouseholdBy: string
}

/** The plan's one meta record; read defensively, written field by field so concurrent edits merge. */
export class PlanMetaRecord implements Source {
  private cache: PlanMeta | null = null
  private readonly changes = new Changes()
  /** Calls `listener` after every change to the meta; returns the function that stops it. */
  readonly subscribe = this.changes.subscribe

  constructor(private readonly map: Y.Map<unknown>) {
    map.observe(() => {
      this.cache = null
      this.changes.notify()
    })
  }

  /** The current meta; the same object until something changes. */
  get(): PlanMeta {
    this.cache ??= {
      planId: text(this.map, 'planId'),
      title: text(this.map, 'title'),
      householdName: text(this.map, 'householdName'),
      createdAt: num(this.map, 'createdAt'),
      language: oneOf(this.map, 'language', LANGUAGES, 'nl'),
      startedForHouseholdBy: text(this.map, 'startedForHouseholdBy'),
    }
    return this.cache
  }

  /** Changes some meta fields. */
  set(patch: Partial<Omit<PlanMeta, 'planId' | 'createdAt'>>): void {
    const write = () => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) this.map.set(key, value)
    }
    if (this.map.doc) this.map.doc.transact(write)
    else write()
  }

  /** Whether anything was ever written here (false for a plan that has not arrived yet). */
  isEmpty(): boolean {
    return this.map.size === 0
  }
}
