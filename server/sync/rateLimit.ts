/**
 * A token bucket: `burst` messages at once, refilled at `perSecond`. Hand
 * written because it is a dozen lines and the well-known libraries
 * (limiter, bottleneck) queue work instead of answering "allowed or not".
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** Takes one token; false when the bucket is empty (the sender is too fast). */
  take(): boolean {
    this.refill()
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Whether a token is there to take, without taking it. */
  canTake(): boolean {
    this.refill()
    return this.tokens >= 1
  }

  /** Whether the bucket has filled up again: it would allow a whole burst now. */
  isFull(): boolean {
    this.refill()
    return this.tokens >= this.burst
  }

  private refill(): void {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
  }
}
