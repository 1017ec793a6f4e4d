/**
 * `npm run bench`: Kring's relay against the reference y-websocket server and
 * a raw websocket broadcast, all measured in this one run on this machine,
 * printed as a Markdown table of ratios (absolute numbers on a shared, noisy
 * machine mean little; ratios measured side by side do). Bounded: a few
 * minutes. KRING_BENCH_QUICK=1 runs a smaller version to check that it works.
 * Progress goes to stderr, the table to stdout.
 * `npm run bench -- client` measures the app's loading instead (bench/client/loading.ts).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import * as Y from 'yjs'
import { PostgresStorage } from '../server/storage/postgres.ts'
import { SqliteStorage } from '../server/storage/sqlite.ts'
import type { Storage } from '../server/storage/storage.ts'
import { dropPostgresSchema, POSTGRES_TEST_URL, uniquePostgresSchema } from '../tests/support/services.ts'
import { fanOutLatency, type Latency } from './latency.ts'
import { memoryPerRoom, timeToLoad } from './memory.ts'
import { bytesOnReconnect } from './reconnect.ts'
import { makePlan } from './support/plan.ts'
import { KRING, RAW, REFERENCE, startServer, type RunningServer, type ServerKind } from './support/servers.ts'
import { median } from './support/stats.ts'
import { throughput, type Throughput } from './throughput.ts'
import { versionRows } from './versions.ts'

const quick = process.env.KRING_BENCH_QUICK === '1'
const LATENCY_SAMPLES = quick ? 50 : 300
const CLIENT_COUNTS = [2, 10, 50]
const THROUGHPUT_RATES = quick ? [250, 1000] : [250, 500, 1000, 2000, 4000, 8000, 16000]
const LOAD_RUNS = 5
const KB = 1024

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`)
const cleanups: (() => Promise<unknown>)[] = []

/** Kring's relay with PostgreSQL storage (a fresh schema each start), for the rows where the backend matters. */
const KRING_POSTGRES: ServerKind = { ...KRING, name: 'Kring relay on PostgreSQL' }

/**
 * Diagnosis only, never a deployment: the same relay with its SQLite file in
 * memory (tmpfs), where a sync to disk costs nothing. The difference from
 * KRING is what durability (stored before anyone sees it) costs.
 */
const KRING_NO_DISK_SYNC: ServerKind = { ...KRING, name: 'Kring relay, SQLite on tmpfs (diagnosis)' }
const TMPFS = '/dev/shm'

/**
 * Kring needs a data folder (a real disk folder, as `npm start` uses) or a
 * PostgreSQL schema; the others ignore both.
 */
async function start(kind: ServerKind): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(kind === KRING_NO_DISK_SYNC ? TMPFS : tmpdir(), 'kring-bench-'))
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  let postgres: Record<string, string | undefined> = { DATABASE_URL: undefined }
  if (kind === KRING_POSTGRES) {
    const schema = uniquePostgresSchema()
    cleanups.push(() => dropPostgresSchema(POSTGRES_TEST_URL, schema))
    postgres = { DATABASE_URL: POSTGRES_TEST_URL, KRING_BENCH_PG_SCHEMA: schema }
  }
  return startServer(kind, { DATA_DIR: dataDir, REDIS_URL: undefined, ...postgres })
}

async function eachServer<T>(kinds: ServerKind[], measure: (server: RunningServer) => Promise<T>): Promise<Map<ServerKind, T>> {
  const results = new Map<ServerKind, T>()
  for (const kind of kinds) {
    const server = await start(kind)
    try {
      results.set(kind, await measure(server))
    } finally {
      await server.kill()
    }
  }
  return results
}

async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 2_000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** Stores `plan` in `rooms` rooms as one compacted row each, as a relay leaves a room it unloads. */
async function seed(storage: Storage, rooms: string[], plan: Uint8Array): Promise<void> {
  for (const room of rooms) await storage.append(room, plan)
  await storage.close()
}

async function loadTimes(plan: Uint8Array): Promise<{ sqlite: number; postgres: number | undefined; floor: number }> {
  const rooms = Array.from({ length: LOAD_RUNS }, (_, index) => `load-${index}`)
  const measure = async (server: RunningServer) => {
    const times: number[] = []
    for (const room of rooms) times.push(await timeToLoad(server, room, plan.byteLength))
    await server.kill()
    return median(times)
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'kring-bench-load-'))
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  await seed(new SqliteStorage(dataDir), rooms, plan)
  const sqlite = await measure(await startServer(KRING, { DATA_DIR: dataDir, DATABASE_URL: undefined }))

  let postgres: number | undefined
  if (await postgresAvailable()) {
    const schema = uniquePostgresSchema()
    cleanups.push(() => dropPostgresSchema(POSTGRES_TEST_URL, schema))
    await seed(await PostgresStorage.open({ connectionString: POSTGRES_TEST_URL, schema }), rooms, plan)
    postgres = await measure(await startServer(KRING, { DATABASE_URL: POSTGRES_TEST_URL, KRING_BENCH_PG_SCHEMA: schema, DATA_DIR: dataDir }))
  } else {
    progress(`PostgreSQL at ${POSTGRES_TEST_URL} not reachable: load time from PostgreSQL not measured`)
  }

  // The floor: decoding the plan into a document and encoding it again, in this process.
  const floors = rooms.map(() => {
    const began = performance.now()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, plan)
    Y.encodeStateAsUpdate(doc)
    doc.destroy()
    return performance.now() - began
  })
  return { sqlite, postgres, floor: median(floors) }
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'lost updates')
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—')
const kib = (bytes: number) => `${(bytes / KB).toFixed(0)} KiB`
const verdict = (met: boolean) => (met ? 'met' : '**not met**')

async function main(): Promise<void> {
  const began = Date.now()
  progress(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}${quick ? ' (quick run)' : ''}`)

  const diagnose = existsSync(TMPFS)
  progress('fan-out latency, one writer, 2 / 10 / 50 clients in one room')
  const latency = await eachServer(diagnose ? [KRING, KRING_NO_DISK_SYNC, REFERENCE, RAW] : [KRING, REFERENCE, RAW], async (server) => {
    const byCount = new Map<number, Latency>()
    for (const clients of CLIENT_COUNTS) byCount.set(clients, await fanOutLatency(server, clients, LATENCY_SAMPLES))
    return byCount
  })

  const withPostgres = await postgresAvailable()
  if (!withPostgres) progress(`PostgreSQL at ${POSTGRES_TEST_URL} not reachable: Kring on PostgreSQL not measured`)
  progress('throughput, 50 rooms × 4 clients, rising rates until p99 > 100 ms')
  const throughputKinds = [KRING, ...(withPostgres ? [KRING_POSTGRES] : []), ...(diagnose ? [KRING_NO_DISK_SYNC] : []), REFERENCE, RAW]
  const rates = await eachServer(throughputKinds, (server) => throughput(server, { rooms: 50, perRoom: 4, rates: THROUGHPUT_RATES }))

  progress('memory per open room, 100 KB and 1 MB plans')
  const plans = { '100 KB': makePlan(100 * KB), '1 MB': makePlan(1024 * KB) }
  const roomsFor = { '100 KB': quick ? 5 : 40, '1 MB': quick ? 3 : 15 }
  const memory = new Map<string, Map<ServerKind, number>>()
  for (const [size, plan] of Object.entries(plans) as [keyof typeof plans, Uint8Array][]) {
    const bySever = new Map<ServerKind, number>()
    for (const kind of [KRING, REFERENCE]) bySever.set(kind, await memoryPerRoom(() => start(kind), plan, roomsFor[size]))
    memory.set(size, bySever)
  }

  progress('time to load a 1 MB plan from storage')
  const load = await loadTimes(plans['1 MB'])

  progress('bytes on reconnect after 100 offline edits to a 1 MB plan')
  const reconnect = await eachServer([KRING, REFERENCE], (server) => bytesOnReconnect(server, 'reconnect', plans['1 MB']))

  const lines: string[] = []
  const row = (...cells: string[]) => lines.push(`| ${cells.join(' | ')} |`)
  row('measure', 'Kring', '@y/websocket-server', 'raw ws', 'Kring ÷ reference', 'Kring ÷ raw', 'target')
  row('---', '---:', '---:', '---:', '---:', '---:', '---')
  for (const clients of CLIENT_COUNTS) {
    const [k, r, w] = [KRING, REFERENCE, RAW].map((kind) => latency.get(kind)!.get(clients)!) as [Latency, Latency, Latency]
    row(`fan-out p50, ${clients} clients`, ms(k.p50), ms(r.p50), ms(w.p50), ratio(k.p50, r.p50), ratio(k.p50, w.p50), '')
    const targets = [`≤ reference: ${verdict(k.p99 <= r.p99)}`]
    if (clients === 10) targets.push(`≤ 1.5× raw: ${verdict(k.p99 <= 1.5 * w.p99)}`)
    row(`fan-out p99, ${clients} clients`, ms(k.p99), ms(r.p99), ms(w.p99), ratio(k.p99, r.p99), ratio(k.p99, w.p99), targets.join('; '))
    const memoryOnly = latency.get(KRING_NO_DISK_SYNC)?.get(clients)
    if (memoryOnly !== undefined) {
      row(`… p50 / p99 with SQLite on tmpfs (diagnosis)`, `${ms(memoryOnly.p50)} / ${ms(memoryOnly.p99)}`, '', '', `${ratio(memoryOnly.p50, r.p50)} / ${ratio(memoryOnly.p99, r.p99)}`, `${ratio(memoryOnly.p50, w.p50)} / ${ratio(memoryOnly.p99, w.p99)}`, '')
    }
  }
  const [tk, tr, tw] = [KRING, REFERENCE, RAW].map((kind) => rates.get(kind)!) as [Throughput, Throughput, Throughput]
  // A server that passed the highest rate tried may do more: the benchmark client is then the limit.
  const top = THROUGHPUT_RATES[THROUGHPUT_RATES.length - 1]!
  const sustained = (t: Throughput) => `${t.sustained === top ? '≥ ' : ''}${t.sustained} upd/s`
  row('throughput, 50 rooms × 4 clients, p99 ≤ 100 ms', sustained(tk), sustained(tr), sustained(tw), ratio(tk.sustained, tr.sustained), ratio(tk.sustained, tw.sustained), '')
  for (const [kind, label] of [[KRING_POSTGRES, 'throughput, Kring on PostgreSQL'], [KRING_NO_DISK_SYNC, 'throughput, Kring with SQLite on tmpfs (diagnosis)']] as const) {
    const result = rates.get(kind)
    if (result !== undefined) row(label, sustained(result), sustained(tr), sustained(tw), ratio(result.sustained, tr.sustained), ratio(result.sustained, tw.sustained), '')
  }
  for (const [size, bySever] of memory) {
    const [mk, mr] = [bySever.get(KRING)!, bySever.get(REFERENCE)!]
    // Two runs of the same server differ by about 1%: within 2% counts as equal.
    row(`memory per open room, ${size} plan`, kib(mk), kib(mr), '—', ratio(mk, mr), '—', `≤ reference (±2%): ${verdict(mk <= mr * 1.02)}`)
  }
  row('load a 1 MB plan from SQLite (connect → whole plan)', ms(load.sqlite), '—', '—', '—', '—', `${ratio(load.sqlite, load.floor)} of decoding it alone (${ms(load.floor)})`)
  if (load.postgres !== undefined) {
    row('load a 1 MB plan from PostgreSQL', ms(load.postgres), '—', '—', '—', '—', `${ratio(load.postgres, load.floor)} of decoding it alone`)
  }
  const [rk, rr] = [reconnect.get(KRING)!, reconnect.get(REFERENCE)!]
  row(
    `bytes on reconnect after 100 offline edits (edits ${kib(rk.edits)}, plan ${kib(rk.plan)})`,
    kib(rk.reconnect),
    kib(rr.reconnect),
    '—',
    ratio(rk.reconnect, rr.reconnect),
    '—',
    `${((100 * rk.reconnect) / rk.plan).toFixed(1)}% of the plan, ${ratio(rk.reconnect, rk.edits)} the edits: ${verdict(rk.reconnect < rk.plan / 10)}`,
  )
  process.stdout.write(`${lines.join('\n')}\n`)
  process.stdout.write(`\nthroughput steps (rate asked → sent, p99):\n`)
  for (const [kind, result] of rates) {
    process.stdout.write(`- ${kind.name}: ${result.steps.map((step) => `${step.rate} → ${step.sent}/s, ${ms(step.p99)}${step.missing ? ` (${step.missing} missing)` : ''}`).join('; ')}\n`)
  }
  progress('versions: bytes and time per saved version')
  process.stdout.write(`\nversions of a plan (bench/versions.ts):\n${versionRows().join('\n')}\n`)
  progress(`done in ${((Date.now() - began) / 1000).toFixed(0)} s`)
}

// `npm run bench -- client`: the app's loading in Chromium instead (bench/client/loading.ts).
const part = process.argv[2] === 'client' ? import('./client/loading.ts').then(() => {}) : main()
part
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
  })
