import * as Y from 'yjs'
import { StorageCorruptError } from './storage.ts'

/**
 * Merges a room's stored updates into one Yjs update, for `load` and `compact`
 * of every backend. Throws a `StorageCorruptError` naming the room when any
 * stored update cannot be decoded, so the relay refuses that room alone.
 */
export function mergeStoredUpdates(room: string, updates: readonly Uint8Array[]): Uint8Array | null {
  if (updates.length === 0) return null
  try {
    // mergeUpdates hands a single update back untouched, so decode it to be
    // sure it is readable; with several, merging decodes every one of them.
    if (updates.length === 1) {
      Y.decodeUpdate(updates[0]!)
      return updates[0]!
    }
    return Y.mergeUpdates(updates as Uint8Array[])
  } catch (cause) {
    throw new StorageCorruptError(room, cause)
  }
}
