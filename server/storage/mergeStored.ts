import { compactUpdates } from '../updates/compactUpdates.ts'
import { mergeMany } from '../updates/mergeMany.ts'
import { StorageCorruptError } from './roomLog.ts'

/**
 * A room's stored rows as one Yjs update, on the bytes (no document): for
 * `load`, merged (`Y.mergeUpdates` in rounds, mergeMany.ts: the quick way;
 * the room checks what it loads and compacts in memory as it goes); for
 * `compact`, compacted
 * (compactUpdates.ts), so stored size follows content and deleted text is
 * gone. Throws a `StorageCorruptError` naming the room when a row cannot be
 * read, so the relay refuses that room alone.
 */
export function mergeStoredUpdates(room: string, updates: readonly Uint8Array[], { compact = false } = {}): Uint8Array | null {
  if (updates.length === 0) return null
  try {
    if (compact) return compactUpdates(updates)
    return mergeMany(updates)
  } catch (cause) {
    throw new StorageCorruptError(room, cause)
  }
}
