import * as Y from 'yjs'
import { simpleDiffString } from 'lib0/diff'
import type { PersonId } from '../ids.ts'
import type { Container, EntriesContainer, KeyedContainer, RecordsContainer } from './layout.ts'
import { canonical, dict, plain, readRich, WHOLE, writeRich, type Json, type KeyedItem, type RecordItem, type RichNode } from './snapshot.ts'

/**
 * Reading a container's items out of a document, and writing one back.
 * Writing is what restore does (a normal edit: only what differs is
 * written, as `by`, now) and what opening a version does (into an empty
 * document, keeping who wrote what).
 */

/** A container's items as the version keeps them: item key → item (RecordItem, KeyedItem, a plain value, a string or RichNode[]). */
export type ContainerItems = Record<string, Json | RecordItem | RichNode[]>

/** Who a write is by, and when; null keeps the item's own "who and when" (opening a version). */
export type Touch = { by: PersonId | null; at: number } | null

const RECORD_META = ['removedBy', 'removedAt'] as const
/** Fields that say who last touched an item: a difference only there is no change. */
export const TOUCH_FIELDS = ['updatedBy', 'updatedAt'] as const

/** Reads every item a version keeps of one container. */
export function readContainer(doc: Y.Doc, container: Container): ContainerItems {
  switch (container.kind) {
    case 'records':
      return readRecords(doc.getMap(container.key), container)
    case 'keyed':
      return readKeyed(doc.getMap(container.key))
    case 'entries':
      return readEntries(doc.getMap(container.key), container)
    case 'text':
      return { [WHOLE]: doc.getText(container.key).toString() }
    case 'rich':
      return { [WHOLE]: readRich(doc.getXmlFragment(container.key)) }
  }
}

function readRecords(map: Y.Map<unknown>, container: RecordsContainer): ContainerItems {
  const items: ContainerItems = dict()
  map.forEach((record, id) => {
    if (!(record instanceof Y.Map) || typeof record.get('removedAt') === 'number') return
    const item = readRecord(record)
    if (!container.skip?.(item)) own(items, id, item)
  })
  return items
}

/** One record's fields, nested maps and texts. */
export function readRecord(record: Y.Map<unknown>): RecordItem {
  const item: RecordItem = { v: dict(), m: dict(), t: dict() }
  record.forEach((value, key) => {
    if ((RECORD_META as readonly string[]).includes(key)) return
    if (value instanceof Y.Text) own(item.t, key, value.toString())
    else if (value instanceof Y.Map) own(item.m, key, plain(value) as Record<string, Json>)
    else own(item.v, key, plain(value))
  })
  return item
}

const SEPARATOR = '/'

function readKeyed(map: Y.Map<unknown>): ContainerItems {
  const items = dict<KeyedItem>()
  map.forEach((value, stored) => {
    const at = stored.lastIndexOf(SEPARATOR)
    if (at <= 0) return
    const key = stored.slice(0, at)
    if (!Object.hasOwn(items, key)) own(items, key, dict())
    own(items[key]!, stored.slice(at + 1), plain(value))
  })
  return items
}

function readEntries(map: Y.Map<unknown>, container: EntriesContainer): ContainerItems {
  const items: ContainerItems = dict()
  map.forEach((value, key) => {
    if (!container.only || container.only.includes(key)) own(items, key, plain(value))
  })
  return items
}

/** Whether two items are the same content (who last touched them aside). */
export function sameItem(container: Container, a: unknown, b: unknown): boolean {
  return canonical(withoutTouch(container, a)) === canonical(withoutTouch(container, b))
}

/** An item without its "who last touched it" fields, for comparing content. */
export function withoutTouch(container: Container, item: unknown): unknown {
  if (container.kind === 'records' && isRecordItem(item)) {
    const v = { ...item.v }
    for (const key of TOUCH_FIELDS) delete v[key]
    return { ...item, v }
  }
  if (container.kind === 'keyed' && isObject(item)) {
    const copy = { ...item }
    for (const key of TOUCH_FIELDS) delete copy[key]
    return copy
  }
  return item
}

/**
 * Makes one item in the document what `item` says; `item` undefined takes it
 * out (records softly, with who and when). Writes only what differs, in one
 * transaction, so concurrent edits to other items and fields survive.
 * With `partial`, fields the item does not mention are left as they are (a
 * version written by an older release knew fewer fields).
 */
export function writeItem(doc: Y.Doc, container: Container, key: string, item: unknown, touch: Touch, partial = false): void {
  doc.transact(() => {
    switch (container.kind) {
      case 'records':
        return writeRecord(doc.getMap(container.key), key, isRecordItem(item) ? item : undefined, touch, partial)
      case 'keyed':
        return writeKeyed(doc.getMap(container.key), key, isObject(item) ? (item as KeyedItem) : undefined, touch)
      case 'entries':
        return writeEntry(doc.getMap(container.key), key, item as Json | undefined)
      case 'text':
        return spliceText(doc.getText(container.key), typeof item === 'string' ? item : '')
      case 'rich':
        return replaceRich(doc.getXmlFragment(container.key), Array.isArray(item) ? (item as RichNode[]) : [])
    }
  })
}

function writeRecord(records: Y.Map<unknown>, id: string, item: RecordItem | undefined, touch: Touch, partial: boolean): void {
  const existing = records.get(id)
  if (!item) {
    if (existing instanceof Y.Map && typeof existing.get('removedAt') !== 'number') {
      existing.set('removedBy', touch?.by ?? null)
      existing.set('removedAt', touch?.at ?? Date.now())
    }
    return
  }
  if (!(existing instanceof Y.Map)) {
    // Gone for good (dismissed) or never here: the same id again, so two devices restoring it at once make one record.
    const record = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(item.v)) record.set(key, value)
    for (const [key, entries] of Object.entries(item.m)) record.set(key, new Y.Map(Object.entries(entries ?? {})))
    for (const [key, words] of Object.entries(item.t)) record.set(key, new Y.Text(words))
    if (touch) stamp(record, touch)
    records.set(id, record)
    return
  }
  let changed = false
  if (existing.has('removedAt') || existing.has('removedBy')) {
    for (const key of RECORD_META) if (existing.has(key)) existing.delete(key)
    changed = true
  }
  for (const [key, value] of Object.entries(item.v)) {
    if ((TOUCH_FIELDS as readonly string[]).includes(key)) continue
    if (canonical(plain(existing.get(key))) !== canonical(value)) {
      existing.set(key, value)
      changed = true
    }
  }
  for (const [key, entries] of Object.entries(item.m)) {
    let nested = existing.get(key)
    if (!(nested instanceof Y.Map)) {
      nested = new Y.Map<unknown>()
      existing.set(key, nested)
    }
    if (syncEntries(nested as Y.Map<unknown>, entries ?? {}, partial)) changed = true
  }
  for (const [key, words] of Object.entries(item.t)) {
    const text = existing.get(key)
    if (text instanceof Y.Text) {
      if (text.toString() !== words) {
        spliceText(text, words)
        changed = true
      }
    } else {
      existing.set(key, new Y.Text(words))
      changed = true
    }
  }
  if (changed && touch) stamp(existing, touch)
}

/** Makes a nested map hold exactly `entries` (or, `partial`, at least their keys). Returns whether it wrote. */
function syncEntries(nested: Y.Map<unknown>, entries: Record<string, Json>, partial: boolean): boolean {
  let changed = false
  for (const [key, value] of Object.entries(entries)) {
    if (partial ? !nested.has(key) : canonical(plain(nested.get(key))) !== canonical(value)) {
      nested.set(key, value)
      changed = true
    }
  }
  if (!partial) {
    for (const key of [...nested.keys()]) {
      if (!Object.hasOwn(entries, key)) {
        nested.delete(key)
        changed = true
      }
    }
  }
  return changed
}

function writeKeyed(map: Y.Map<unknown>, key: string, item: KeyedItem | undefined, touch: Touch): void {
  const prefix = key + SEPARATOR
  const present = [...map.keys()].filter((stored) => stored.startsWith(prefix) && !stored.slice(prefix.length).includes(SEPARATOR))
  let changed = false
  for (const stored of present) {
    const field = stored.slice(prefix.length)
    if (!item || (!Object.hasOwn(item, field) && !(TOUCH_FIELDS as readonly string[]).includes(field))) {
      map.delete(stored)
      changed = true
    }
  }
  if (!item) return
  for (const [field, value] of Object.entries(item)) {
    if (touch && (TOUCH_FIELDS as readonly string[]).includes(field)) continue
    if (canonical(plain(map.get(prefix + field))) !== canonical(value)) {
      map.set(prefix + field, value)
      changed = true
    }
  }
  if (changed && touch) {
    map.set(prefix + 'updatedBy', touch.by)
    map.set(prefix + 'updatedAt', touch.at)
  }
}

function writeEntry(map: Y.Map<unknown>, key: string, value: Json | undefined): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key)
  } else if (canonical(plain(map.get(key))) !== canonical(value)) {
    map.set(key, value)
  }
}

/** Changes a text into `next` with one splice, so the words both share keep who wrote them. */
export function spliceText(text: Y.Text, next: string): void {
  const { index, remove, insert } = simpleDiffString(text.toString(), next)
  if (remove > 0) text.delete(index, remove)
  if (insert) text.insert(index, insert)
}

/** Changes rich text into `next` block by block: blocks at the start and end that did not change are kept as they are. */
function replaceRich(fragment: Y.XmlFragment, next: readonly RichNode[]): void {
  const now = readRich(fragment).map(canonical)
  const wanted = next.map(canonical)
  let start = 0
  while (start < now.length && start < wanted.length && now[start] === wanted[start]) start++
  let end = 0
  while (end < now.length - start && end < wanted.length - start && now[now.length - 1 - end] === wanted[wanted.length - 1 - end]) end++
  const removeCount = now.length - start - end
  if (removeCount > 0) fragment.delete(start, removeCount)
  writeRich(fragment, next.slice(start, next.length - end), start)
}

function stamp(record: Y.Map<unknown>, touch: NonNullable<Touch>): void {
  record.set('updatedBy', touch.by)
  record.set('updatedAt', touch.at)
}

export function isRecordItem(value: unknown): value is RecordItem {
  return isObject(value) && isObject(value['v']) && isObject(value['m']) && isObject(value['t'])
}

/**
 * Sets an own property, also under a key such as '__proto__' that another
 * replica may send: plain assignment would set the object's prototype, or
 * through `items[key] ??= {}` write into Object.prototype for every object.
 */
function own<T>(target: Record<string, T>, key: string, value: NoInfer<T>): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
