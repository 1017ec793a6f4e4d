import * as Y from 'yjs'

/**
 * Defensive readers for record fields. A plan outlives releases and travels
 * through every version of the app, so a field may be missing or hold a value
 * of another type; readers never throw and always return the declared type.
 */

/** Where readers read from: a record's Y.Map, or anything else that answers `get` (e.g. a flat keyed record). */
export type FieldSource = Pick<Y.Map<unknown>, 'get'>

export function text(map: FieldSource, key: string, fallback = ''): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : fallback
}

export function optionalText(map: FieldSource, key: string): string | null {
  const value = map.get(key)
  return typeof value === 'string' ? value : null
}

export function num(map: FieldSource, key: string, fallback = 0): number {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export function optionalNum(map: FieldSource, key: string): number | null {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export function bool(map: FieldSource, key: string, fallback = false): boolean {
  const value = map.get(key)
  return typeof value === 'boolean' ? value : fallback
}

export function oneOf<T extends string>(map: FieldSource, key: string, allowed: readonly T[], fallback: T): T
export function oneOf<T extends string>(map: FieldSource, key: string, allowed: readonly T[], fallback: null): T | null
export function oneOf<T extends string>(map: FieldSource, key: string, allowed: readonly T[], fallback: T | null): T | null {
  const value = map.get(key)
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback
}

/** A list of strings stored as a plain array value (last writer wins as a whole). */
export function textList(map: FieldSource, key: string): string[] {
  const value = map.get(key)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/**
 * The entries of a set field (a merge-safe set or keyed map), as a plain
 * object: a nested Y.Map in a RecordList record, or the JS Map a flat
 * layout's reader hands out (flatRecordList.ts; Yjs never stores a JS Map,
 * so one can only come from there).
 */
export function entries(map: FieldSource, key: string): Record<string, unknown> {
  const nested = map.get(key)
  if (!(nested instanceof Y.Map) && !(nested instanceof Map)) return {}
  // Object.fromEntries keeps every key an own key, '__proto__' included, where toJSON() would set a prototype.
  return Object.fromEntries([...nested.entries()].map(([k, v]: [string, unknown]) => [k, v instanceof Y.AbstractType ? v.toJSON() : v]))
}

/** The entries of a nested Y.Map field whose values are timestamps (who did something, and when). */
export function timestamps(map: FieldSource, key: string): Record<string, number> {
  const result: Record<string, number> = {}
  for (const [k, v] of Object.entries(entries(map, key))) if (typeof v === 'number') result[k] = v
  return result
}

/** A plain object stored as one value (e.g. an entry of a nested map), or null when it is anything else. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/** A plain object's own fields as a FieldSource, so the readers above also read JSON; anything else reads as empty. */
export function plainFields(value: unknown): FieldSource {
  const object = asObject(value)
  return { get: (key: string) => (object && Object.hasOwn(object, key) ? object[key] : undefined) }
}

/** The plain objects in a value that should be an array of them; anything else in it is left out. */
export function objectList(value: unknown): FieldSource[] {
  return Array.isArray(value) ? value.filter((v) => asObject(v) !== null).map(plainFields) : []
}

/** A plain object of timestamps (who → when), keeping finite numbers only. */
export function asTimestamps(value: unknown): Record<string, number> {
  const result: Record<string, number> = {}
  for (const [k, v] of Object.entries(asObject(value) ?? {})) if (typeof v === 'number' && Number.isFinite(v)) result[k] = v
  return result
}

/** A string from a plain value, or the fallback. */
export function asText(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback
}

/** A finite number from a plain value, or the fallback. */
export function asNum(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** The keys of a nested Y.Map field used as a merge-safe set, keeping only allowed ones, in the allowed list's order. */
export function keySet<T extends string>(map: FieldSource, key: string, allowed: readonly T[]): T[] {
  const present = entries(map, key)
  return allowed.filter((k) => k in present)
}

/** The keys of a nested Y.Map field used as a merge-safe set (e.g. linked record ids), sorted so every replica reads the same list. */
export function sortedKeys(map: FieldSource, key: string): string[] {
  return Object.keys(entries(map, key)).sort()
}
