/**
 * `npm run bench -- spread`: how far apart the fan-out figures of identical
 * servers lie in one run, the floor under any difference the fan-out figures
 * of `npm run bench` claim. Three instances of Kring's relay, alike in every
 * way, and the reference server are measured as `npm run bench` measures
 * them (warmed up, then rounds in turn, each round starting with another),
 * and each figure is printed with the largest over the smallest of Kring's
 * three. On a small shared machine a ratio between two servers closer to 1
 * than that spread says nothing about them.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fanOutInTurns, type Latency } from './latency.ts'
import { atRest } from './support/atRest.ts'
import { KRING, REFERENCE, startServer, type RunningServer } from './support/servers.ts'

const INSTANCES = 3
const CLIENT_COUNTS = [2, 10, 50]
const WARM_UP_PASSES = 3
/**
 * Rounds (KRING_BENCH_ROUNDS), rounded up to a multiple of the servers, so
 * that each begins a round equally often: the place in a round's order
 * moves a p99 (latency.ts, fanOutInTurns). With 10 rounds of four servers
 * two relays began three rounds and the reference two.
 */
const ROUNDS = Math.ceil(Number(process.env.KRING_BENCH_ROUNDS ?? 12) / (INSTANCES + 1)) * (INSTANCES + 1)
const SAMPLES = 900

async function startAll(dataDirs: string[]): Promise<RunningServer[]> {
  const servers: RunningServer[] = []
  for (let index = 0; index < INSTANCES; index++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-bench-spread-'))
    dataDirs.push(dataDir)
    // As bench/run.ts has it: rooms unload as soon as they are empty.
    servers.push(await startServer({ ...KRING, name: `Kring relay ${index + 1}` }, { DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined, KRING_ROOM_IDLE_MS: '0' }))
  }
  servers.push(await startServer(REFERENCE))
  return servers
}

function table(servers: RunningServer[], timed: Map<RunningServer, Map<number, Latency>>): string[] {
  const lines = [`| measure | ${servers.map((server) => server.kind.name).join(' | ')} | Kring's largest ÷ smallest |`, `| --- |${servers.map(() => ' ---: |').join('')} ---: |`]
  for (const clients of CLIENT_COUNTS) {
    for (const p of ['p50', 'p99'] as const) {
      const figures = servers.map((server) => timed.get(server)!.get(clients)![p])
      const kring = figures.slice(0, INSTANCES)
      lines.push(`| fan-out ${p}, ${clients} clients | ${figures.map((ms) => `${ms.toFixed(3)} ms`).join(' | ')} | ${(Math.max(...kring) / Math.min(...kring)).toFixed(2)}× |`)
    }
  }
  return lines
}

const dataDirs: string[] = []
const servers = await startAll(dataDirs)
try {
  process.stderr.write(`bench: fan-out of ${INSTANCES} identical Kring relays and the reference, ${WARM_UP_PASSES} passes to warm up, then ${ROUNDS} rounds of ${SAMPLES} edits\n`)
  const { timed } = await fanOutInTurns(servers, {
    clientCounts: CLIENT_COUNTS,
    samples: SAMPLES,
    warmUpPasses: WARM_UP_PASSES,
    rounds: ROUNDS,
    settle: async (server) => void (await atRest(server)),
  })
  const lines = table(servers, timed)
  process.stdout.write(`\nthe spread between identical servers (bench/fanOutSpread.ts):\n${lines.join('\n')}\n`)
} finally {
  await Promise.all(servers.map((server) => server.kill()))
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })))
}
