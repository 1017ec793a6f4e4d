import { generateKeyBetween } from 'fractional-indexing'

/**
 * Order keys for lists that several people reorder at once. Each record
 * carries a fractional index (rocicorp's `fractional-indexing`), so a move is
 * one field write and concurrent moves converge without rewriting the list.
 * Two replicas can pick the same key; ties are broken by record id.
 */
export function orderBetween(before: string | null, after: string | null): string {
  try {
    if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null)
    return generateKeyBetween(before, after)
  } catch {
    // A key written by a damaged or foreign replica: place the record after `before` if that is valid, else first.
    try {
      return generateKeyBetween(before, null)
    } catch {
      return generateKeyBetween(null, null)
    }
  }
}

/** Plain code-point comparison: the same on every device, whatever its locale (for ties, so every replica lists the same order). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Compares two records for display order: order key, then creation time, then id. */
export function compareOrder(
  a: { order: string; createdAt: number; id: string },
  b: { order: string; createdAt: number; id: string },
): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt
  return compareText(a.id, b.id)
}

/** The order key that puts a record at position `toIndex` (0 = first) among `others`, the visible list without it. */
export function orderAt(others: readonly { order: string }[], toIndex: number): string {
  const index = Math.max(0, Math.min(toIndex, others.length))
  return orderBetween(others[index - 1]?.order ?? null, others[index]?.order ?? null)
}

/** The order key for a new record at the start or end of a visible list. */
export function orderAtEdge(list: readonly { order: string }[], at: 'start' | 'end' = 'end'): string {
  return at === 'start' ? orderBetween(null, list[0]?.order ?? null) : orderBetween(list[list.length - 1]?.order ?? null, null)
}
