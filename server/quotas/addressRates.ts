import { TokenBucket } from '../sync/rateLimit.ts'

/** How often buckets that have filled up again are forgotten. */
const SWEEP_MS = 60_000

/**
 * A rate limit per client address (a token bucket each), for requests that
 * cost the relay a signature check and a write: `/plans/*`. A bucket that
 * has filled up again says nothing a fresh one would not, so it is
 * forgotten: memory follows the addresses active in the last minute or so.
 */
export class AddressRates {
  private readonly buckets = new Map<string, TokenBucket>()
  private readonly sweeper: NodeJS.Timeout

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS)
    this.sweeper.unref()
  }

  /** Takes one request's token for `address`; false when it is asking too fast. */
  take(address: string): boolean {
    let bucket = this.buckets.get(address)
    if (bucket === undefined) this.buckets.set(address, (bucket = new TokenBucket(this.perSecond, this.burst)))
    return bucket.take()
  }

  /**
   * Whether `address` could take a token now, taking none: for limits that
   * count only failures (wrong meeting codes), checked before the work.
   */
  canTake(address: string): boolean {
    return this.buckets.get(address)?.canTake() ?? true
  }

  /** Seconds until `address` may ask again (for Retry-After). */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(1 / this.perSecond))
  }

  /** Addresses remembered (for tests: it must not grow without bound). */
  get size(): number {
    return this.buckets.size
  }

  close(): void {
    clearInterval(this.sweeper)
  }

  private sweep(): void {
    for (const [address, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(address)
  }
}
