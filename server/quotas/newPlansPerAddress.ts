const HOUR_MS = 60 * 60 * 1000

/**
 * New plans opened per client address in the last hour
 * (KRING_MAX_NEW_PLANS_PER_ADDRESS_PER_HOUR): anyone can make a plan key, so
 * without this one person could open plans until the relay is full. A plan
 * counts once, however often it is opened within the hour. Only addresses
 * with a plan in the last hour are remembered, so memory stays bounded by
 * the limit times the addresses active in an hour.
 */
export class NewPlansPerAddress {
  private readonly opened = new Map<string, Map<string, number>>()
  private readonly sweeper: NodeJS.Timeout

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), HOUR_MS / 6)
    this.sweeper.unref()
  }

  /** Counts `planId` as opened by `address` now; false, counting nothing, when the address has opened `limit` other plans within the hour. */
  take(address: string, planId: string): boolean {
    const now = this.now()
    let plans = this.opened.get(address)
    if (plans !== undefined) forgetOlder(plans, now - HOUR_MS)
    if (plans?.has(planId)) return true
    if (plans !== undefined && plans.size >= this.limit) return false
    if (plans === undefined) this.opened.set(address, (plans = new Map()))
    plans.set(planId, now)
    return true
  }

  /** Addresses remembered (for tests: it must not grow without bound). */
  get addresses(): number {
    return this.opened.size
  }

  close(): void {
    clearInterval(this.sweeper)
  }

  private sweep(): void {
    const since = this.now() - HOUR_MS
    for (const [address, plans] of this.opened) {
      forgetOlder(plans, since)
      if (plans.size === 0) this.opened.delete(address)
    }
  }
}

function forgetOlder(plans: Map<string, number>, since: number): void {
  for (const [planId, at] of plans) if (at <= since) plans.delete(planId)
}
