import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Health } from '../../server/http/health.ts'
import { createLogger } from '../../server/log.ts'
import { startRelay } from '../../server/relay.ts'
import { PostgresStorage } from '../../server/storage/postgres.ts'
import { SQLITE_FILE_NAME, SqliteStorage } from '../../server/storage/sqlite.ts'
import type { Storage } from '../../server/storage/storage.ts'
import { connectClient, openRawSocket } from '../relay/support/clients.ts'
import { waitUntil } from '../support/wait.ts'
import { dropPostgresSchema, needPostgres, uniquePostgresSchema } from '../support/services.ts'

const databaseUrl = await needPostgres()

/** A backend with one room whose stored rows include one that is no Yjs update, as a bad disk, a bad restore or a hand-edited row leaves it. */
interface BrokenStore {
  storage: Storage
  /** The room's rows as they are stored, to show they were left untouched. */
  rows(): Promise<string[]>
}

describe('a room whose stored data cannot be read', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  /**
   * The relay names the broken room in a clear error, refuses only that
   * room, leaves its rows as they are for the operator, reports it in
   * /healthz and /metrics, and keeps serving the rest.
   */
  async function refusedAndReported(broken: string, store: BrokenStore): Promise<void> {
    const before = await store.rows()
    const logLines: string[] = []
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString())
        done()
      },
    })
    const relay = await startRelay({ config: { requireTokens: false }, storage: store.storage, staticDir: null, logger: createLogger('info', logs) })
    cleanups.push(() => relay.close())

    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await openRawSocket(relay.url, `/sync/${broken}`)
      expect((await refused.closed).code).toBe(1011)
    }
    const errors = logLines.map((line) => JSON.parse(line) as { level: number; room?: string; err?: { message: string } })
    const named = errors.find((entry) => entry.level >= 50 && entry.room === broken)
    expect(named?.err?.message).toBe(`Stored data for room "${broken}" cannot be read as Yjs updates`)
    expect(logLines.join('\n')).not.toContain('geheime notitie')

    const syncUrl = `${relay.url.replace(/^http/, 'ws')}/sync`
    const writer = await connectClient(syncUrl, `plan-${randomBytes(6).toString('hex')}`)
    cleanups.push(() => writer.destroy())
    const reader = await connectClient(syncUrl, writer.provider.roomname)
    cleanups.push(() => reader.destroy())
    writer.text.insert(0, 'andere plannen werken gewoon')
    await waitUntil(() => reader.text.toString() === 'andere plannen werken gewoon', 'another room still syncs')

    const health = await fetch(`${relay.url}/healthz`)
    expect(health.status).toBe(200)
    expect((await health.json()) as Health).toMatchObject({ ok: true, storageOk: true, unreadableRooms: 1 })
    const metrics = (await relay.metrics.render()).body
    expect(metrics).toMatch(/kring_connections_refused_total\{reason="storage_corrupt"\} 3/)
    expect(metrics).toMatch(/^kring_rooms_unreadable 1$/m)
    expect(await store.rows()).toEqual(before)
  }

  it.skipIf(!databaseUrl)('in PostgreSQL', async () => {
    const schema = uniquePostgresSchema()
    cleanups.push(() => dropPostgresSchema(databaseUrl!, schema))
    const storage = await PostgresStorage.open({ connectionString: databaseUrl!, schema })
    const broken = `plan-${randomBytes(6).toString('hex')}`
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'geheime notitie')
    await storage.append(broken, Y.encodeStateAsUpdate(doc))
    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    cleanups.push(() => db.end())
    await db.query(`INSERT INTO "${schema}".room_updates (room, data) VALUES ($1, $2)`, [broken, Buffer.from('kapot')])
    await refusedAndReported(broken, {
      storage,
      rows: async () => (await db.query<{ data: Buffer }>(`SELECT data FROM "${schema}".room_updates WHERE room = $1 ORDER BY id`, [broken])).rows.map((row) => row.data.toString('hex')),
    })
  })

  it('in SQLite', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-corrupt-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const storage = new SqliteStorage(dataDir)
    const broken = `plan-${randomBytes(6).toString('hex')}`
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'geheime notitie')
    await storage.append(broken, Y.encodeStateAsUpdate(doc))
    const db = new Database(join(dataDir, SQLITE_FILE_NAME))
    cleanups.push(() => db.close())
    db.prepare('INSERT INTO room_updates (room, update_bytes) VALUES (?, ?)').run(broken, Buffer.from('kapot'))
    await refusedAndReported(broken, {
      storage,
      rows: async () => db.prepare<[string], { update_bytes: Buffer }>('SELECT update_bytes FROM room_updates WHERE room = ? ORDER BY seq').all(broken).map((row) => row.update_bytes.toString('hex')),
    })
  })
})
