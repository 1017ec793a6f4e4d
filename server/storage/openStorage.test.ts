import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dropPostgresSchema, needPostgres, uniquePostgresSchema } from '../../tests/support/services.ts'
import { openStorage } from './openStorage.ts'
import type { Storage } from './storage.ts'

const databaseUrl = await needPostgres()

describe('choosing storage from the configuration', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const keep = (storage: Storage) => {
    cleanups.push(() => storage.close())
    return storage
  }

  it('keeps plans in a SQLite file in DATA_DIR when DATABASE_URL is not set', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-open-storage-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const storage = keep(await openStorage({ dataDir, databaseUrl: undefined }))
    await storage.append('room-a', new Uint8Array([0, 0]))
    expect(storage.kind).toBe('sqlite')
    expect(await readdir(dataDir)).toContain('kring.sqlite')
  })

  it('refuses to start, naming the host but not the password, when PostgreSQL cannot be reached', async () => {
    const failure = openStorage({ dataDir: '/nonexistent', databaseUrl: 'postgres://kring:geheim@127.0.0.1:1/kring' })
    await expect(failure).rejects.toThrow(/Cannot use PostgreSQL at 127\.0\.0\.1:1/)
    await expect(failure).rejects.not.toThrow(/geheim/)
  })

  it.skipIf(!databaseUrl)('keeps plans in PostgreSQL when DATABASE_URL is set', async () => {
    const schema = uniquePostgresSchema()
    cleanups.push(() => dropPostgresSchema(databaseUrl!, schema))
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-open-storage-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const storage = keep(await openStorage({ dataDir, databaseUrl }, { postgresSchema: schema }))
    expect(storage.kind).toBe('postgres')
    expect(await storage.healthy()).toBe(true)
    expect(await readdir(dataDir)).toEqual([])
  })
})
