import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { dropPostgresSchema, needPostgres, uniquePostgresSchema } from '../../tests/support/services.ts'
import { PostgresStorage } from './postgres.ts'
import { POSTGRES_SCHEMA_VERSION } from './postgresSchema.ts'
import { StorageCorruptError } from './roomLog.ts'
import { describeStorage } from './storageSuite.ts'

const databaseUrl = await needPostgres()

if (databaseUrl) {
  describeStorage('postgres', async () => {
    const schema = uniquePostgresSchema()
    const open = () => PostgresStorage.open({ connectionString: databaseUrl, schema })
    return { storage: await open(), reopen: open, cleanup: () => dropPostgresSchema(databaseUrl, schema) }
  })
}

/** An edit as a Yjs update, made by its own client so edits from many writers merge. */
function edit(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getArray<string>('edits').push([text])
  return Y.encodeStateAsUpdate(doc)
}

/** The edits a stored room holds, sorted, as a reader of the plan would find them. */
function editsIn(update: Uint8Array | null): string[] {
  const doc = new Y.Doc()
  if (update) Y.applyUpdate(doc, update)
  return doc.getArray<string>('edits').toArray().sort()
}

describe.skipIf(!databaseUrl)('PostgreSQL storage, beyond the shared contract', () => {
  const url = databaseUrl!
  const schema = uniquePostgresSchema()
  const open: PostgresStorage[] = []

  async function openStorage(): Promise<PostgresStorage> {
    const storage = await PostgresStorage.open({ connectionString: url, schema })
    open.push(storage)
    return storage
  }

  beforeAll(async () => {
    await openStorage()
  })

  afterAll(async () => {
    await Promise.allSettled(open.map((storage) => storage.close()))
    await dropPostgresSchema(url, schema)
  })

  it('keeps appended updates after the relay closes and another opens the same database', async () => {
    const first = await openStorage()
    await first.append('room-durable', edit('a'))
    await first.append('room-durable', edit('b'))
    await first.close()

    const second = await openStorage()
    expect(editsIn(await second.load('room-durable'))).toEqual(['a', 'b'])
  })

  it('loses no append of another instance while compacting the same room', async () => {
    const [a, b] = [await openStorage(), await openStorage()]
    const room = 'room-two-instances'
    const written: string[] = []
    const writes: Promise<void>[] = []
    const compactions: Promise<unknown>[] = []
    for (let i = 0; i < 200; i++) {
      const text = `edit-${i}`
      written.push(text)
      writes.push((i % 2 ? a : b).append(room, edit(text)))
      if (i % 10 === 0) compactions.push(a.compact(room), b.compact(room))
    }
    await Promise.all([...writes, ...compactions])
    const final = await b.compact(room)

    expect(final.updates).toBe(1)
    expect(editsIn(await a.load(room))).toEqual(written.sort())
  })

  it('brings back nothing of a deleted plan when another instance was compacting it at that moment', async () => {
    const [a, b] = [await openStorage(), await openStorage()]
    const planId = 'plan-deleted-while-compacting'
    await a.append(planId, edit('secret 1'))
    await a.append(planId, edit('secret 2'))
    // A third party holds the table: the compaction waits to read it, the deletion (its
    // tombstone committed) waits to lock it. Released, both go at once: the compaction
    // has read the rows when the deletion removes them.
    const holder = new pg.Client({ connectionString: url })
    await holder.connect()
    try {
      await holder.query('BEGIN')
      await holder.query(`LOCK TABLE "${schema}".room_updates IN ACCESS EXCLUSIVE MODE`)
      const compacting = b.compact(planId)
      const deleting = a.deletePlan(planId)
      await untilWaiting(holder, `"${schema}".room_updates`, 2)
      await holder.query('COMMIT')
      await Promise.all([deleting, compacting.catch(() => undefined)])
    } finally {
      await holder.end()
    }
    expect(await a.load(planId)).toBeNull()
  })

  /** Waits until `count` lock requests wait on `table`: the interleaving under test is in place. */
  async function untilWaiting(client: pg.Client, table: string, count: number): Promise<void> {
    for (;;) {
      const waiting = await client.query('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = $1::regclass', [table])
      if ((waiting.rows[0] as { n: number }).n >= count) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  it('refuses a room whose rows cannot be read, naming it, and keeps serving the others', async () => {
    const storage = await openStorage()
    await storage.append('room-healthy', edit('still here'))
    await storage.append('room-broken', edit('x'))
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`INSERT INTO "${schema}".room_updates (room, data) VALUES ('room-broken', '\\x0badbeef'::bytea)`)
    await client.end()

    const failure = await storage.load('room-broken').catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StorageCorruptError)
    expect((failure as Error).message).toContain('room-broken')
    await expect(storage.compact('room-broken')).rejects.toBeInstanceOf(StorageCorruptError)
    expect(editsIn(await storage.load('room-healthy'))).toEqual(['still here'])
  })

  it('migrates once when several instances start together, and refuses a schema newer than it knows', async () => {
    const concurrentSchema = uniquePostgresSchema()
    try {
      const started = await Promise.all(
        [1, 2, 3].map(() => PostgresStorage.open({ connectionString: url, schema: concurrentSchema })),
      )
      await Promise.all(started.map((storage) => storage.close()))

      const client = new pg.Client({ connectionString: url })
      await client.connect()
      const versions = await client.query(`SELECT version FROM "${concurrentSchema}".kring_schema_migrations ORDER BY version`)
      // Each migration ran exactly once.
      expect(versions.rows.map((row) => row.version)).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1))
      await client.query(`INSERT INTO "${concurrentSchema}".kring_schema_migrations (version) VALUES ($1)`, [
        POSTGRES_SCHEMA_VERSION + 1,
      ])
      await client.end()

      await expect(PostgresStorage.open({ connectionString: url, schema: concurrentSchema })).rejects.toThrow(
        /newer than this relay knows/,
      )
    } finally {
      await dropPostgresSchema(url, concurrentSchema)
    }
  })

  it('refuses to start on a schema Kring set up that lost its tables, instead of starting afresh as if new', async () => {
    const lostSchema = uniquePostgresSchema()
    try {
      await (await PostgresStorage.open({ connectionString: url, schema: lostSchema })).close()
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`DROP TABLE "${lostSchema}".plan_revocations`)
      await client.end()
      await expect(PostgresStorage.open({ connectionString: url, schema: lostSchema })).rejects.toThrow(
        /was set up by Kring \(version \d+\) but lost tables \(missing: plan_revocations\)/,
      )
    } finally {
      await dropPostgresSchema(url, lostSchema)
    }
  })

  it('refuses to start, with an error, when PostgreSQL cannot be reached', async () => {
    // Port 1 on loopback refuses at once: a database that has gone away.
    await expect(
      PostgresStorage.open({ connectionString: 'postgres://postgres@127.0.0.1:1/test', schema }),
    ).rejects.toThrow()
  })
})
