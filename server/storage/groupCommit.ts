/**
 * Gathers writes asked for close together into one commit: everything added
 * in one turn of the event loop, and everything added while the previous
 * commit was under way, is written by one call of `write`. One sync to disk
 * (SQLite) or one round trip (PostgreSQL) then serves many rooms, which is
 * what lets a relay keep up with many rooms at once.
 *
 * With `maxInFlight` above 1, the next group is written before the previous
 * one has finished (pipelining, for a backend that can take several writes
 * at once); groups may then finish in any order. With `gatherMs` (a number,
 * or a function read as each group starts), a group is written that long
 * after its first item instead of in the next turn
 * (or, when the previous write is still under way then, once it ends):
 * many more items to a write, for a backend where every write costs a
 * thread's wake-up (SQLite's worker), at the price of that wait, which must
 * fit the README's durability window. With `gatherInto`, a group gathers its
 * items into what that makes (an array by default): for a backend that
 * packs them as they come (packedAppends.ts).
 */
export class GroupCommit<T, G extends Gathered<T> = T[]> {
  /** The group items are added to now, written at the next pump. */
  private open: Group<G> | undefined
  private readonly inFlight = new Set<Promise<void>>()
  /** The gathering timer, cleared when a flush writes before it fires. */
  private gathering: NodeJS.Timeout | undefined
  private readonly maxInFlight: number
  private readonly gatherMs: () => number
  private readonly gatherInto: () => G

  constructor(
    private readonly write: (items: G) => Promise<void>,
    // Groups of anything but an array need gatherInto to make them; the types say so.
    ...[options = {}]: [G] extends [T[]] ? [options?: GroupCommitOptions<G>] : [options: GroupCommitOptions<G> & { gatherInto: () => G }]
  ) {
    const { maxInFlight = 1, gatherMs = 0 } = options
    this.maxInFlight = maxInFlight
    this.gatherMs = typeof gatherMs === 'number' ? () => gatherMs : gatherMs
    // Without gatherInto, G is an array (the types above allow nothing else).
    this.gatherInto = options.gatherInto ?? (() => [] as unknown as G)
  }

  /** Items added but not yet written (for metrics and tests). */
  get size(): number {
    return this.open?.items.length ?? 0
  }

  /**
   * Queues an item; resolves once the group holding it is written, rejects
   * with the group's error. Every item of a group gets the same promise (one
   * per group, not one per item: an append is made for every edit), so a
   * caller can tell that two items went in one write.
   */
  add(item: T): Promise<void> {
    if (this.open === undefined) {
      this.open = new Group(this.gatherInto())
      const gatherMs = this.gatherMs()
      if (gatherMs > 0) this.gathering = setTimeout(this.pump, gatherMs)
      else setImmediate(this.pump)
    }
    this.open.items.push(item)
    return this.open.written
  }

  /**
   * Starts writing what waits now (not at the end of this turn) and resolves
   * once every item added before this call is written or has failed. Never
   * rejects: whoever added an item hears of its failure.
   */
  async flush(): Promise<void> {
    const before = [...this.inFlight]
    if (this.open !== undefined) before.push(this.open.settled)
    this.pump()
    await Promise.all(before)
  }

  private readonly pump = (): void => {
    clearTimeout(this.gathering)
    this.gathering = undefined
    const group = this.open
    if (group === undefined || this.inFlight.size >= this.maxInFlight) return
    this.open = undefined
    let written: Promise<void>
    try {
      written = this.write(group.items)
    } catch (error) {
      written = Promise.reject(error)
    }
    written.then(group.resolve, group.reject)
    this.inFlight.add(group.settled)
    void group.settled.then(() => {
      this.inFlight.delete(group.settled)
      if (this.open !== undefined && this.gathering === undefined) this.pump()
    })
  }
}

export interface GroupCommitOptions<G> {
  maxInFlight?: number
  gatherMs?: number | (() => number)
  gatherInto?: () => G
}

/** What a group gathers its items into: an array, or anything that takes them one by one and counts them. */
export interface Gathered<T> {
  push(item: T): unknown
  readonly length: number
}

/** Items written together, and the one promise all of them are told by. */
class Group<G> {
  declare resolve: () => void
  declare reject: (error: unknown) => void
  readonly written = new Promise<void>((resolve, reject) => {
    this.resolve = resolve
    this.reject = reject
  })
  /** Settles when `written` does, never rejecting: for flush and the writes under way. */
  readonly settled = this.written.then(
    () => {},
    () => {},
  )

  constructor(readonly items: G) {}
}
