import type * as Y from 'yjs'
import { Cached } from './cached.ts'
import { compareText } from './order.ts'
import { RecordList, type FieldValue, type Stored } from './records.ts'
import type { PersonId } from './ids.ts'
import type { FieldSource } from './fields.ts'

/**
 * A choice the plan holds one of at a time (where the household is on the
 * route, how light the support is), kept as the list of every time someone
 * made it: the newest is the current one, and the rest say who chose what,
 * when. Each choice is a record of its own, so two people choosing at once on
 * two devices both stay in the history, and every device picks the same
 * current one: the latest by its writer's clock, ties broken by id.
 */
export class Choices<T extends object> {
  private readonly records: RecordList<{ choice: T | null }>
  private readonly view: Cached<Stored<T>[]>

  /** `read` returns null for a stored choice that does not (or no longer) make sense; it is left out. */
  constructor(map: Y.Map<Y.Map<unknown>>, read: (fields: FieldSource) => T | null) {
    this.records = new RecordList(map, { read: (fields) => ({ choice: read(fields) }) })
    this.view = new Cached([this.records], () =>
      this.records
        .list()
        .flatMap(({ choice, ...meta }) => (choice ? [{ ...choice, ...meta }] : []))
        .sort((a, b) => b.createdAt - a.createdAt || compareText(b.id, a.id)),
    )
  }

  /** Records a choice made now by `by`; it becomes the current one. Returns its id. */
  choose(fields: { [K in keyof T]?: FieldValue }, by: PersonId | null): string {
    return this.records.add(fields as Record<string, FieldValue>, by)
  }

  /** The current choice, or null when nobody chose yet. */
  current(): Stored<T> | null {
    return this.view.get()[0] ?? null
  }

  /** Every choice made, newest first; the same array until something changes. */
  history(): Stored<T>[] {
    return this.view.get()
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}
