import * as Y from 'yjs'
import type { Actor } from './actor.ts'
import type { PersonId } from './ids.ts'
import { RecordList, type RecordSpec, type RecordStore, type Removal, type Stored } from './records.ts'

/**
 * What every instrument built on one RecordList offers alike: soft removal,
 * bringing back, dismissing and the removed list. One place for these, so the
 * instruments (basisteam, lukt het, rollen, spelregels, waarden, the card's
 * versions, basisposter, gebeurteniskaart) cannot drift apart in how removal
 * behaves; each adds only its own verbs and views.
 */
export abstract class RemovableRecords<T extends object, S extends RecordStore<T> = RecordList<T>> {
  protected readonly records: S

  /** Records in a RecordList over `map`; or, for an instrument with a store of its own (S), that store. */
  constructor(map: Y.Map<Y.Map<unknown>>, spec: RecordSpec<T>)
  constructor(store: S)
  constructor(source: Y.Map<Y.Map<unknown>> | S, spec?: RecordSpec<T>) {
    // The first form is only for the default S = RecordList<T>; a store of another kind comes through the second.
    this.records = (source instanceof Y.Map ? new RecordList(source, spec!) : source) as S
  }

  /** Removes softly; others see "verwijderd door …" until someone dismisses it. */
  remove(id: string, by: PersonId | null): void {
    this.records.remove(id, by)
  }

  /** Brings a removed record back, with every field it had (endorsements, agreements, helpers too). */
  restore(id: string): void {
    this.records.restore(id)
  }

  /**
   * Forgets a removed record for everyone, when `actor` may (its author or
   * the household; actor.ts). Returns whether it was forgotten; anyone else
   * hides it for themselves on their own device.
   */
  dismiss(id: string, actor: Actor): boolean {
    return this.records.erase(id, actor)
  }

  /** Removed records not yet dismissed, newest removal first. */
  removed(): (Stored<T> & Removal)[] {
    return this.records.removed()
  }
}

/** A RemovableRecords whose records are read as stored (instruments with a derived view of their own override nothing here). */
export abstract class InstrumentRecords<T extends object, S extends RecordStore<T> = RecordList<T>> extends RemovableRecords<T, S> {
  /** One record, or undefined when it does not exist or was removed. */
  get(id: string): Stored<T> | undefined {
    return this.records.get(id)
  }
}
