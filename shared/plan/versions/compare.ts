import * as Y from 'yjs'
import { simpleDiffString } from 'lib0/diff'
import type { TextAuthors } from '../authors.ts'
import type { PersonId } from '../ids.ts'
import type { VersionContent } from './content.ts'
import { containersOf, type Container, type ItemLabel, type PlanSection } from './layout.ts'
import { isRecordItem, readContainer, sameItem, TOUCH_FIELDS, withoutTouch, type ContainerItems } from './items.ts'
import { canonical, richWords, WHOLE, type Json, type RichNode } from './snapshot.ts'

/** One difference between a version and now, about one item. */
export interface ItemChange {
  change: 'added' | 'changed' | 'removed'
  /** Where the item lives (a container key of layout.ts) and its key there: what restore takes. */
  container: string
  key: string
  /** How to name it: its words, or a person. For a removed item, as it was in the version. */
  label: ItemLabel
  /** For 'changed': which of its fields differ (e.g. 'text', 'notes', 'slot'); for a text, 'tekst'. */
  fields: string[]
  /** Who did it, as far as the plan can tell; empty when it cannot (e.g. an item taken out for good). */
  by: PersonId[]
}

/** What differs in one section between a version and now. */
export interface SectionChanges {
  section: PlanSection
  changes: ItemChange[]
}

/**
 * Compares a version with the document as it is now, per section: what was
 * added since, what changed and what was taken out, each with who did it.
 * Only sections the version covers are compared.
 */
export function compareWithNow(version: VersionContent, doc: Y.Doc, authors: TextAuthors): SectionChanges[] {
  return version.sections.map((section) => ({
    section,
    changes: containersOf(section).flatMap((container) => {
      const then = version.containers[container.key] ?? {}
      return compareContainer(container, then, readContainer(doc, container), doc, authors, version.partial)
    }),
  }))
}

function compareContainer(container: Container, then: ContainerItems, now: ContainerItems, doc: Y.Doc, authors: TextAuthors, partial: boolean): ItemChange[] {
  if (container.kind === 'text' || container.kind === 'rich') return compareText(container, then[WHOLE], doc, authors)
  const changes: ItemChange[] = []
  for (const key of Object.keys(now)) {
    const item = now[key]
    if (!Object.hasOwn(then, key)) changes.push({ change: 'added', container: container.key, key, label: labelOf(container, item, key), fields: [], by: addedBy(container, item, key) })
    else if (!partial ? !sameItem(container, then[key], item) : !coversPartial(container, then[key], item)) {
      changes.push({ change: 'changed', container: container.key, key, label: labelOf(container, item, key), fields: changedFields(container, then[key], item), by: changedBy(container, item, key) })
    }
  }
  for (const key of Object.keys(then)) {
    if (!Object.hasOwn(now, key)) changes.push({ change: 'removed', container: container.key, key, label: labelOf(container, then[key], key), fields: [], by: removedBy(container, doc, key) })
  }
  return changes
}

/** For a partial (older) version: whether every field it mentions still holds what it held. */
function coversPartial(container: Container, then: unknown, now: unknown): boolean {
  if (container.kind !== 'records' || !isRecordItem(then) || !isRecordItem(now)) return sameItem(container, then, now)
  for (const [key, value] of Object.entries(then.v)) if (canonical(now.v[key] ?? null) !== canonical(value)) return false
  for (const [key, entries] of Object.entries(then.m)) {
    const present = Object.keys(now.m[key] ?? {}).sort()
    if (canonical(present) !== canonical(Object.keys(entries ?? {}).sort())) return false
  }
  return true
}

function compareText(container: Container, then: unknown, doc: Y.Doc, authors: TextAuthors): ItemChange[] {
  const type = container.kind === 'rich' ? doc.getXmlFragment(container.key) : doc.getText(container.key)
  const before = container.kind === 'rich' ? richWords(Array.isArray(then) ? (then as RichNode[]) : []) : typeof then === 'string' ? then : ''
  const now = authors.charactersOf(type)
  if (now.text === before) return []
  const { index, insert } = simpleDiffString(before, now.text)
  // Who wrote the words that are new; words taken out leave no author behind.
  const by = unique(now.authors.slice(index, index + insert.length))
  const change: ItemChange['change'] = before === '' ? 'added' : now.text === '' ? 'removed' : 'changed'
  return [{ change, container: container.key, key: WHOLE, label: { field: container.key }, fields: [WHOLE], by }]
}

function labelOf(container: Container, item: unknown, key: string): ItemLabel {
  switch (container.kind) {
    case 'records':
      return isRecordItem(item) ? container.label(item, key) : { text: '' }
    case 'keyed':
      return container.label((item ?? {}) as Record<string, Json>, key)
    case 'entries':
      return container.label((item ?? null) as Json, key)
    default:
      return { field: container.key }
  }
}

function addedBy(container: Container, item: unknown, key: string): PersonId[] {
  if (container.kind === 'records' && isRecordItem(item)) return unique([person(item.v['createdBy'])])
  return changedBy(container, item, key)
}

function changedBy(container: Container, item: unknown, key: string): PersonId[] {
  if (container.kind === 'records' && isRecordItem(item)) return unique([person(item.v['updatedBy'])])
  if (container.kind === 'keyed') return unique([person((item as Record<string, Json>)['updatedBy'])])
  if (container.kind === 'entries') return unique([container.author?.(item as Json, key) ?? null])
  return []
}

/** A record taken out softly still says by whom; anything else taken out does not. */
function removedBy(container: Container, doc: Y.Doc, key: string): PersonId[] {
  if (container.kind !== 'records') return []
  const record = doc.getMap(container.key).get(key)
  return record instanceof Y.Map ? unique([person(record.get('removedBy'))]) : []
}

function changedFields(container: Container, then: unknown, now: unknown): string[] {
  const a = withoutTouch(container, then)
  const b = withoutTouch(container, now)
  if (container.kind === 'records' && isRecordItem(a) && isRecordItem(b)) {
    const fields = new Set<string>()
    for (const part of ['v', 'm', 't'] as const) {
      for (const key of new Set([...Object.keys(a[part]), ...Object.keys(b[part])])) {
        if (canonical(a[part][key] ?? null) !== canonical(b[part][key] ?? null)) fields.add(key)
      }
    }
    return [...fields].sort()
  }
  if (container.kind === 'keyed') {
    const x = (a ?? {}) as Record<string, Json>
    const y = (b ?? {}) as Record<string, Json>
    const fields = new Set<string>()
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      // A set's members ('slot.maandag.ochtend') count as the set ('slot').
      if (!(TOUCH_FIELDS as readonly string[]).includes(key) && canonical(x[key] ?? null) !== canonical(y[key] ?? null)) fields.add(key.split('.')[0]!)
    }
    return [...fields].sort()
  }
  return []
}

function person(value: Json | undefined): PersonId | null {
  return typeof value === 'string' ? value : null
}

function unique(people: readonly (PersonId | null)[]): PersonId[] {
  return [...new Set(people.filter((p): p is PersonId => p !== null))]
}
