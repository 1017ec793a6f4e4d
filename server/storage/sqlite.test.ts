import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStorage } from './sqlite.ts'
import { describeRoomStorage } from './storageSuite.ts'

describeRoomStorage('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
  return {
    storage: new SqliteStorage(dataDir),
    reopen: async () => new SqliteStorage(dataDir),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  }
})
