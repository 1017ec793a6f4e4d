import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Append } from './packedAppends.ts'
import { StorageCorruptError } from './roomLog.ts'

/**
 * A run of one room's updates stored in one row of the SQLite log: what one
 * commit holds for that room, each update's bytes after its length (lib0's
 * encoding, as Yjs writes its own), without merging them.
 *
 * Why one row per room per commit: a row costs the storage thread far more
 * than its bytes (the insert, the index on room and seq, the check that the
 * plan was not deleted). A commit of 320 keystrokes to one room took 1.5 ms
 * as 320 rows and 0.6 ms as one, 800 took 2.9 and 0.9 ms, all on a thread
 * that shares the relay's cores; merging them into one update
 * (Y.mergeUpdates) instead took longer than the rows (bench/RESULTS.md).
 */
export function joinRun(updates: readonly Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const update of updates) encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** The updates `joinRun` joined, in order, each a view into `run`; throws when the bytes are no run. */
export function splitRun(run: Uint8Array): Uint8Array[] {
  const decoder = decoding.createDecoder(run)
  const updates: Uint8Array[] = []
  while (decoding.hasContent(decoder)) updates.push(decoding.readVarUint8Array(decoder))
  return updates
}

/** A row of the SQLite log as read back: an update, or a run of them. */
export interface UpdateRow {
  update_bytes: Buffer
  /** How many updates the bytes hold: more than one in a run. */
  updates_in_row: number
}

/**
 * A room's stored updates in the order they were made, the runs among its
 * rows split. Throws a `StorageCorruptError` naming the room for a run that
 * cannot be split into as many updates as its row says.
 */
export function updatesIn(room: string, rows: readonly UpdateRow[]): Uint8Array[] {
  return rows.flatMap((row) => {
    if (row.updates_in_row === 1) return [row.update_bytes]
    let updates: Uint8Array[]
    try {
      updates = splitRun(row.update_bytes)
    } catch (cause) {
      throw new StorageCorruptError(room, cause)
    }
    if (updates.length !== row.updates_in_row) throw new StorageCorruptError(room, new Error(`a run of ${row.updates_in_row} updates holds ${updates.length}`))
    return updates
  })
}

/** Appends grouped by room, each room's in the order they were made. */
export function byRoom(appends: readonly Append[]): Map<string, Uint8Array[]> {
  const rooms = new Map<string, Uint8Array[]>()
  for (const { room, update } of appends) {
    const updates = rooms.get(room)
    if (updates === undefined) rooms.set(room, [update])
    else updates.push(update)
  }
  return rooms
}
