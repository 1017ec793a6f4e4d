import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { roomName } from '../../shared/protocol/rooms.ts'
import { localDatabaseName } from './planConnection.ts'

/**
 * Writes into this device's copy of a plan without connecting anywhere (used
 * to create a plan). The relay receives it when the plan is next opened.
 */
export async function writeOnThisDevice(planId: string, write: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(localDatabaseName(roomName(planId, 'plan')), doc)
  try {
    await persistence.whenSynced
    write(doc)
  } finally {
    // Closing the database lets the pending write transactions finish first (IndexedDB close semantics).
    await persistence.destroy()
    doc.destroy()
  }
}
