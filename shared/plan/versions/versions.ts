import * as Y from 'yjs'
import type { TextAuthors } from '../authors.ts'
import { Cached } from '../cached.ts'
import { fromY } from '../changes.ts'
import { text, textList } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import { RemovableRecords } from '../instrumentRecords.ts'
import type { CardVersions } from '../partnerschapskaart-versies.ts'
import { stampSchemaVersion } from '../migrations.ts'
import { Blobs } from './blobs.ts'
import { compareWithNow, type SectionChanges } from './compare.ts'
import { captureContent, loadContent, storeContent, type VersionContent } from './content.ts'
import { containerByKey, containersOf, PLAN_SECTIONS, type PlanSection } from './layout.ts'
import { readContainer, writeItem, type Touch } from './items.ts'
import { fromCardVersion } from './legacy.ts'
import { plain } from './snapshot.ts'

/** A saved version of the plan, as the list shows it. */
export interface PlanVersion {
  id: string
  /** "Na de bijeenkomst van 12 maart"; may be empty. */
  name: string
  /** "Versie ingevuld door": who filled it in (the partnerschapskaart's field); at least the one who saved it. */
  filledInBy: PersonId[]
  savedBy: PersonId | null
  savedAt: number
  /** The sections it keeps: all of them, or the waarden and the card for a card version of the previous release. */
  sections: readonly PlanSection[]
  /** Saved as a card version by the previous release. */
  fromCard: boolean
}

/** Where an item lives: a container key (layout.ts) and the item's key there; what compare's changes carry. */
export interface ItemRef {
  container: string
  key: string
}

/** Saving a copy of the plan as it is first, so a restore can itself be undone; the name is the view's (it speaks the language). */
export interface RestoreOptions {
  keepCurrentAs?: string
}

interface VersionFields {
  name: string
  filledInBy: PersonId[]
  /** The hash of the version's content (blobs.ts). */
  content: string
}

const versionSpec = {
  read: (map: Y.Map<unknown>): VersionFields => ({ name: text(map, 'name'), filledInBy: textList(map, 'filledInBy'), content: text(map, 'content') }),
}

/**
 * Named versions of the whole plan ("een versie"), part of the plan itself:
 * synced and offline like everything else. A version is kept as a tree of
 * content-addressed texts (blobs.ts), so it costs what changed, not a copy.
 * Restoring (an item, a section, the plan) is a normal edit by whoever
 * restores: only what differs is written, so what others change meanwhile
 * elsewhere stays. Card versions of the previous release are listed too.
 *
 * @example const id = plan.versions.save({ name: 'Na de bijeenkomst van 12 maart' }, me)
 */
export class PlanVersions extends RemovableRecords<VersionFields> {
  private readonly blobs: Blobs
  private readonly view: Cached<PlanVersion[]>
  private readonly loaded = new Map<string, VersionContent | null>()
  private readonly compared = new Map<string, SectionChanges[] | null>()
  /** Anything in the plan changed: what `compare` reads. A Source, for views that show a comparison. */
  readonly planChanges: { subscribe(listener: () => void): () => void }

  constructor(
    private readonly doc: Y.Doc,
    map: Y.Map<Y.Map<unknown>>,
    blobMap: Y.Map<unknown>,
    private readonly cardVersions: CardVersions,
    private readonly authors: TextAuthors,
  ) {
    super(map, versionSpec)
    this.blobs = new Blobs(blobMap)
    this.view = new Cached([this.records, cardVersions, fromY(blobMap)], () => this.read())
    // Content is immutable per hash, but a version's blobs may arrive after its record: read again then.
    blobMap.observe(() => this.loaded.clear())
    doc.on('update', () => this.compared.clear())
    this.planChanges = {
      subscribe: (listener) => {
        const onUpdate = () => listener()
        doc.on('update', onUpdate)
        return () => doc.off('update', onUpdate)
      },
    }
  }

  /** Saves the plan as it is now under a name; `filledInBy` defaults to the one saving. Returns the version's id. */
  save(version: { name: string; filledInBy?: readonly PersonId[] }, by: PersonId | null): string {
    let id = ''
    this.doc.transact(() => {
      const content = storeContent(this.blobs, captureContent(this.doc))
      const filledInBy = version.filledInBy && version.filledInBy.length > 0 ? [...version.filledInBy] : by === null ? [] : [by]
      id = this.records.add({ name: version.name.trim(), filledInBy, content }, by)
    })
    return id
  }

  /** Every version, newest first; the same array until something changes. */
  list(): PlanVersion[] {
    return this.view.get()
  }

  /** One version, or undefined. */
  get(id: string): PlanVersion | undefined {
    return this.list().find((v) => v.id === id)
  }

  /** What a version holds; null when it does not exist or its content has not arrived (or is damaged). */
  content(id: string): VersionContent | null {
    if (this.loaded.has(id)) return this.loaded.get(id) ?? null
    const stored = this.records.get(id)
    let content: VersionContent | null = null
    if (stored) content = loadContent(this.blobs, stored.content)
    else {
      const card = this.cardVersions.get(id) ? this.cardVersions.content(id) : null
      content = card ? fromCardVersion(card) : null
    }
    this.loaded.set(id, content)
    return content
  }

  /** What was added, changed and taken out since a version, per section, with who did it; null when the version cannot be read. */
  compare(id: string): SectionChanges[] | null {
    if (this.compared.has(id)) return this.compared.get(id) ?? null
    const content = this.content(id)
    const changes = content ? compareWithNow(content, this.doc, this.authors) : null
    // The same array until the plan changes, so a view can keep it as a snapshot.
    this.compared.set(id, changes)
    return changes
  }

  /**
   * Brings one item back as the version had it: a removed item returns (with
   * its id, so restoring it on two devices at once brings it back once), a
   * changed one gets its words back, an added one is taken out (softly).
   * Returns false when the version or the item's container is unknown.
   */
  restoreItem(id: string, ref: ItemRef, by: PersonId | null): boolean {
    const content = this.content(id)
    const container = containerByKey(ref.container)
    if (!content || !container || !content.sections.includes(container.section)) return false
    const item = content.containers[container.key]?.[ref.key]
    writeItem(this.doc, container, ref.key, item, this.touch(by), content.partial)
    return true
  }

  /** Makes one section what it was in the version, writing only what differs. Returns false when the version does not keep it. */
  restoreSection(id: string, section: PlanSection, by: PersonId | null, options: RestoreOptions = {}): boolean {
    const content = this.content(id)
    if (!content || !content.sections.includes(section)) return false
    this.doc.transact(() => {
      if (options.keepCurrentAs !== undefined) this.save({ name: options.keepCurrentAs }, by)
      this.writeSection(content, section, this.touch(by))
    })
    return true
  }

  /** Makes the whole plan what it was in the version (every section it keeps), as one change. */
  restorePlan(id: string, by: PersonId | null, options: RestoreOptions = {}): boolean {
    const content = this.content(id)
    if (!content) return false
    this.doc.transact(() => {
      if (options.keepCurrentAs !== undefined) this.save({ name: options.keepCurrentAs }, by)
      const touch = this.touch(by)
      for (const section of content.sections) this.writeSection(content, section, touch)
    })
    return true
  }

  /**
   * Writes a version's content into an empty document, keeping who wrote
   * what: the version to read (plan.ts `openVersion`). Returns false when
   * the version cannot be read.
   */
  writeInto(id: string, target: Y.Doc): boolean {
    const content = this.content(id)
    if (!content) return false
    target.transact(() => {
      stampSchemaVersion(target)
      const meta = target.getMap('meta')
      const live = this.doc.getMap('meta')
      for (const key of ['planId', 'createdAt', 'title', 'householdName', 'language']) {
        const value = live.get(key)
        // Plain values only: a Y type belongs to its own document (and in meta is junk from a damaged replica anyway).
        if (value !== undefined && !(value instanceof Y.AbstractType)) meta.set(key, plain(value))
      }
      for (const section of content.sections) {
        for (const container of containersOf(section)) {
          for (const [key, item] of Object.entries(content.containers[container.key] ?? {})) writeItem(target, container, key, item, null, content.partial)
        }
      }
    })
    return true
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private writeSection(content: VersionContent, section: PlanSection, touch: Touch): void {
    for (const container of containersOf(section)) {
      const then = content.containers[container.key] ?? {}
      const now = readContainer(this.doc, container)
      for (const [key, item] of Object.entries(then)) writeItem(this.doc, container, key, item, touch, content.partial)
      for (const key of Object.keys(now)) if (!Object.hasOwn(then, key)) writeItem(this.doc, container, key, undefined, touch)
    }
  }

  private touch(by: PersonId | null): Touch {
    return { by, at: Date.now() }
  }

  private read(): PlanVersion[] {
    const saved = this.records.list().map(
      (v): PlanVersion => ({ id: v.id, name: v.name, filledInBy: v.filledInBy, savedBy: v.createdBy, savedAt: v.createdAt, sections: PLAN_SECTIONS, fromCard: false }),
    )
    const cards = this.cardVersions.list().map(
      (v): PlanVersion => ({ id: v.id, name: v.name, filledInBy: v.filledInBy, savedBy: v.createdBy, savedAt: v.createdAt, sections: ['waarden', 'partnerschapskaart'], fromCard: true }),
    )
    return [...saved, ...cards].sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1))
  }
}
