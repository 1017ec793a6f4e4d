import { Cached } from './cached.ts'
import { asNum, asObject } from './fields.ts'
import type { PersonId } from './ids.ts'
import { compareText } from './order.ts'
import type { Source } from './changes.ts'

/**
 * "Aan tafel" (issue 10): several people at one screen. Oma Riet has no
 * phone, but she sits at the table and says yes; Ans's phone records it for
 * her, visibly: "Oma Riet — aan tafel, via de telefoon van Ans".
 *
 * This is the only way anyone acts for someone else in a plan (issue 11's
 * identity model: a device is one person). It is never silent and never the
 * default:
 * - an act at the table is stored apart from the person's own act (its own
 *   field or value), so it always reads as "aan tafel, via …", and an app
 *   of an earlier release, which cannot show that, shows nothing rather
 *   than a yes that looks like the person's own;
 * - the person it is about sees it on their own device (`pendingFor`) and
 *   confirms it (it becomes their own word) or withdraws it;
 * - the one who recorded it may take it back while it waits (a slip of the finger).
 */
export interface AtTable {
  /** Who recorded it: the person using the device at the table. */
  by: PersonId
  /** When, by that device's clock. */
  at: number
}

/** What was said for someone at the table. */
export type AtTableWord = 'yes' | 'no' | 'agree' | 'words'

/** One act recorded for someone at the table, waiting for them to confirm or withdraw it. */
export interface AtTableAct extends AtTable {
  /** The instrument that holds it: 'basisteam', 'team', 'rollen', 'partnerschapskaart', 'geslaagd'. */
  instrument: string
  /** The record within the instrument (an action id, a card step, a role id, ...). */
  id: string
  /** Whom it was said for. */
  person: PersonId
  said: AtTableWord
}

/** An instrument where someone's word can be given at the table. */
export interface AtTableSource extends Source {
  readonly instrument: string
  /** Acts recorded for `person` at the table that they have not confirmed (or withdrawn) yet. */
  atTableFor(person: PersonId): AtTableAct[]
  /** The person makes the act their own word. Returns false, changing nothing, for anyone else or an act no longer there. */
  confirm(act: AtTableAct, by: PersonId): boolean
  /** Takes the act back: by the person, or by whoever recorded it. Returns false, changing nothing, for anyone else. */
  withdraw(act: AtTableAct, by: PersonId): boolean
}

/** Whether `by` may take back an act recorded at the table: the person it is about, or whoever recorded it. */
export function mayWithdrawAtTable(act: { person: PersonId; by: PersonId }, by: PersonId): boolean {
  return by === act.person || by === act.by
}

/** Reads the "aan tafel" part of a stored value ({ by, at, ... }); null when it is not one. Never throws. */
export function readAtTable(value: unknown): AtTable | null {
  const object = asObject(value)
  const by = object?.['by']
  if (typeof by !== 'string' || by === '') return null
  return { by, at: asNum(object?.['at']) }
}

/**
 * Every act recorded at the table across the plan's instruments, for the
 * person's own device: "Ans zei namens jou aan tafel: ja, dat doe ik".
 */
export class AanTafel implements Source {
  private readonly sources = new Map<string, AtTableSource>()
  private readonly view: Cached<AtTableAct[]>

  constructor(sources: readonly AtTableSource[]) {
    for (const source of sources) this.sources.set(source.instrument, source)
    this.view = new Cached(sources, () => [])
  }

  /** What was said for `person` at the table and waits for them, oldest first; the same array until something changes. */
  pendingFor(person: PersonId): AtTableAct[] {
    return this.view.per(person, () =>
      [...this.sources.values()]
        .flatMap((source) => source.atTableFor(person))
        .sort((a, b) => a.at - b.at || compareText(a.instrument + a.id, b.instrument + b.id)),
    )
  }

  /** The person makes an act their own word (see AtTableSource.confirm). */
  confirm(act: AtTableAct, by: PersonId): boolean {
    return this.sources.get(act.instrument)?.confirm(act, by) ?? false
  }

  /** Takes an act back (see AtTableSource.withdraw). */
  withdraw(act: AtTableAct, by: PersonId): boolean {
    return this.sources.get(act.instrument)?.withdraw(act, by) ?? false
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}
