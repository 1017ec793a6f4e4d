import { mkdtemp, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { issueRevocation } from '../../shared/capabilities/revocation.ts'
import { createPlanKey } from '../../shared/identity/planKey.ts'
import { SQLITE_FILE_NAME, SqliteStorage } from '../../server/storage/sqlite.ts'
import { spawnRelay } from '../support/relayProcess.ts'

/**
 * Finding 5 of issue 16: with a 0-byte kring.sqlite the relay started as if
 * new, /healthz said ok, a revoked token was let in again and a device
 * re-uploaded a deleted plan. Now the relay refuses to start on a database
 * that lost its contents, and says why, as `npm start` runs it.
 */
describe('a relay never starts as if new on a database that lost its contents', () => {
  const dirs: string[] = []
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
  })
  const dataDir = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-lost-'))
    dirs.push(dir)
    return dir
  }
  /** Starts the relay process on `dir`; resolves with what it printed once it has exited without listening. */
  const refusedStart = async (dir: string): Promise<string> => {
    const started = spawnRelay({ DATA_DIR: dir, DATABASE_URL: undefined, REDIS_URL: undefined })
    const outcome = await started.then(
      async (relay) => {
        await relay.kill()
        return 'it started'
      },
      (error: unknown) => String(error),
    )
    return outcome
  }

  it('a 0-byte database: refused, saying it is empty and how to start afresh on purpose', async () => {
    const dir = await dataDir()
    await writeFile(join(dir, SQLITE_FILE_NAME), '')
    const said = await refusedStart(dir)
    expect(said).toContain(`${join(dir, SQLITE_FILE_NAME)} exists but is empty (0 bytes)`)
    expect(said).toContain('Restore it from a backup')
    // Nothing was made in its place.
    expect((await stat(join(dir, SQLITE_FILE_NAME))).size).toBe(0)
  })

  it('a truncated database holding a plan and its revocation: refused, saying it cannot be read', async () => {
    const dir = await dataDir()
    const key = await createPlanKey()
    const storage = new SqliteStorage(dir)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'ons plan '.repeat(2_000))
    await storage.append(key.planId, Y.encodeStateAsUpdate(doc))
    await storage.addRevocation(key.planId, await issueRevocation(key, { issuedBefore: Date.now() }))
    await storage.close()
    const file = join(dir, SQLITE_FILE_NAME)
    await truncate(file, Math.floor((await stat(file)).size / 2))

    const said = await refusedStart(dir)
    expect(said).toContain(`${file} cannot be read (database disk image is malformed)`)
  })
})
