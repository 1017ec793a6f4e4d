/**
 * Gathers writes asked for close together into one commit: everything added
 * in one turn of the event loop, and everything added while the previous
 * commit was under way, is written by one call of `write`. One sync to disk
 * (SQLite) or one round trip (PostgreSQL) then serves many rooms, which is
 * what lets a relay keep up with many rooms at once.
 *
 * With `maxInFlight` above 1, the next group is written before the previous
 * one has finished (pipelining, for a backend that can take several writes
 * at once); groups may then finish in any order. With `gatherMs`, a group
 * is written that long after its first item instead of in the next turn:
 * many more items to a write, for a backend where every write costs a
 * thread's wake-up (SQLite's worker), at the price of that wait, which must
 * fit the README's durability window.
 */
export class GroupCommit<T> {
  private waiting: Waiting<T>[] = []
  private readonly inFlight = new Set<Promise<void>>()
  private scheduled = false
  /** The gathering timer, cleared when a flush writes before it fires. */
  private gathering: NodeJS.Timeout | undefined
  private readonly maxInFlight: number
  private readonly gatherMs: number

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    { maxInFlight = 1, gatherMs = 0 }: { maxInFlight?: number; gatherMs?: number } = {},
  ) {
    this.maxInFlight = maxInFlight
    this.gatherMs = gatherMs
  }

  /** Items added but not yet written (for metrics and tests). */
  get size(): number {
    return this.waiting.length
  }

  /** Queues an item; resolves once the group holding it is written, rejects with the group's error. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject, onSettled: [] })
      if (!this.scheduled) {
        this.scheduled = true
        if (this.gatherMs > 0) this.gathering = setTimeout(this.pump, this.gatherMs)
        else setImmediate(this.pump)
      }
    })
  }

  /**
   * Starts writing what waits now (not at the end of this turn) and resolves
   * once every item added before this call is written or has failed. Never
   * rejects: whoever added an item hears of its failure.
   */
  async flush(): Promise<void> {
    const before = [...this.inFlight, ...this.waiting.map((waiting) => new Promise<void>((resolve) => waiting.onSettled.push(resolve)))]
    this.pump()
    await Promise.all(before)
  }

  private readonly pump = (): void => {
    this.scheduled = false
    clearTimeout(this.gathering)
    this.gathering = undefined
    while (this.waiting.length > 0 && this.inFlight.size < this.maxInFlight) {
      const group = this.waiting.splice(0)
      let written: Promise<void>
      try {
        written = this.write(group.map((waiting) => waiting.item))
      } catch (error) {
        written = Promise.reject(error)
      }
      const settled = written.then(
        () => group.forEach((waiting) => waiting.resolve()),
        (error: unknown) => group.forEach((waiting) => waiting.reject(error)),
      ).finally(() => {
        for (const waiting of group) for (const settled of waiting.onSettled) settled()
        this.inFlight.delete(settled)
        if (this.waiting.length > 0) this.pump()
      })
      this.inFlight.add(settled)
    }
  }
}

interface Waiting<T> {
  item: T
  resolve(): void
  reject(error: unknown): void
  /** Told once the item is written or failed, for whoever flushed while it waited. */
  onSettled: (() => void)[]
}
