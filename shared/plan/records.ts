import * as Y from 'yjs'
import { Changes, type Source } from './changes.ts'
import { num, optionalNum, optionalText, text } from './fields.ts'
import { mayEraseForEveryone, type Actor } from './actor.ts'
import { newId, type PersonId } from './ids.ts'
import { compareOrder, compareText, orderAt, orderAtEdge } from './order.ts'

/** What every record in a plan carries, whatever instrument it belongs to. */
export interface RecordMeta {
  id: string
  createdBy: PersonId | null
  createdAt: number
  updatedBy: PersonId | null
  updatedAt: number
  /** Fractional order key; see order.ts. */
  order: string
}

/** A record that was removed but not yet dismissed, so others can see "verwijderd door …". */
export interface Removal {
  removedBy: PersonId | null
  removedAt: number
}

/**
 * The order removed records are listed in: the most recently removed first,
 * and two removed in the same millisecond by id, so that every device lists
 * them alike (Y.Map iterates in an order of its own on each device).
 */
export function newestRemovedFirst(a: { id: string } & Removal, b: { id: string } & Removal): number {
  return b.removedAt - a.removedAt || compareText(a.id, b.id)
}

export type Stored<T> = T & RecordMeta

/** A value a record field may hold directly: last writer wins for the whole value (a small plain object counts as one value). */
export type FieldValue = string | number | boolean | null | readonly (string | number)[] | { readonly [key: string]: string | number | boolean | null }

/**
 * How one kind of record is read and laid out. `read` must tolerate anything
 * (missing fields, values of other types, keys from newer versions) and
 * return a complete value; the shared `fields.ts` readers do that.
 */
export interface RecordSpec<T> {
  read(map: Y.Map<unknown>): T
  /**
   * Fields that hold a nested Y.Map (member → value): merge-safe sets such as
   * "who endorsed this". They are created together with the record, because
   * two replicas lazily creating the same nested map would lose one of them.
   */
  maps?: readonly string[]
  /** Fields that hold collaborative text (Y.Text), created with the record. */
  texts?: readonly string[]
}

const META_KEYS = ['createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'order', 'removedBy', 'removedAt'] as const

/**
 * Where an instrument's records live, whatever the layout: a RecordList
 * (a nested Y.Map per record), a FlatRecordList (every field its own key,
 * for records two devices may create under the same id) or both together.
 * An instrument written against this works with any of them.
 */
export interface RecordStore<T extends object> {
  /** Changes some fields of a record; other fields, and fields this version does not know, stay as they are. */
  update(id: string, patch: { [K in keyof T]?: FieldValue }, by: PersonId | null): void
  /** Sets one entry of a set field (e.g. who endorsed, and when); concurrent entries merge. */
  setEntry(id: string, field: string, key: string, value: FieldValue | Record<string, FieldValue>): void
  /** Removes one entry of a set field. */
  deleteEntry(id: string, field: string, key: string): void
  /** Gives a record a new order key (see order.ts), as a move does. */
  place(id: string, order: string, by: PersonId | null): void
  /** Removes a record softly: it leaves the list but stays visible as removed until dismissed. */
  remove(id: string, by: PersonId | null): void
  /** Brings a removed record back, with every field it had. */
  restore(id: string): void
  /** Forgets a removed record for good when `actor` may (its author or the household; actor.ts); returns whether it did. */
  erase(id: string, actor: Actor): boolean
  /** Forgets a removed record for good, whoever asks: the schema's own bookkeeping, never a person's "niet meer tonen". */
  purge(id: string): void
  /** One record, or undefined when it does not exist or was removed. */
  get(id: string): Stored<T> | undefined
  /** Whether a record, visible or removed, exists under this id. */
  holds(id: string): boolean
  /** The visible records in display order; the same array until something changes. */
  list(): Stored<T>[]
  /** Removed records not yet dismissed, newest removal first; the same array until something changes. */
  removed(): (Stored<T> & Removal)[]
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void
}

/**
 * A list of records of one kind inside a plan: the single pattern every
 * instrument builds on (people, values, card items, actions, ...).
 *
 * Layout: a Y.Map from record id to a Y.Map of fields. Records are never
 * moved between containers, so concurrent edits to different fields of one
 * record merge, and unknown fields written by newer versions are kept.
 * Removal is soft (a tombstone with who and when) until someone dismisses it,
 * so an edit made concurrently with a removal is never lost.
 */
export class RecordList<T extends object> implements RecordStore<T>, Source {
  private cache: Stored<T>[] | null = null
  private removedCache: (Stored<T> & Removal)[] | null = null
  private readonly changes = new Changes()
  /** Calls `listener` after every change to any record; returns the function that stops it. */
  readonly subscribe = this.changes.subscribe

  constructor(
    private readonly records: Y.Map<Y.Map<unknown>>,
    private readonly spec: RecordSpec<T>,
  ) {
    records.observeDeep(() => {
      this.cache = null
      this.removedCache = null
      this.changes.notify()
    })
  }

  /** Adds a record at the end (or start) of the list and returns its id. */
  add(fields: { [K in keyof T]?: FieldValue }, by: PersonId | null, options: { at?: 'start' | 'end'; id?: string; order?: string } = {}): string {
    const id = options.id ?? newId()
    const order = options.order ?? orderAtEdge(this.list(), options.at)
    const now = Date.now()
    this.transact(() => {
      const map = new Y.Map<unknown>()
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value)
      for (const key of this.spec.maps ?? []) map.set(key, new Y.Map())
      for (const key of this.spec.texts ?? []) map.set(key, new Y.Text())
      map.set('createdBy', by)
      map.set('createdAt', now)
      map.set('updatedBy', by)
      map.set('updatedAt', now)
      map.set('order', order)
      this.records.set(id, map)
    })
    return id
  }

  /** Changes some fields of a record; other fields, and fields this version does not know, stay as they are. */
  update(id: string, patch: { [K in keyof T]?: FieldValue }, by: PersonId | null): void {
    const map = this.recordMap(id)
    if (!map) return
    this.transact(() => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined && !isMetaKey(key)) map.set(key, value)
      map.set('updatedBy', by)
      map.set('updatedAt', Date.now())
    })
  }

  /** Sets one entry of a nested map field (e.g. who endorsed, and when). */
  setEntry(id: string, field: string, key: string, value: FieldValue | Record<string, FieldValue>): void {
    const nested = this.nestedMap(id, field)
    if (nested) nested.set(key, value)
  }

  /** Removes one entry of a nested map field. */
  deleteEntry(id: string, field: string, key: string): void {
    const nested = this.nestedMap(id, field)
    if (nested?.has(key)) nested.delete(key)
  }

  /** The collaborative text of a text field, for an editor to bind to. */
  textOf(id: string, field: string): Y.Text | undefined {
    const value = this.recordMap(id)?.get(field)
    return value instanceof Y.Text ? value : undefined
  }

  /**
   * Moves a record to a position in the visible list (0 = first). With
   * `within`, the position counts only the records it accepts (e.g. the items
   * of one step), and the record lands between those neighbours.
   */
  move(id: string, toIndex: number, by: PersonId | null, within?: (record: Stored<T>) => boolean): void {
    this.place(id, orderAt(this.list().filter((r) => r.id !== id && (!within || within(r))), toIndex), by)
  }

  /** Gives a record a new order key (what `move` does once it has worked the key out). */
  place(id: string, order: string, by: PersonId | null): void {
    const map = this.recordMap(id)
    if (!map) return
    this.transact(() => {
      map.set('order', order)
      map.set('updatedBy', by)
      map.set('updatedAt', Date.now())
    })
  }

  /** Removes a record softly: it leaves the list but stays visible as removed until dismissed. */
  remove(id: string, by: PersonId | null): void {
    const map = this.recordMap(id)
    if (!map) return
    this.transact(() => {
      map.set('removedBy', by)
      map.set('removedAt', Date.now())
    })
  }

  /** Brings a removed record back, with every field it had. */
  restore(id: string): void {
    const map = this.recordMap(id)
    if (!map) return
    this.transact(() => {
      map.delete('removedBy')
      map.delete('removedAt')
    })
  }

  /**
   * Forgets a removed record for good ("niet meer tonen, voor niemand"), when
   * `actor` may: the record's author or the household (actor.ts). A record
   * that is not removed is left alone. Returns whether it was forgotten.
   */
  erase(id: string, actor: Actor): boolean {
    const map = this.recordMap(id)
    if (!map || optionalNum(map, 'removedAt') === null) return false
    if (!mayEraseForEveryone({ createdBy: optionalText(map, 'createdBy') }, actor)) return false
    this.records.delete(id)
    return true
  }

  /** Forgets a removed record for good, whoever asks: for the schema's own bookkeeping, never for a person's "niet meer tonen" (use erase). */
  purge(id: string): void {
    const map = this.recordMap(id)
    if (map && optionalNum(map, 'removedAt') !== null) this.records.delete(id)
  }

  /** One record, or undefined when it does not exist or was removed. */
  get(id: string): Stored<T> | undefined {
    const map = this.recordMap(id)
    if (!map || optionalNum(map, 'removedAt') !== null) return undefined
    return this.read(id, map)
  }

  /** Whether a record with this id exists and is not removed. */
  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  holds(id: string): boolean {
    return this.recordMap(id) !== undefined
  }

  /** The visible records, in display order. The array is cached until the next change, so it is safe as a React snapshot. */
  list(): Stored<T>[] {
    if (this.cache) return this.cache
    const visible: Stored<T>[] = []
    this.records.forEach((map, id) => {
      if (map instanceof Y.Map && optionalNum(map, 'removedAt') === null) visible.push(this.read(id, map))
    })
    this.cache = visible.sort(compareOrder)
    return this.cache
  }

  /** Removed records not yet dismissed, newest removal first. */
  removed(): (Stored<T> & Removal)[] {
    if (this.removedCache) return this.removedCache
    const removed: (Stored<T> & Removal)[] = []
    this.records.forEach((map, id) => {
      if (!(map instanceof Y.Map)) return
      const removedAt = optionalNum(map, 'removedAt')
      if (removedAt !== null) removed.push({ ...this.read(id, map), removedBy: optionalText(map, 'removedBy'), removedAt })
    })
    this.removedCache = removed.sort(newestRemovedFirst)
    return this.removedCache
  }

  private read(id: string, map: Y.Map<unknown>): Stored<T> {
    return {
      ...this.spec.read(map),
      id,
      createdBy: optionalText(map, 'createdBy'),
      createdAt: num(map, 'createdAt'),
      updatedBy: optionalText(map, 'updatedBy'),
      updatedAt: num(map, 'updatedAt'),
      order: text(map, 'order'),
    }
  }

  /** A record's map; undefined for an id that holds no record (or, from a damaged or foreign replica, something that is not a map). */
  private recordMap(id: string): Y.Map<unknown> | undefined {
    const map: unknown = this.records.get(id)
    return map instanceof Y.Map ? map : undefined
  }

  private nestedMap(id: string, field: string): Y.Map<unknown> | undefined {
    const map = this.recordMap(id)
    if (!map) return undefined
    const nested = map.get(field)
    if (nested instanceof Y.Map) return nested
    // A record written before this field existed: create it now (the rare race with another replica doing the same is accepted).
    const created = new Y.Map<unknown>()
    map.set(field, created)
    return created
  }

  private transact(fn: () => void): void {
    const doc = this.records.doc
    if (doc) doc.transact(fn)
    else fn()
  }
}

function isMetaKey(key: string): boolean {
  return (META_KEYS as readonly string[]).includes(key)
}
