import * as Y from 'yjs'

/** A struct of a Yjs update as `Y.decodeUpdate` gives it: an item, a GC'd range, or a gap (Skip). */
export type Struct = Y.Item | Y.GC | Y.Skip

/** The structs of one client in an update, in clock order, gaps (Skips) included. */
export interface ClientStructs {
  client: number
  structs: Struct[]
}

/** One client's deleted ranges: `[clock, length]` pairs as the update lists them. */
export type DeletedRanges = Map<number, [clock: number, length: number][]>

/** A Yjs update read and checked, without applying it to a document. */
export interface ReadUpdate {
  /** Per client, highest client first (the order Yjs writes and mergeUpdates relies on). */
  clients: ClientStructs[]
  deletes: DeletedRanges
  /** Whether the update listed its clients in another order (it must be written again before it is merged). */
  reordered: boolean
}

/** The bytes are not a Yjs update the relay can pass on safely. */
export class MalformedUpdateError extends Error {
  constructor(detail: string, options?: ErrorOptions) {
    super(`not a Yjs update: ${detail}`, options)
    this.name = 'MalformedUpdateError'
  }
}

const MAX_CLOCK = Number.MAX_SAFE_INTEGER

/**
 * Reads a Yjs update (v1) and checks that it is well formed, without a
 * document: every struct decodes (content of a known kind, JSON that
 * parses), no struct is empty, each client's structs are one run with
 * increasing clocks, and an item refers to earlier structs of its own client
 * only (Yjs assumes it can find those and throws when it cannot, so such an
 * update would break every device it reached). References to other clients
 * may point at structs not here yet: that makes the update pending, not
 * malformed. Throws `MalformedUpdateError`.
 */
export function readUpdate(update: Uint8Array): ReadUpdate {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } }
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded
  } catch (cause) {
    throw new MalformedUpdateError('cannot be decoded', { cause })
  }
  const clients: ClientStructs[] = []
  let reordered = false
  let current: ClientStructs | undefined
  let clock = 0
  for (const struct of decoded.structs) {
    const { client } = struct.id
    if (current === undefined || client !== current.client) {
      if (clients.some((seen) => seen.client === client)) throw new MalformedUpdateError(`client ${client} is listed twice`)
      if (current !== undefined && client > current.client) reordered = true
      current = { client, structs: [] }
      clients.push(current)
    } else if (struct.id.clock !== clock) {
      throw new MalformedUpdateError(`structs of client ${client} are not in clock order`)
    }
    if (!(struct.length >= 1)) throw new MalformedUpdateError('an empty struct')
    clock = struct.id.clock + struct.length
    if (clock > MAX_CLOCK) throw new MalformedUpdateError('a clock out of range')
    if (struct instanceof Y.Item) checkOwnReferences(struct)
    current.structs.push(struct)
  }
  if (reordered) clients.sort((a, b) => b.client - a.client)
  const deletes: DeletedRanges = new Map()
  for (const [client, items] of decoded.ds.clients) {
    const ranges = items.filter((item) => item.len > 0).map((item): [number, number] => [item.clock, item.len])
    if (ranges.some(([start, length]) => start + length > MAX_CLOCK)) throw new MalformedUpdateError('a deleted range out of range')
    if (ranges.length > 0) deletes.set(client, ranges)
  }
  return { clients, deletes, reordered }
}

/** The ids an item was inserted next to or into; Yjs looks those of its own client up without waiting for them. */
function checkOwnReferences(item: Y.Item): void {
  const { client, clock } = item.id
  for (const reference of referencesOf(item)) {
    if (reference.client === client && reference.clock >= clock) throw new MalformedUpdateError(`an item of client ${client} refers to a later struct of its own`)
  }
}

/** The ids an item depends on: its left and right origin and, when given as an id, its parent. */
export function referencesOf(item: Y.Item): Y.ID[] {
  const references: Y.ID[] = []
  if (item.origin !== null) references.push(item.origin)
  if (item.rightOrigin !== null) references.push(item.rightOrigin)
  if (item.parent instanceof Y.ID) references.push(item.parent)
  return references
}
