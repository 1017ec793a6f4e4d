import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { roomsOfPlan } from '../../shared/protocol/rooms.ts'
import { SqliteStorage } from './sqlite.ts'
import { describeStorage } from './storageSuite.ts'

describeStorage('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
  return {
    storage: new SqliteStorage(dataDir),
    reopen: async () => new SqliteStorage(dataDir),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  }
})

describe('SQLite storage, beyond the shared contract', () => {
  it('leaves no trace of a deleted plan\'s words in its files', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
    try {
      const storage = new SqliteStorage(dataDir)
      const secret = 'Opa-Henk-zijn-geheime-zorg'
      for (const room of roomsOfPlan('plan-a')) {
        const doc = new Y.Doc()
        doc.getText('t').insert(0, `${secret} in ${room}`)
        await storage.append(room, Y.encodeStateAsUpdate(doc))
        await storage.compact(room)
      }
      const before = await filesContain(dataDir, secret)
      await storage.deletePlan('plan-a')
      const after = await filesContain(dataDir, secret)
      await storage.close()
      expect(before).toBe(true)
      expect(after).toBe(false)
      expect(await filesContain(dataDir, secret)).toBe(false)
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})

/** Whether any file in the folder (database, write-ahead log) holds the text as bytes. */
async function filesContain(dir: string, text: string): Promise<boolean> {
  for (const name of await readdir(dir)) {
    if ((await readFile(join(dir, name))).includes(Buffer.from(text))) return true
  }
  return false
}
