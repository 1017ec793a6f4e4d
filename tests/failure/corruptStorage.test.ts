import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../../server/log.ts'
import { startRelay } from '../../server/relay.ts'
import { PostgresStorage } from '../../server/storage/postgres.ts'
import { connectClient, openRawSocket } from '../relay/support/clients.ts'
import { waitUntil } from '../support/wait.ts'
import { dropPostgresSchema, needPostgres, uniquePostgresSchema } from '../support/services.ts'

const databaseUrl = await needPostgres()

describe.skipIf(!databaseUrl)('corrupted rows in PostgreSQL', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('the relay names the broken room in a clear error, refuses only that room, and keeps serving the rest', async () => {
    const schema = uniquePostgresSchema()
    cleanups.push(() => dropPostgresSchema(databaseUrl!, schema))
    const storage = await PostgresStorage.open({ connectionString: databaseUrl!, schema })
    const broken = `plan-${randomBytes(6).toString('hex')}`
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'geheime notitie')
    await storage.append(broken, Y.encodeStateAsUpdate(doc))
    // What a bad disk, a bad restore or a hand-edited row leaves behind.
    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    await db.query(`INSERT INTO "${schema}".room_updates (room, data) VALUES ($1, $2)`, [broken, Buffer.from('kapot')])
    await db.end()

    const logLines: string[] = []
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString())
        done()
      },
    })
    const relay = await startRelay({ config: { requireTokens: false }, storage, staticDir: null, logger: createLogger('info', logs) })
    cleanups.push(() => relay.close())

    const refused = await openRawSocket(relay.url, `/sync/${broken}`)
    expect((await refused.closed).code).toBe(1011)
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
    expect((await relay.metrics.render()).body).toMatch(/kring_connections_refused_total\{reason="storage_corrupt"\} 1/)
  })
})
