import type * as Y from 'yjs'
import { mayEraseForEveryone, type Actor } from './actor.ts'
import { Changes } from './changes.ts'
import { num, optionalNum, optionalText, text, type FieldSource } from './fields.ts'
import type { PersonId } from './ids.ts'
import { compareOrder, orderAt } from './order.ts'
import { newestRemovedFirst, type FieldValue, type RecordStore, type Removal, type Stored } from './records.ts'
import { transact } from './transact.ts'

/**
 * How a flat record is read from its fields. A set field (one key per
 * member) reads as a JS Map of its members, which the `entries`, `keySet`
 * and `sortedKeys` readers of fields.ts understand, so one spec can read a
 * RecordList record and a flat one alike. Must tolerate anything.
 */
export interface FlatRecordSpec<T> {
  read(fields: FieldSource): T
}

/** Between a record's id and a field name; ids never contain it. */
const SEPARATOR = '/'
/** Between a set field and one of its members; field names never contain it. */
const MEMBER = '.'
/** Before a field name: the value the record was created with. */
const CREATED = '='

const META = ['createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'order', 'removedBy', 'removedAt']

type Fields = Map<string, unknown>

interface Snapshot<T> {
  byId: Map<string, Stored<T> & Partial<Removal>>
  visible: Stored<T>[]
  removed: (Stored<T> & Removal)[]
}

/**
 * Records stored field by field in one flat Y.Map, for records two devices
 * may create under the same id at the same time — a card item turned into
 * an action on two phones that are both offline. Layout, per record:
 *
 *   `<id>/=<field>`        the value the record was created with
 *   `<id>/<field>`         the value someone changed it to since
 *   `<id>/<set>.<member>`  one member of a merge-safe set (asks, answers, links)
 *
 * Why: in a RecordList a record is a nested Y.Map, and two devices creating
 * the same id each set their own; Yjs keeps one and drops the other with
 * everything written into it since (an answer, an edit). Here there is
 * nothing to drop. Two creations write the same `=` keys and make one
 * record; a change is never undone by the other device's creation, because
 * creating and changing write different keys; set members merge one by one.
 * KeyedRecords is the same flat idea without creation, order or soft removal.
 */
export class FlatRecordList<T extends object> implements RecordStore<T> {
  private cache: Snapshot<T> | null = null
  private readonly changes = new Changes()
  /** Calls `listener` after every change to any record; returns the function that stops it. */
  readonly subscribe = this.changes.subscribe

  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly spec: FlatRecordSpec<T>,
  ) {
    map.observe(() => {
      this.cache = null
      this.changes.notify()
    })
  }

  /** Whether a string can be a record id here: not empty, and without the separator. */
  static isId(id: string): boolean {
    return id.length > 0 && !id.includes(SEPARATOR)
  }

  /**
   * Creates the record `id` with these fields, `order` and who made it. When
   * another device creates it too, before or after, the two are one record:
   * its fields are one creation's or the other's, and every change and set
   * member from either side stays. Ids that `isId` refuses are ignored.
   */
  create(id: string, fields: { [K in keyof T]?: FieldValue }, by: PersonId | null, order: string): void {
    if (!FlatRecordList.isId(id)) return
    const now = Date.now()
    transact(this.map, () => {
      for (const [field, value] of Object.entries(fields)) if (value !== undefined && isFieldName(field)) this.write(id, CREATED + field, value)
      for (const [field, value] of [['createdBy', by], ['createdAt', now], ['updatedBy', by], ['updatedAt', now], ['order', order]] as const) this.write(id, CREATED + field, value)
    })
  }

  update(id: string, patch: { [K in keyof T]?: FieldValue }, by: PersonId | null): void {
    if (!this.holds(id)) return
    transact(this.map, () => {
      for (const [field, value] of Object.entries(patch)) if (value !== undefined && isFieldName(field) && !META.includes(field)) this.write(id, field, value)
      this.touch(id, by)
    })
  }

  setEntry(id: string, field: string, key: string, value: FieldValue | Record<string, FieldValue>): void {
    if (this.holds(id) && isFieldName(field)) this.write(id, field + MEMBER + key, value)
  }

  deleteEntry(id: string, field: string, key: string): void {
    this.deleteKey(id + SEPARATOR + field + MEMBER + key)
  }

  /** Moves a record to a position among the visible ones (0 = first). */
  move(id: string, toIndex: number, by: PersonId | null): void {
    this.place(id, orderAt(this.list().filter((r) => r.id !== id), toIndex), by)
  }

  place(id: string, order: string, by: PersonId | null): void {
    if (!this.holds(id)) return
    transact(this.map, () => {
      this.write(id, 'order', order)
      this.touch(id, by)
    })
  }

  remove(id: string, by: PersonId | null): void {
    if (!this.holds(id)) return
    transact(this.map, () => {
      this.write(id, 'removedBy', by)
      this.write(id, 'removedAt', Date.now())
    })
  }

  restore(id: string): void {
    transact(this.map, () => {
      for (const field of ['removedBy', 'removedAt']) this.deleteKey(id + SEPARATOR + field)
    })
  }

  erase(id: string, actor: Actor): boolean {
    const record = this.read().byId.get(id)
    if (record?.removedAt === undefined || !mayEraseForEveryone(record, actor)) return false
    this.purge(id)
    return true
  }

  /** Forgets a removed record, every key of it. A change written elsewhere at the same moment stays, unseen, until the record is created again. */
  purge(id: string): void {
    if (this.read().byId.get(id)?.removedAt === undefined) return
    const prefix = id + SEPARATOR
    transact(this.map, () => {
      for (const stored of [...this.map.keys()]) if (stored.startsWith(prefix)) this.deleteKey(stored)
    })
  }

  /** Whether a record (visible or removed) exists under this id. */
  holds(id: string): boolean {
    return this.read().byId.has(id)
  }

  get(id: string): Stored<T> | undefined {
    const record = this.read().byId.get(id)
    return record && record.removedAt === undefined ? record : undefined
  }

  list(): Stored<T>[] {
    return this.read().visible
  }

  removed(): (Stored<T> & Removal)[] {
    return this.read().removed
  }

  private read(): Snapshot<T> {
    if (this.cache) return this.cache
    const groups = new Map<string, Fields>()
    this.map.forEach((value, stored) => {
      const at = stored.indexOf(SEPARATOR)
      if (at <= 0) return
      const id = stored.slice(0, at)
      let fields = groups.get(id)
      if (!fields) groups.set(id, (fields = new Map()))
      fields.set(stored.slice(at + 1), value)
    })
    const byId = new Map<string, Stored<T> & Partial<Removal>>()
    const visible: Stored<T>[] = []
    const removed: (Stored<T> & Removal)[] = []
    for (const [id, fields] of groups) {
      // Only a creation makes a record: a lone answer left after a purge does not.
      if (!fields.has(CREATED + 'createdAt')) continue
      const source = fieldSource(fields)
      const record: Stored<T> = {
        ...this.spec.read(source),
        id,
        createdBy: optionalText(source, 'createdBy'),
        createdAt: num(source, 'createdAt'),
        updatedBy: optionalText(source, 'updatedBy'),
        updatedAt: num(source, 'updatedAt'),
        order: text(source, 'order'),
      }
      const removedAt = optionalNum(source, 'removedAt')
      if (removedAt === null) {
        visible.push(record)
        byId.set(id, record)
      } else {
        const gone = { ...record, removedBy: optionalText(source, 'removedBy'), removedAt }
        removed.push(gone)
        byId.set(id, gone)
      }
    }
    this.cache = { byId, visible: visible.sort(compareOrder), removed: removed.sort(newestRemovedFirst) }
    return this.cache
  }

  // Observers run when a transaction ends; a write forgets the cache at once, so reads later in the same transaction see it.
  private write(id: string, name: string, value: unknown): void {
    this.map.set(id + SEPARATOR + name, value)
    this.cache = null
  }

  private deleteKey(stored: string): void {
    if (!this.map.has(stored)) return
    this.map.delete(stored)
    this.cache = null
  }

  private touch(id: string, by: PersonId | null): void {
    this.write(id, 'updatedBy', by)
    this.write(id, 'updatedAt', Date.now())
  }
}

function isFieldName(field: string): boolean {
  return field.length > 0 && !field.includes(MEMBER) && !field.includes(SEPARATOR) && !field.startsWith(CREATED)
}

/** A flat record's fields as readers see them: a change over the created value, and a set as a JS Map of its members. */
function fieldSource(fields: Fields): FieldSource {
  const sets = new Map<string, Map<string, unknown>>()
  for (const [name, value] of fields) {
    const dot = name.indexOf(MEMBER)
    if (dot <= 0 || name.startsWith(CREATED)) continue
    const set = name.slice(0, dot)
    let members = sets.get(set)
    if (!members) sets.set(set, (members = new Map()))
    members.set(name.slice(dot + 1), value)
  }
  return {
    get: (field: string) => {
      if (sets.has(field)) return sets.get(field)
      return fields.has(field) ? fields.get(field) : fields.get(CREATED + field)
    },
  }
}
