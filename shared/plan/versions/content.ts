import * as Y from 'yjs'
import type { Blobs } from './blobs.ts'
import { CONTAINERS, PLAN_SECTIONS, type PlanSection } from './layout.ts'
import { readContainer, type ContainerItems } from './items.ts'
import { canonical, dict } from './snapshot.ts'

/** What a version holds: the items of each container it kept, and which sections it covers. */
export interface VersionContent {
  containers: Record<string, ContainerItems>
  /** The sections this version speaks for; others were not kept (a card version of the previous release keeps two). */
  sections: readonly PlanSection[]
  /** Written by an older release that kept fewer fields: restore leaves fields it does not mention alone. */
  partial: boolean
}

/** Stored layout of a version's root: format, then container key → hash of its item index. */
interface StoredRoot {
  f: 1
  c: Record<string, string>
}

/** Everything a version keeps of a document, read now. */
export function captureContent(doc: Y.Doc): VersionContent {
  const containers = dict<ContainerItems>()
  for (const container of CONTAINERS) containers[container.key] = readContainer(doc, container)
  return { containers, sections: PLAN_SECTIONS, partial: false }
}

/** Stores content as a tree of blobs (only what is new takes space) and returns the root's hash. */
export function storeContent(blobs: Blobs, content: VersionContent): string {
  const root: StoredRoot = { f: 1, c: dict() }
  for (const [key, items] of Object.entries(content.containers)) {
    const index = dict<string>()
    for (const [itemKey, item] of Object.entries(items)) index[itemKey] = blobs.put(canonical(item))
    root.c[key] = blobs.put(canonical(index))
  }
  return blobs.put(canonical(root))
}

/**
 * Reads a stored version back; null when its root has not arrived or is
 * damaged. A container or item that cannot be read is left out (and so
 * reads as empty), never an error in a view.
 */
export function loadContent(blobs: Blobs, rootHash: unknown): VersionContent | null {
  const root = blobs.json(rootHash)
  if (!isObject(root) || root['f'] !== 1 || !isObject(root['c'])) return null
  const containers = dict<ContainerItems>()
  for (const [key, indexHash] of Object.entries(root['c'])) {
    const index = blobs.json(indexHash)
    if (!isObject(index)) continue
    const items: ContainerItems = dict()
    for (const [itemKey, itemHash] of Object.entries(index)) {
      const item = blobs.json(itemHash)
      if (item !== undefined) items[itemKey] = item as ContainerItems[string]
    }
    containers[key] = items
  }
  return { containers, sections: PLAN_SECTIONS, partial: false }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The document's own items of one container, for comparing with a version. */
export function currentItems(doc: Y.Doc, key: string): ContainerItems {
  const container = CONTAINERS.find((c) => c.key === key)
  return container ? readContainer(doc, container) : {}
}
