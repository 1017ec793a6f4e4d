import type * as Y from 'yjs'
import { Changes, type Source } from './changes.ts'
import { optionalNum, optionalText, type FieldSource } from './fields.ts'
import type { PersonId } from './ids.ts'
import type { FieldValue } from './records.ts'
import { transact } from './transact.ts'

/** Who last changed a keyed record, and when. */
export interface KeyedMeta {
  key: string
  updatedBy: PersonId | null
  updatedAt: number
}

export type Keyed<T> = T & KeyedMeta

/**
 * How one kind of keyed record is read. `read` gets the record's fields and
 * returns null when they do not (or no longer) make a record, e.g. a
 * placement without a ring. Like RecordSpec.read it must tolerate anything.
 */
export interface KeyedSpec<T> {
  read(fields: FieldSource): T | null
}

/** Between a record's key and its field name; field names never contain it, keys may (the last one counts). */
const SEPARATOR = '/'
/** Prefix of the fields that make a merge-safe set: `<set>.<member>` → true. */
const MEMBER = '.'

/**
 * Records keyed by an id chosen elsewhere (usually a person id), stored field
 * by field in one flat Y.Map: `<key>/<field>` → value.
 *
 * Why not RecordList: there a record is a nested Y.Map, and two replicas that
 * create the record for the same key at the same time would each set their
 * own nested map, one of which Yjs drops with all its fields. Here there is
 * no nested map to create, so two people placing the same person at once end
 * with ONE record, and each field is last-writer-wins on its own: a ring move
 * by one and a sector move by another both survive. Sets (support kinds,
 * contact slots) are one field per member, so concurrent additions merge.
 */
export class KeyedRecords<T extends object> implements Source {
  private cache: Keyed<T>[] | null = null
  private readonly changes = new Changes()
  /** Calls `listener` after every change; returns the function that stops it. */
  readonly subscribe = this.changes.subscribe

  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly spec: KeyedSpec<T>,
  ) {
    map.observe(() => {
      this.cache = null
      this.changes.notify()
    })
  }

  /** Writes some fields of a record (creating it), and who did it; undefined leaves a field as it is, null stores null. */
  set(key: string, patch: Readonly<Record<string, FieldValue | undefined>>, by: PersonId | null): void {
    transact(this.map, () => {
      for (const [field, value] of Object.entries(patch)) if (value !== undefined) this.map.set(fieldKey(key, field), value)
      this.touch(key, by)
    })
  }

  /** Adds or removes one member of a set field; concurrent changes to other members merge. */
  setMember(key: string, set: string, member: string, present: boolean, by: PersonId | null): void {
    const field = fieldKey(key, set + MEMBER + member)
    transact(this.map, () => {
      if (present) this.map.set(field, true)
      else if (this.map.has(field)) this.map.delete(field)
      this.touch(key, by)
    })
  }

  /** Forgets every field of a record. A field someone writes at the same time survives (and may bring the record back). */
  clear(key: string): void {
    const prefix = key + SEPARATOR
    transact(this.map, () => {
      for (const stored of [...this.map.keys()]) if (stored.startsWith(prefix) && !stored.slice(prefix.length).includes(SEPARATOR)) this.map.delete(stored)
    })
  }

  /** One record, or undefined when its fields do not make one. */
  get(key: string): Keyed<T> | undefined {
    return this.read(key) ?? undefined
  }

  /** Every record, ordered by key; the same array until something changes. */
  list(): Keyed<T>[] {
    if (this.cache) return this.cache
    const keys = new Set<string>()
    for (const stored of this.map.keys()) {
      const at = stored.lastIndexOf(SEPARATOR)
      if (at > 0) keys.add(stored.slice(0, at))
    }
    const records: Keyed<T>[] = []
    for (const key of [...keys].sort()) {
      const record = this.read(key)
      if (record) records.push(record)
    }
    this.cache = records
    return records
  }

  private read(key: string): Keyed<T> | null {
    const fields = this.fieldsOf(key)
    const value = this.spec.read(fields)
    if (!value) return null
    return { ...value, key, updatedBy: optionalText(fields, 'updatedBy'), updatedAt: optionalNum(fields, 'updatedAt') ?? 0 }
  }

  private fieldsOf(key: string): FieldSource {
    return { get: (field: string) => this.map.get(fieldKey(key, field)) }
  }

  private touch(key: string, by: PersonId | null): void {
    this.map.set(fieldKey(key, 'updatedBy'), by)
    this.map.set(fieldKey(key, 'updatedAt'), Date.now())
  }
}

function fieldKey(key: string, field: string): string {
  return key + SEPARATOR + field
}

/** The members of a set field present in a record, in the allowed list's order (unknown members are ignored, and kept). */
export function members<T extends string>(fields: FieldSource, set: string, allowed: readonly T[]): T[] {
  return allowed.filter((member) => fields.get(set + MEMBER + member) === true)
}
