import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { roomName, type RoomKind } from '../../shared/protocol/rooms.ts'
import { localDatabaseName } from './planConnection.ts'

/**
 * Writes into this device's copy of a plan's room (the plan room unless said
 * otherwise) without connecting anywhere: creating or importing a plan. The
 * relay receives it when the room is next opened.
 */
export async function writeOnThisDevice(planId: string, write: (doc: Y.Doc) => void, room: RoomKind = 'plan'): Promise<void> {
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(localDatabaseName(roomName(planId, room)), doc)
  try {
    await persistence.whenSynced
    write(doc)
  } finally {
    // Closing the database lets the pending write transactions finish first (IndexedDB close semantics).
    await persistence.destroy()
    doc.destroy()
  }
}
