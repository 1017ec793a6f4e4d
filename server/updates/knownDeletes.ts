import type { DeletedRanges } from './readUpdate.ts'

/**
 * Which ranges of which clients a room knows to be deleted: per client, the
 * ranges sorted and joined, as `[start, end, start, end, ...]`. Lets the
 * room tell an update that deletes nothing new (a device's sync answer
 * repeats the whole delete set every time it connects) from one that does,
 * without a document. Lookups are a binary search per range.
 */
export class KnownDeletes {
  private readonly byClient = new Map<number, number[]>()

  /** Whether every range is known deleted already. */
  covers(deletes: DeletedRanges): boolean {
    for (const [client, ranges] of deletes) {
      const known = this.byClient.get(client)
      if (known === undefined) return false
      for (const [clock, length] of ranges) {
        const index = firstEndingAfter(known, clock)
        if (index >= known.length || known[index]! > clock || known[index + 1]! < clock + length) return false
      }
    }
    return true
  }

  add(deletes: DeletedRanges): void {
    for (const [client, ranges] of deletes) {
      let known = this.byClient.get(client)
      if (known === undefined) this.byClient.set(client, (known = []))
      for (const [clock, length] of ranges) insert(known, clock, clock + length)
    }
  }
}

/** Index (even) of the first known range whose end is at or after `clock`. */
function firstEndingAfter(known: number[], clock: number): number {
  let low = 0
  let high = known.length / 2
  while (low < high) {
    const middle = (low + high) >> 1
    if (known[2 * middle + 1]! < clock) low = middle + 1
    else high = middle
  }
  return 2 * low
}

/** Adds [start, end), joining the ranges it touches or overlaps. */
function insert(known: number[], start: number, end: number): void {
  const first = firstEndingAfter(known, start)
  let last = first
  let from = start
  let to = end
  while (last < known.length && known[last]! <= end) {
    from = Math.min(from, known[last]!)
    to = Math.max(to, known[last + 1]!)
    last += 2
  }
  known.splice(first, last - first, from, to)
}
