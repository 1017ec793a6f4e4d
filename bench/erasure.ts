/**
 * `npm run bench -- erasure`: what erasing a deleted plan on PostgreSQL costs
 * (server/storage/postgres.ts, eraseDeletedRows). A deletion rewrites the
 * tables holding plan bytes (VACUUM FULL) while the other plans' edits wait
 * to be stored. For room_updates tables of several sizes (plans of 200 KB,
 * one compacted row per room, text no compression shrinks), measured in
 * this run against the baseline of the same run:
 *
 * - a deletion with erasure, against the plain DELETE it was before;
 * - how long the edits of other plans (one stored every 10 ms, as a busy
 *   relay does) wait while a deletion erases, against the same edits while
 *   nothing is deleted.
 *
 * Printed as a Markdown table on stdout, progress on stderr. Needs
 * PostgreSQL at DATABASE_TEST_URL (default postgres://postgres@127.0.0.1/test).
 * KRING_BENCH_QUICK=1 runs only the smallest size.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import * as Y from 'yjs'
import { roomsOfPlan } from '../shared/protocol/rooms.ts'
import { PostgresStorage } from '../server/storage/postgres.ts'
import { dropPostgresSchema, POSTGRES_TEST_URL, uniquePostgresSchema } from '../tests/support/services.ts'
import { median, percentile } from './support/stats.ts'

const quick = process.env.KRING_BENCH_QUICK === '1'
const PLAN_BYTES = 200 * 1024
const PLAN_COUNTS = quick ? [50] : (process.env.KRING_BENCH_PLANS?.split(',').map(Number) ?? [50, 250, 1000])
const EDIT_EVERY_MS = 10
const progress = (line: string) => process.stderr.write(`bench erasure: ${line}\n`)

/** A plan's stored state: one Yjs update holding PLAN_BYTES of text no compression shrinks. */
function planUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, randomBytes(PLAN_BYTES / 2).toString('hex'))
  return Y.encodeStateAsUpdate(doc)
}

function edit(): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'een kleine wijziging')
  return Y.encodeStateAsUpdate(doc)
}

/** Stores one edit every EDIT_EVERY_MS in rooms of plans that are not deleted, until stopped; resolves with each edit's time to stored. */
function storeEditsMeanwhile(storage: PostgresStorage): { stop(): Promise<number[]> } {
  const waits: number[] = []
  const underWay: Promise<void>[] = []
  let n = 0
  const timer = setInterval(() => {
    const started = performance.now()
    underWay.push(
      storage.append(`plan-busy${n++ % 20}`, edit()).then(
        () => void waits.push(performance.now() - started),
        // Past the query timeout (10 s) an edit counts as not stored: its room would close and reconnect.
        () => void waits.push(Number.POSITIVE_INFINITY),
      ),
    )
  }, EDIT_EVERY_MS)
  return {
    async stop() {
      clearInterval(timer)
      await Promise.all(underWay)
      return waits
    },
  }
}

/** The plain DELETE of a plan's rows, as deletePlan did before it erased (the baseline). */
async function plainDelete(db: pg.Client, schema: string, planId: string): Promise<void> {
  await db.query('BEGIN')
  await db.query(`LOCK TABLE "${schema}".room_updates IN SHARE MODE`)
  await db.query(`DELETE FROM "${schema}".room_updates WHERE room = ANY($1::text[])`, [roomsOfPlan(planId)])
  await db.query('COMMIT')
}

interface Row {
  plans: number
  tableMb: number
  plainMs: number
  eraseMs: number
  editsQuiet: number[]
  editsErasing: number[]
}

async function measure(plans: number): Promise<Row> {
  const schema = uniquePostgresSchema()
  const storage = await PostgresStorage.open({ connectionString: POSTGRES_TEST_URL, schema })
  const db = new pg.Client({ connectionString: POSTGRES_TEST_URL })
  await db.connect()
  try {
    progress(`${plans} plans of ${PLAN_BYTES / 1024} KB: filling`)
    const update = planUpdate()
    for (let i = 0; i < plans; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, plans - i) }, (_, j) => storage.append(`plan-p${i + j}`, update)))
    }
    for (let i = 0; i < 20; i++) await storage.append(`plan-busy${i}`, edit())
    await db.query(`VACUUM ANALYZE "${schema}".room_updates`)
    const size = await db.query<{ bytes: string }>(`SELECT pg_total_relation_size($1::regclass) AS bytes`, [`"${schema}".room_updates`])
    const tableMb = Number(size.rows[0]!.bytes) / 1024 / 1024

    progress(`${plans} plans: a plain DELETE, then edits while nothing is deleted`)
    let started = performance.now()
    await plainDelete(db, schema, 'p0')
    const plainMs = performance.now() - started
    let edits = storeEditsMeanwhile(storage)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const editsQuiet = await edits.stop()

    progress(`${plans} plans: a deletion that erases, with edits stored meanwhile`)
    edits = storeEditsMeanwhile(storage)
    await new Promise((resolve) => setTimeout(resolve, 100))
    started = performance.now()
    await storage.deletePlan('p1')
    const eraseMs = performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 100))
    const editsErasing = await edits.stop()
    return { plans, tableMb, plainMs, eraseMs, editsQuiet, editsErasing }
  } finally {
    await db.end()
    await storage.close()
    await dropPostgresSchema(POSTGRES_TEST_URL, schema)
  }
}

const rows: Row[] = []
for (const plans of PLAN_COUNTS) rows.push(await measure(plans))
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 0)} ms` : 'failed (query timeout)')
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(1)}×`
console.log('| plans × 200 KB | room_updates on disk | deletion with erasure | plain DELETE (baseline) | ratio | edits stored during erasure: p50 / max | edits while nothing is deleted: p50 / max | max ÷ quiet max |')
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) {
  const quietMax = Math.max(...row.editsQuiet)
  const erasingMax = Math.max(...row.editsErasing)
  console.log(
    `| ${row.plans} | ${row.tableMb.toFixed(0)} MB | ${ms(row.eraseMs)} | ${ms(row.plainMs)} | ${ratio(row.eraseMs, row.plainMs)} | ${ms(median(row.editsErasing))} / ${ms(erasingMax)} | ${ms(median(row.editsQuiet))} / ${ms(quietMax)} | ${ratio(erasingMax, quietMax)} |`,
  )
}
console.log(`\nerasure rewrites about ${(rows.at(-1)!.tableMb / (rows.at(-1)!.eraseMs / 1000)).toFixed(0)} MB/s of room_updates here; p99 of quiet edits ${ms(percentile(rows.at(-1)!.editsQuiet, 0.99))}`)
