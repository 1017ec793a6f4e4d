import * as Y from 'yjs'

/**
 * What a version keeps of one item of the plan, in plain JSON, close to how
 * the item is laid out in the Y.Doc, so it can be written back exactly (a
 * restore) and compared field by field (compare). The layout table
 * (layout.ts) says which kind each top-level container is.
 */

/** Any value a plan stores directly: JSON. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

/** A RecordList record: plain fields, merge-safe nested maps, collaborative texts. */
export interface RecordItem {
  v: Record<string, Json>
  m: Record<string, Record<string, Json>>
  t: Record<string, string>
}

/** A KeyedRecords record: its flat fields (`ring`, `support.praktisch`, `updatedBy`, ...). */
export type KeyedItem = Record<string, Json>

/** A rich text block: an element with attributes and children, or a run of text with its marks. */
export type RichNode = { n: string; a: Record<string, Json>; c: RichNode[] } | { d: { insert: Json; attributes?: Record<string, Json> }[] }

/** The item key of a container that is one text (Y.Text or Y.XmlFragment): it holds a single item. */
export const WHOLE = 'tekst'

/**
 * An empty object for keys that come from a replica (record ids, field
 * names, person ids): no prototype, so a key such as '__proto__' is a key
 * like any other and can never reach Object.prototype.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/** JSON with object keys sorted, so the same content always reads (and hashes) the same. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const out = dict<unknown>()
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key])
    return out
  }
  return value
}

/** A value read from a Y type as plain JSON (a nested Y type becomes its JSON; anything else JSON cannot hold becomes null). */
export function plain(value: unknown): Json {
  if (value instanceof Y.AbstractType) return plain(value.toJSON())
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return null
  if (value instanceof Uint8Array) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (Array.isArray(value)) return value.map(plain)
  if (value !== null && typeof value === 'object') {
    // Own keys only, '__proto__' included: Object.fromEntries keeps it a key instead of a prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  }
  return value as Json
}

/** A rich text fragment as blocks of RichNodes. */
export function readRich(fragment: Y.XmlFragment | Y.XmlElement): RichNode[] {
  return fragment.toArray().map((child): RichNode => {
    if (child instanceof Y.XmlText) return { d: child.toDelta().map((op: { insert: unknown; attributes?: unknown }) => richOp(op)) }
    if (child instanceof Y.XmlElement) return { n: child.nodeName, a: attributesOf(child), c: readRich(child) }
    return { d: [] }
  })
}

function richOp(op: { insert: unknown; attributes?: unknown }): { insert: Json; attributes?: Record<string, Json> } {
  const attributes = op.attributes && typeof op.attributes === 'object' ? (plain(op.attributes) as Record<string, Json>) : undefined
  return attributes ? { insert: plain(op.insert), attributes } : { insert: plain(op.insert) }
}

function attributesOf(element: Y.XmlElement): Record<string, Json> {
  return Object.fromEntries(Object.entries(element.getAttributes()).map(([k, v]) => [k, plain(v)]))
}

/** Appends RichNodes to a fragment or element that is already in a document. */
export function writeRich(parent: Y.XmlFragment | Y.XmlElement, nodes: readonly RichNode[], at = parent.length): void {
  let index = at
  for (const node of nodes) {
    if ('d' in node) {
      const text = new Y.XmlText()
      parent.insert(index++, [text])
      // Only strings are text; an embed from another editor is kept as its JSON.
      text.applyDelta(node.d.map((op) => ({ insert: typeof op.insert === 'string' ? op.insert : op.insert, ...(op.attributes ? { attributes: op.attributes } : {}) })))
    } else {
      const element = new Y.XmlElement(typeof node.n === 'string' && node.n ? node.n : 'paragraph')
      parent.insert(index++, [element])
      for (const [key, value] of Object.entries(node.a ?? {})) element.setAttribute(key, value as string)
      writeRich(element, Array.isArray(node.c) ? node.c : [])
    }
  }
}

/** The plain words of rich text, blocks separated by a newline: what compare, print and Markdown show. */
export function richWords(nodes: readonly RichNode[]): string {
  return nodes.map(blockWords).join('\n')
}

function blockWords(node: RichNode): string {
  if ('d' in node) return node.d.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
  const inner = (node.c ?? []).map(blockWords)
  // Inline children (text runs) join; block children each start a line.
  return (node.c ?? []).every((c) => 'd' in c) ? inner.join('') : inner.join('\n')
}
