import * as Y from 'yjs'
import { StorageCorruptError } from './roomLog.ts'

/**
 * Folds a room's stored updates into one Yjs update, for `load` and `compact`.
 * The updates are applied to a fresh document and its state encoded, so
 * deleted text is garbage-collected and stored size follows content (plain
 * `Y.mergeUpdates` would keep deleted content); pending structs are kept, so
 * nothing is dropped. Throws a `StorageCorruptError` naming the room when a
 * stored update cannot be read, so the relay refuses that room alone.
 */
export function mergeStoredUpdates(room: string, updates: readonly Uint8Array[]): Uint8Array | null {
  if (updates.length === 0) return null
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return Y.encodeStateAsUpdate(doc)
  } catch (cause) {
    throw new StorageCorruptError(room, cause)
  } finally {
    doc.destroy()
  }
}
