/** Storing an update would take its plan past KRING_MAX_PLAN_BYTES. */
export class PlanFullError extends Error {
  constructor(
    readonly planId: string,
    readonly maxBytes: number,
  ) {
    super(`This plan stores as much as the relay allows (${maxBytes} bytes); nothing more can be added`)
    this.name = 'PlanFullError'
  }
}

/**
 * What one plan stores, counted over its rooms open on this relay
 * (KRING_MAX_PLAN_BYTES): one person cannot fill the disk for everyone with
 * a plan of their own. Starts from what storage holds for the plan and
 * follows this instance's appends and compactions; what other instances
 * append is counted when a compaction here reads the room back.
 */
export class PlanBytes {
  constructor(
    readonly planId: string,
    private stored: number,
    readonly maxBytes: number,
  ) {}

  /** Bytes the plan stores, as far as this relay knows. */
  get bytes(): number {
    return this.stored
  }

  /** Whether storing `more` bytes would take the plan past its quota. */
  wouldExceed(more: number): boolean {
    return this.stored + more > this.maxBytes
  }

  /** Counts bytes stored (positive) or freed by a compaction (negative). */
  add(delta: number): void {
    this.stored = Math.max(0, this.stored + delta)
  }
}

/**
 * The PlanBytes of every plan with a room open here: one per plan, shared by
 * its rooms, forgotten when its last room is.
 */
export class PlanQuotas {
  private readonly plans = new Map<string, { bytes: Promise<PlanBytes>; rooms: number }>()

  constructor(
    private readonly maxBytes: number,
    private readonly storedBytesOf: (planId: string) => Promise<number>,
  ) {}

  /** The plan's count, read from storage for its first open room; call the returned `release` once that room is gone. */
  async acquire(planId: string): Promise<{ bytes: PlanBytes; release: () => void }> {
    let entry = this.plans.get(planId)
    if (entry === undefined) {
      const bytes = this.storedBytesOf(planId).then((stored) => new PlanBytes(planId, stored, this.maxBytes))
      this.plans.set(planId, (entry = { bytes, rooms: 0 }))
    }
    entry.rooms++
    const held = entry
    let released = false
    const release = () => {
      if (released) return
      released = true
      held.rooms--
      if (held.rooms === 0 && this.plans.get(planId) === held) this.plans.delete(planId)
    }
    try {
      return { bytes: await held.bytes, release }
    } catch (error) {
      release()
      // A failed read is not remembered: the next room asks storage again.
      if (this.plans.get(planId) === held) this.plans.delete(planId)
      throw error
    }
  }

  /** Plans counted now (for tests: it must follow open rooms). */
  get size(): number {
    return this.plans.size
  }
}
