import * as Y from 'yjs'

/** How many updates one call of `Y.mergeUpdates` merges at a time. */
export const MERGE_FAN_IN = 16

/**
 * `Y.mergeUpdates` for many updates: merged sixteen at a time, then the
 * results sixteen at a time, until one is left. Written here because
 * `Y.mergeUpdates` sorts its list of readers again for every struct it
 * takes, so its time grows with the square of the number of updates: 3,000
 * typed characters since a compaction take it 100–140 ms in one call and
 * 7–10 ms like this (`npx tsx bench/merging.ts`), on the event loop when a
 * device joins and in a worker at every compaction. Merging is
 * associative, so the result holds the same document as one call would.
 */
export function mergeMany(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 1) return updates[0]!
  let round = [...updates]
  while (round.length > MERGE_FAN_IN) {
    const merged: Uint8Array[] = []
    for (let from = 0; from < round.length; from += MERGE_FAN_IN) {
      const group = round.slice(from, from + MERGE_FAN_IN)
      merged.push(group.length === 1 ? group[0]! : Y.mergeUpdates(group))
    }
    round = merged
  }
  return Y.mergeUpdates(round)
}
