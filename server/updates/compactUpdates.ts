import * as Y from 'yjs'
import { mergeMany } from './mergeMany.ts'
import { readUpdate, type ClientStructs, type DeletedRanges, type Struct } from './readUpdate.ts'
import { writeUpdate } from './writeUpdate.ts'

/**
 * Folds Yjs updates into one that holds the same document, as small as a
 * document's own encoding would be, without loading a document:
 * `Y.mergeUpdates` (in rounds, mergeMany.ts) joins them (overlaps and
 * repeats resolved), then deleted content is dropped (an item's deleted
 * text becomes a length, as Yjs's
 * garbage collection does) and neighbouring structs one writer made in one
 * run are joined into one, as a document joins them. So stored size and the
 * bytes a joining device receives follow the content, not the number of
 * edits, and nothing that was deleted is kept. Throws `MalformedUpdateError`
 * when an update cannot be read.
 */
export function compactUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const merged = mergeMany(updates)
  const { clients, deletes } = readUpdate(merged)
  const deleted = normalizeRanges(deletes)
  return writeUpdate(
    clients.map(({ client, structs }) => ({ client, structs: joinNeighbours(structs.flatMap((struct) => dropDeletedContent(struct, deleted.get(client)))) })),
    deleted,
  )
}

/** Each client's ranges sorted and joined where they touch or overlap. */
export function normalizeRanges(deletes: DeletedRanges): DeletedRanges {
  const normalized: DeletedRanges = new Map()
  for (const [client, ranges] of deletes) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0])
    const joined: [number, number][] = []
    for (const [clock, length] of sorted) {
      const last = joined[joined.length - 1]
      if (last !== undefined && clock <= last[0] + last[1]) last[1] = Math.max(last[1], clock + length - last[0])
      else joined.push([clock, length])
    }
    normalized.set(client, joined)
  }
  return normalized
}

/** An item cut where deletions start and end, its deleted parts holding only their length; other structs as they are. */
function dropDeletedContent(struct: Struct, ranges: [number, number][] | undefined): Struct[] {
  if (!(struct instanceof Y.Item) || ranges === undefined || struct.content instanceof Y.ContentDeleted) return [struct]
  const start = struct.id.clock
  const end = start + struct.length
  const pieces: Struct[] = []
  let item = struct
  let at = start
  for (let index = firstRangeEndingAfter(ranges, start); index < ranges.length && ranges[index]![0] < end; index++) {
    const [from, length] = ranges[index]!
    const deletedFrom = Math.max(from, at)
    const deletedTo = Math.min(from + length, end)
    if (deletedFrom > at) {
      const rest = split(item, deletedFrom - item.id.clock)
      pieces.push(item)
      item = rest
    }
    const rest = deletedTo < end ? split(item, deletedTo - item.id.clock) : undefined
    pieces.push(asDeleted(item))
    if (rest === undefined) return pieces
    item = rest
    at = deletedTo
  }
  pieces.push(item)
  return pieces
}

/** Index of the first range that ends after `clock` (ranges sorted and disjoint). */
function firstRangeEndingAfter(ranges: [number, number][], clock: number): number {
  let low = 0
  let high = ranges.length
  while (low < high) {
    const middle = (low + high) >> 1
    const [from, length] = ranges[middle]!
    if (from + length <= clock) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Cuts an item in two at `offset`, as Yjs does: the right part follows the
 * left one (its origin is the left part's last id) and keeps the right
 * origin; the left part keeps the first `offset` of the content.
 */
function split(item: Y.Item, offset: number): Y.Item {
  const { client, clock } = item.id
  const right = new Y.Item(
    Y.createID(client, clock + offset),
    null,
    Y.createID(client, clock + offset - 1),
    null,
    item.rightOrigin,
    item.parent,
    item.parentSub,
    item.content.splice(offset),
  )
  item.length = offset
  return right
}

function asDeleted(item: Y.Item): Y.Item {
  item.content = new Y.ContentDeleted(item.length)
  return item
}

/**
 * Joins each struct with the one before it where a document would hold them
 * as one: the same writer, consecutive clocks, the second typed right after
 * the first (its origin is the first's last id), the same right origin, and
 * contents that join (text to text, deleted to deleted). Such an item means
 * exactly what the two meant, so a device that receives it integrates it the
 * same way. Neighbouring GC ranges are joined too.
 */
function joinNeighbours(structs: Struct[]): Struct[] {
  const joined: Struct[] = []
  for (const struct of structs) {
    const previous = joined[joined.length - 1]
    if (previous !== undefined && joins(previous, struct)) continue
    joined.push(struct)
  }
  return joined
}

function joins(left: Struct, right: Struct): boolean {
  if (left.id.clock + left.length !== right.id.clock) return false
  if (left instanceof Y.GC && right instanceof Y.GC) {
    left.length += right.length
    return true
  }
  if (!(left instanceof Y.Item) || !(right instanceof Y.Item)) return false
  if (right.origin === null || right.origin.client !== left.id.client || right.origin.clock !== right.id.clock - 1) return false
  if (!Y.compareIDs(left.rightOrigin, right.rightOrigin)) return false
  if (left.content.constructor !== right.content.constructor || !left.content.mergeWith(right.content)) return false
  left.length += right.length
  return true
}
