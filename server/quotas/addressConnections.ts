/**
 * Open connections per client address (KRING_MAX_CONNECTIONS_PER_ADDRESS):
 * one person cannot hold the relay's sockets, file descriptors or memory
 * for everyone else. Only addresses with something open are remembered, so
 * memory follows open connections.
 */
export class AddressConnections {
  private readonly open = new Map<string, number>()

  constructor(private readonly limit: number) {}

  /**
   * Counts one more connection from `address` and returns the function that
   * counts it gone (call it once, when the connection ends), or undefined,
   * counting nothing, when the address already has `limit` open.
   */
  add(address: string): (() => void) | undefined {
    const count = this.open.get(address) ?? 0
    if (count >= this.limit) return undefined
    this.open.set(address, count + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.open.get(address) ?? 1) - 1
      if (left > 0) this.open.set(address, left)
      else this.open.delete(address)
    }
  }

  /** Connections open from `address` now. */
  countOf(address: string): number {
    return this.open.get(address) ?? 0
  }

  /** Addresses with a connection open (for tests: it must not grow with closed connections). */
  get addresses(): number {
    return this.open.size
  }
}
