/**
 * `npm run bench -- tail`: what the slowest edits of fan-out at 50 clients
 * (those past the p99) were slowed by, since at 50 clients that figure of
 * Kring's relay and of the reference lie within the spread of identical
 * relays (bench/RESULTS.md). Kring's relay and the reference server are
 * measured in turn, as `npm run bench` measures them; each records when its
 * garbage collections paused its event loop, and Kring's relay also when
 * each update reached its room and its broadcast ended, and when each
 * commit and compaction was handed over and answered
 * (bench/servers/tailTrace.ts, kringTrace.ts), on the clock the benchmark
 * reads too. Each slow edit is put down to the first that overlapped it: a
 * garbage collection; a commit handed over or answered; the storage thread
 * committing; a compaction handed over or taken back; the update reaching
 * its room over a millisecond after it was sent (the event loop busy or off
 * its core); the room taking over a millisecond with it; otherwise the time
 * after the relay had written it to every socket (the benchmark's process,
 * one thread reading 49 sockets, or the kernel). The reference records its
 * collections alone, so the rest of its slow edits are not told apart.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TailTrace } from './servers/tailTrace.ts'
import { fanOutLatencies, type TimedEdit } from './latency.ts'
import { atRest } from './support/atRest.ts'
import { KRING, REFERENCE, startServer, type RunningServer } from './support/servers.ts'
import { median, percentile } from './support/stats.ts'

const CLIENTS = Number(process.env.KRING_BENCH_TAIL_CLIENTS ?? 50)
const SAMPLES = 900
const WARM_UP_PASSES = 2
const ROUNDS = Number(process.env.KRING_BENCH_ROUNDS ?? 6)
/** A phase longer than this slowed an edit (a normal edit's phases take a tenth to a third of it). */
const SLOW_PHASE_MS = 1

/** One server's timed edits and what it recorded meanwhile. */
interface Measured {
  edits: TimedEdit[]
  trace: TailTrace
}

async function measure(servers: RunningServer[]): Promise<Map<RunningServer, Measured>> {
  const measured = new Map(servers.map((server) => [server, { edits: [], trace: { gc: [], updates: [], commits: [], compactions: [] } } as Measured]))
  for (const server of servers) for (let pass = 0; pass < WARM_UP_PASSES; pass++) await fanOutLatencies(server, CLIENTS, SAMPLES)
  for (let round = 0; round < ROUNDS; round++) {
    for (const server of [...servers.slice(round % servers.length), ...servers.slice(0, round % servers.length)]) {
      const into = measured.get(server)!
      await server.ask<TailTrace>('trace')
      await fanOutLatencies(server, CLIENTS, SAMPLES, (edit) => into.edits.push(edit))
      const trace = await server.ask<TailTrace>('trace')
      for (const name of Object.keys(into.trace) as (keyof TailTrace)[]) into.trace[name].push(...trace[name])
      await atRest(server)
    }
  }
  return measured
}

/** The spans as [start, end] pairs. */
function pairs(spans: number[]): [number, number][] {
  const out: [number, number][] = []
  for (let index = 0; index < spans.length; index += 2) out.push([spans[index]!, spans[index + 1]!])
  return out
}

type Cause = 'gc' | 'commit' | 'committing' | 'compaction' | 'toRelay' | 'inRelay' | 'after'
const CAUSES: Record<Cause, string> = {
  gc: "a garbage collection of the server's event loop",
  commit: 'a commit handed to the storage thread, or its answer, while it was under way',
  committing: 'the storage thread committing (and syncing) while it was under way',
  compaction: 'a compaction handed over or taken back while it was under way',
  toRelay: `reached the room over ${SLOW_PHASE_MS} ms after it was sent`,
  inRelay: `the room took over ${SLOW_PHASE_MS} ms with it (broadcast included)`,
  after: "after the server had written it (the benchmark's side)",
}

interface Anatomy {
  p50: number
  p99: number
  edits: number
  slow: Record<Cause, number>
  gcPauses: number[]
  /** Of all edits and of the slow ones, the share a commit was handed over or answered in: what chance alone gives, against what the tail has. */
  withCommit: [number, number]
  /** Kring's phases in ms, p50 over all edits and over the slow ones: to its room, in it. */
  phases?: { toRelay: [number, number]; inRelay: [number, number] }
}

function anatomy({ edits, trace }: Measured): Anatomy {
  const samples = edits.flatMap((edit) => edit.latencies)
  const p99 = percentile(samples, 0.99)
  const gc = pairs(trace.gc)
  const updates = pairs(trace.updates).sort((a, b) => a[0] - b[0])
  const commitMoments = trace.commits
  const compactionMoments = trace.compactions
  const commits = pairs(trace.commits)
  const slow: Record<Cause, number> = { gc: 0, commit: 0, committing: 0, compaction: 0, toRelay: 0, inRelay: 0, after: 0 }
  const phases = { toRelay: [[], []] as number[][], inRelay: [[], []] as number[][] }
  const withCommit = { all: 0, slow: 0 }
  let slowCount = 0
  let next = 0
  for (const edit of edits) {
    const last = Math.max(...edit.latencies)
    const end = edit.sentNs + last * 1e6
    const isSlow = last > p99
    while (next < updates.length && updates[next]![0] < edit.sentNs) next++
    const update = next < updates.length && updates[next]![0] <= end ? updates[next] : undefined
    const toRelay = update === undefined ? undefined : (update[0] - edit.sentNs) / 1e6
    const inRelay = update === undefined ? undefined : (update[1] - update[0]) / 1e6
    if (toRelay !== undefined && inRelay !== undefined) {
      phases.toRelay[0]!.push(toRelay)
      phases.inRelay[0]!.push(inRelay)
      if (isSlow) phases.toRelay[1]!.push(toRelay), phases.inRelay[1]!.push(inRelay)
    }
    const commitDuring = commitMoments.some((at) => at > edit.sentNs && at < end)
    if (commitDuring) withCommit.all++
    if (!isSlow) continue
    slowCount++
    if (commitDuring) withCommit.slow++
    if (gc.some(([from, to]) => from < end && to > edit.sentNs)) slow.gc++
    else if (commitDuring) slow.commit++
    else if (commits.some(([from, to]) => from < end && to > edit.sentNs)) slow.committing++
    else if (compactionMoments.some((at) => at > edit.sentNs && at < end)) slow.compaction++
    else if (toRelay !== undefined && toRelay > SLOW_PHASE_MS) slow.toRelay++
    else if (inRelay !== undefined && inRelay > SLOW_PHASE_MS) slow.inRelay++
    else slow.after++
  }
  const p50Of = ([all, slowOnes]: number[][]): [number, number] => [median(all!), median(slowOnes!)]
  return {
    p50: percentile(samples, 0.5),
    p99,
    edits: edits.length,
    slow,
    gcPauses: gc.map(([from, to]) => (to - from) / 1e6),
    withCommit: [withCommit.all / edits.length, withCommit.slow / slowCount],
    phases: updates.length > 0 ? { toRelay: p50Of(phases.toRelay), inRelay: p50Of(phases.inRelay) } : undefined,
  }
}

function table(byServer: Map<RunningServer, Anatomy>): string[] {
  const servers = [...byServer.keys()]
  const lines = [`| ${CLIENTS} clients, ${ROUNDS} rounds of ${SAMPLES} edits | ${servers.map((server) => server.kind.name).join(' | ')} |`, `| --- |${servers.map(() => ' ---: |').join('')}`]
  const row = (name: string, cell: (anatomy: Anatomy) => string) => lines.push(`| ${name} | ${servers.map((server) => cell(byServer.get(server)!)).join(' | ')} |`)
  const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(3)} ms`)
  row('fan-out p50 / p99', (a) => `${ms(a.p50)} / ${ms(a.p99)}`)
  row('edits past the p99 (of all timed)', (a) => `${Object.values(a.slow).reduce((sum, n) => sum + n, 0)} of ${a.edits}`)
  // A server that records no phases cannot tell its own time from the benchmark's: the rest is not put down to either.
  const unrecorded = (a: Anatomy, cause: Cause) => a.phases === undefined && cause !== 'gc'
  for (const cause of Object.keys(CAUSES) as Cause[]) row(`… slowed by: ${CAUSES[cause]}`, (a) => (unrecorded(a, cause) ? (cause === 'after' ? `${a.slow.after} (not told apart)` : '–') : String(a.slow[cause])))
  row('garbage collections of the event loop while timed: count, median, max', (a) => `${a.gcPauses.length}, ${ms(median(a.gcPauses))}, ${ms(Math.max(...a.gcPauses))}`)
  row('edits a commit was handed over or answered in: of all / of the slow', (a) => (a.phases ? `${(100 * a.withCommit[0]).toFixed(1)} % / ${(100 * a.withCommit[1]).toFixed(1)} %` : '–'))
  row('sent → in the room, p50 of all / of the slow edits', (a) => (a.phases ? `${ms(a.phases.toRelay[0])} / ${ms(a.phases.toRelay[1])}` : '–'))
  row('in the room (broadcast included), p50 of all / of the slow edits', (a) => (a.phases ? `${ms(a.phases.inRelay[0])} / ${ms(a.phases.inRelay[1])}` : '–'))
  return lines
}

const dataDir = await mkdtemp(join(tmpdir(), 'kring-bench-tail-'))
const servers = [
  await startServer(KRING, { DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined, KRING_ROOM_IDLE_MS: '0', KRING_BENCH_TRACE: '1' }),
  await startServer(REFERENCE, { KRING_BENCH_TRACE: '1' }),
]
try {
  process.stderr.write(`bench: the slowest edits of fan-out at ${CLIENTS} clients, ${WARM_UP_PASSES} passes to warm up, then ${ROUNDS} rounds of ${SAMPLES} edits, servers in turn\n`)
  const measured = await measure(servers)
  const lines = table(new Map(servers.map((server) => [server, anatomy(measured.get(server)!)])))
  process.stdout.write(`\nwhat slowed the slowest edits (bench/tailAnatomy.ts):\n${lines.join('\n')}\n`)
} finally {
  await Promise.all(servers.map((server) => server.kill()))
  await rm(dataDir, { recursive: true, force: true })
}
