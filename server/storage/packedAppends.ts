import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** One update to store in a room's log. */
export interface Append {
  room: string
  update: Uint8Array
}

/**
 * A group of appends packed into one buffer as they are made, each as its
 * room's name and its update's bytes (lib0's encoding, as Yjs writes its
 * own), for the SQLite storage to hand its worker thread in one message.
 *
 * Why not an array of appends: a message's array is copied item by item
 * (structured clone) on the event loop at the moment it is posted, and a
 * group gathered for 80 ms at a busy room's pace holds hundreds of edits,
 * which edits passed on in that moment wait for. Posting 320 as an array
 * held the event loop p50 200 µs, p99 1464 µs; packed, with the copy into
 * one buffer as it is handed over, 128 and 419 µs (`npm run bench -- wake`,
 * bench/RESULTS.md). Packed as they come, each
 * append costs a copy of its own bytes, the group one copy into a single
 * buffer as it is handed over, and that buffer moves to the thread whole
 * (transferred, not cloned).
 */
export class PackedAppends {
  private readonly encoder = encoding.createEncoder()
  private count = 0

  /** Appends packed one by one, as the storage packs them when they come (for tests and benchmarks). */
  static of(appends: Iterable<Append>): PackedAppends {
    const packed = new PackedAppends()
    for (const append of appends) packed.push(append)
    return packed
  }

  /** How many appends are packed. */
  get length(): number {
    return this.count
  }

  /** Packs an append after the others, copying its bytes. */
  push({ room, update }: Append): void {
    encoding.writeVarString(this.encoder, room)
    encoding.writeVarUint8Array(this.encoder, update)
    this.count++
  }

  /** The packed appends in a buffer of their own, to be transferred to the worker. */
  bytes(): Uint8Array<ArrayBuffer> {
    // toUint8Array copies into a new Uint8Array of its own; lib0's types do not say its buffer is an ArrayBuffer.
    return encoding.toUint8Array(this.encoder) as Uint8Array<ArrayBuffer>
  }
}

/** Packs appends all at once (for tests and benchmarks; the storage packs them as they come). */
export function packAppends(appends: Iterable<Append>): Uint8Array<ArrayBuffer> {
  return PackedAppends.of(appends).bytes()
}

/** The appends `PackedAppends.bytes` holds, in the order they were made; each update a view into `packed`. */
export function unpackAppends(packed: Uint8Array): Append[] {
  const decoder = decoding.createDecoder(packed)
  const appends: Append[] = []
  while (decoding.hasContent(decoder)) appends.push({ room: decoding.readVarString(decoder), update: decoding.readVarUint8Array(decoder) })
  return appends
}
