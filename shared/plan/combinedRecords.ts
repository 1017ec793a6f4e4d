import type { Actor } from './actor.ts'
import { Cached } from './cached.ts'
import type { FlatRecordList } from './flatRecordList.ts'
import type { PersonId } from './ids.ts'
import { compareOrder, orderAt, orderAtEdge } from './order.ts'
import { newestRemovedFirst, type FieldValue, type RecordList, type RecordStore, type Removal, type Stored } from './records.ts'

/**
 * One instrument's records in two layouts, shown as one list: the usual
 * RecordList, and a FlatRecordList for records made under a chosen id that
 * two devices may both make (see flatRecordList.ts). A change goes to
 * wherever the record lives; order keys are worked out over both, so a new
 * or moved record lands where the person sees it.
 */
export class CombinedRecords<T extends object> implements RecordStore<T> {
  private readonly view: Cached<{ visible: Stored<T>[]; removed: (Stored<T> & Removal)[] }>

  constructor(
    private readonly nested: RecordList<T>,
    private readonly flat: FlatRecordList<T>,
  ) {
    this.view = new Cached([nested, flat], () => ({
      visible: [...nested.list(), ...flat.list()].sort(compareOrder),
      removed: [...nested.removed(), ...flat.removed()].sort(newestRemovedFirst),
    }))
  }

  /** Adds a record with a fresh id at the end of the list; returns the id. */
  add(fields: { [K in keyof T]?: FieldValue }, by: PersonId | null): string {
    return this.nested.add(fields, by, { order: orderAtEdge(this.list()) })
  }

  /** Creates (or, made elsewhere too, joins) the record `id` at the end of the list; see FlatRecordList.create. */
  create(id: string, fields: { [K in keyof T]?: FieldValue }, by: PersonId | null): void {
    this.flat.create(id, fields, by, orderAtEdge(this.list()))
  }

  /** Moves a record to a position in the visible list (0 = first). */
  move(id: string, toIndex: number, by: PersonId | null): void {
    this.place(id, orderAt(this.list().filter((r) => r.id !== id), toIndex), by)
  }

  update(id: string, patch: { [K in keyof T]?: FieldValue }, by: PersonId | null): void {
    this.storeOf(id)?.update(id, patch, by)
  }

  setEntry(id: string, field: string, key: string, value: FieldValue | Record<string, FieldValue>): void {
    this.storeOf(id)?.setEntry(id, field, key, value)
  }

  deleteEntry(id: string, field: string, key: string): void {
    this.storeOf(id)?.deleteEntry(id, field, key)
  }

  place(id: string, order: string, by: PersonId | null): void {
    this.storeOf(id)?.place(id, order, by)
  }

  remove(id: string, by: PersonId | null): void {
    this.storeOf(id)?.remove(id, by)
  }

  restore(id: string): void {
    this.storeOf(id)?.restore(id)
  }

  erase(id: string, actor: Actor): boolean {
    return this.storeOf(id)?.erase(id, actor) ?? false
  }

  purge(id: string): void {
    this.storeOf(id)?.purge(id)
  }

  get(id: string): Stored<T> | undefined {
    return this.nested.get(id) ?? this.flat.get(id)
  }

  holds(id: string): boolean {
    return this.storeOf(id) !== undefined
  }

  list(): Stored<T>[] {
    return this.view.get().visible
  }

  removed(): (Stored<T> & Removal)[] {
    return this.view.get().removed
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private storeOf(id: string): RecordStore<T> | undefined {
    if (this.nested.holds(id)) return this.nested
    return this.flat.holds(id) ? this.flat : undefined
  }
}
