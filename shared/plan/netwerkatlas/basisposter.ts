import type * as Y from 'yjs'
import { Cached } from '../cached.ts'
import { oneOf, text, type FieldSource } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import type { Stored } from '../records.ts'
import { transact } from '../transact.ts'
import { InstrumentRecords } from '../instrumentRecords.ts'
import type { SharedText } from '../sharedText.ts'

/** The parts of the basisposter, in the order a visitor reads them. */
export type PosterSection = 'wie-zijn-wij' | 'wat-is-belangrijk' | 'wat-gaat-goed' | 'zorgen' | 'wensen'
export const POSTER_SECTIONS: readonly PosterSection[] = ['wie-zijn-wij', 'wat-is-belangrijk', 'wat-gaat-goed', 'zorgen', 'wensen']

/** One short item on the poster ("We koken graag samen"). */
export interface PosterItem {
  section: PosterSection
  text: string
}

export type StoredPosterItem = Stored<PosterItem>

const itemSpec = {
  read: (map: FieldSource): PosterItem => ({
    section: oneOf(map, 'section', POSTER_SECTIONS, 'wie-zijn-wij'),
    text: text(map, 'text'),
  }),
}

/**
 * De basisposter: the one-page picture of the household, the first thing a
 * visitor sees. Each section has short items (added, edited, reordered by
 * anyone) and a free text written together.
 */
export class Basisposter extends InstrumentRecords<PosterItem> {
  private readonly view: Cached<StoredPosterItem[]>

  constructor(
    private readonly map: Y.Map<Y.Map<unknown>>,
    private readonly texts: Readonly<Record<PosterSection, SharedText>>,
  ) {
    super(map, itemSpec)
    this.view = new Cached([this.records], () => this.records.list())
  }

  /** Adds a short item at the end of a section and returns its id. */
  add(section: PosterSection, itemText: string, by: PersonId | null): string {
    // The end of the whole list is also the end of its section.
    return this.records.add({ section, text: itemText }, by)
  }

  /** Changes an item's words. */
  edit(id: string, itemText: string, by: PersonId | null): void {
    this.records.update(id, { text: itemText }, by)
  }

  /** Moves an item to a position (0 = first) in a section, its own or another. */
  moveTo(id: string, section: PosterSection, index: number, by: PersonId | null): void {
    if (!this.records.get(id)) return
    transact(this.map, () => {
      this.records.update(id, { section }, by)
      this.records.move(id, index, by, (item) => item.section === section)
    })
  }

  /** The items of one section, in order. */
  items(section: PosterSection): StoredPosterItem[] {
    return this.view.per(section, (list) => list.filter((item) => item.section === section))
  }

  /** Every section with its items, in reading order. */
  sections(): { section: PosterSection; items: StoredPosterItem[] }[] {
    return this.view.per('sections', () => POSTER_SECTIONS.map((section) => ({ section, items: this.items(section) })))
  }

  /** The section's free text, written together (bind a text field to it with SharedTextArea). */
  textOf(section: PosterSection): SharedText {
    return this.texts[section]
  }

  /** Called after every change to the items (the texts tell their editors themselves). */
  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}
