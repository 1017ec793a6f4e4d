/**
 * `npm run bench -- tail`: what the slowest edits of fan-out at 50 clients
 * were slowed by, since at 50 clients that figure of Kring's relay and of
 * the reference lie within the spread of identical relays
 * (bench/RESULTS.md). Kring's relay and the reference server are measured
 * in turn (rounds, each begun by the next server, each measurement followed
 * by a wait until the server is at rest); each records when its garbage
 * collections paused its event loop, and Kring's relay also when each
 * update reached its room and its broadcast ended, and when each commit and
 * compaction was handed over and answered (bench/servers/tailTrace.ts,
 * kringTrace.ts), on the clock the benchmark reads too.
 *
 * A slow edit is one whose last reader got it later than the p99 of all
 * readers' latencies (so there are more slow edits than 1 % of them). For
 * Kring's relay each slow edit is put down to the first of these, in this
 * order, that happened while the relay had it (from sending to the end of
 * its broadcast): a garbage collection; a commit handed over or answered; a
 * compaction handed over or taken back. With none of them, to the phase that
 * ran longest past its own median over all edits: sending to the room (the
 * benchmark writing it, the kernel, the relay's event loop busy or off its
 * core, ws reading it), the room (taking it in and writing it to 49
 * sockets), or after the broadcast (the kernel and the benchmark's one
 * thread reading 49 sockets). The reference records its collections alone.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Spans, TailTrace } from './servers/tailTrace.ts'
import { fanOutLatencies, roundOrder, type TimedEdit } from './latency.ts'
import { atRest } from './support/atRest.ts'
import { KRING, REFERENCE, startServer, type RunningServer } from './support/servers.ts'
import { median, percentile } from './support/stats.ts'

const CLIENTS = Number(process.env.KRING_BENCH_TAIL_CLIENTS ?? 50)
const SAMPLES = 900
const WARM_UP_PASSES = 2
const ROUNDS = Number(process.env.KRING_BENCH_ROUNDS ?? 6)

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`)

/** One server's timed edits and what it recorded meanwhile. */
interface Measured {
  edits: TimedEdit[]
  trace: TailTrace
}

const emptyTrace = (): TailTrace => ({ gc: [], updates: [], commits: [], compactions: [] })

async function measure(servers: RunningServer[]): Promise<Map<RunningServer, Measured>> {
  const measured = new Map(servers.map((server) => [server, { edits: [], trace: emptyTrace() } as Measured]))
  for (const server of servers) {
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
      await fanOutLatencies(server, CLIENTS, SAMPLES)
      await atRest(server)
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const server of roundOrder(servers, round)) {
      const into = measured.get(server)!
      await server.ask<TailTrace>('trace')
      const latencies = await fanOutLatencies(server, CLIENTS, SAMPLES, (edit) => into.edits.push(edit))
      if (latencies === 'lost') progress(`${server.kind.name} lost an update in round ${round + 1}: the edits before it are counted`)
      const trace = await server.ask<TailTrace>('trace')
      for (const name of Object.keys(into.trace) as (keyof TailTrace)[]) into.trace[name].push(...trace[name])
      await atRest(server)
    }
  }
  return measured
}

/** The spans as [start, end] pairs. */
function pairs(spans: Spans): [number, number][] {
  const out: [number, number][] = []
  for (let index = 0; index < spans.length; index += 2) out.push([spans[index]!, spans[index + 1]!])
  return out
}

const overlaps = ([from, to]: [number, number], start: number, end: number) => from < end && to > start
const within = (moments: Spans, start: number, end: number) => moments.some((at) => at > start && at < end)

/** An edit's phases in ms: sending to its room, in the room (broadcast included), after the broadcast until its last reader had it. */
interface Phases {
  toRoom: number
  inRoom: number
  after: number
}

type Phase = keyof Phases
type Event = 'gc' | 'commit' | 'compaction'
type Cause = Event | Phase | 'unmatched'

const PHASES: Record<Phase, string> = {
  toRoom: 'sending to the room',
  inRoom: 'in the room (broadcast included)',
  after: 'after the broadcast',
}

const CAUSES: Record<Cause, string> = {
  gc: "a garbage collection of the server's event loop",
  commit: 'a commit handed to the storage thread, or its answer',
  compaction: 'a compaction handed over or taken back',
  toRoom: `the longest past its median: ${PHASES.toRoom}`,
  inRoom: `the longest past its median: ${PHASES.inRoom}`,
  after: `the longest past its median: ${PHASES.after}`,
  unmatched: 'no update recorded for it',
}

/** One timed edit as the analysis sees it: its window on the clock, and the relay's part of it. */
interface EditView {
  slow: boolean
  sentNs: number
  /** When its last reader had it. */
  endNs: number
  /** When the relay's broadcast of it ended; the end of the edit when the server records no updates. */
  relayEndNs: number
  phases: Phases | undefined
}

/** Each edit with its matching update (the first taken in after it was sent: edits run one at a time). */
function viewEdits(edits: TimedEdit[], updateSpans: Spans, p99: number, recordsUpdates: boolean): EditView[] {
  const updates = pairs(updateSpans).sort((a, b) => a[0] - b[0])
  let next = 0
  return edits.map((edit) => {
    const last = Math.max(...edit.latencies)
    const endNs = edit.sentNs + last * 1e6
    while (next < updates.length && updates[next]![0] < edit.sentNs) next++
    const update = next < updates.length && updates[next]![0] <= endNs ? updates[next] : undefined
    const phases = update && { toRoom: (update[0] - edit.sentNs) / 1e6, inRoom: (update[1] - update[0]) / 1e6, after: (endNs - update[1]) / 1e6 }
    const relayEndNs = recordsUpdates ? (update?.[1] ?? endNs) : endNs
    return { slow: last > p99, sentNs: edit.sentNs, endNs, relayEndNs, phases }
  })
}

/** The first event of the server's that happened while the relay had the edit, if any. */
function eventDuring(edit: EditView, trace: TailTrace, gc: [number, number][]): Event | undefined {
  if (gc.some((pause) => overlaps(pause, edit.sentNs, edit.relayEndNs))) return 'gc'
  if (within(trace.commits, edit.sentNs, edit.relayEndNs)) return 'commit'
  if (within(trace.compactions, edit.sentNs, edit.relayEndNs)) return 'compaction'
  return undefined
}

/** The phase that ran longest past its median over all edits. */
function longestPastMedian(phases: Phases, medians: Phases): Phase {
  return (Object.keys(phases) as Phase[]).reduce((longest, phase) => (phases[phase] - medians[phase] > phases[longest] - medians[longest] ? phase : longest))
}

interface Anatomy {
  p50: number
  p99: number
  edits: number
  slow: Record<Cause, number>
  /** Pauses that overlapped a timed edit, in ms. */
  gcPauses: number[]
  /** Share of all edits and of the slow ones that a commit was handed over or answered in while the relay had them. */
  withCommit: { all: number; slow: number }
  /** The relay's phases, p50 over all edits and over the slow ones; undefined for a server that records no updates. */
  phases: { all: Phases; slow: Phases } | undefined
}

function medianPhases(views: EditView[]): Phases {
  const of = (phase: Phase) => median(views.flatMap((view) => (view.phases ? [view.phases[phase]] : [])))
  return { toRoom: of('toRoom'), inRoom: of('inRoom'), after: of('after') }
}

function anatomy({ edits, trace }: Measured): Anatomy {
  const samples = edits.flatMap((edit) => edit.latencies)
  const p99 = percentile(samples, 0.99)
  const recordsUpdates = trace.updates.length > 0
  const views = viewEdits(edits, trace.updates, p99, recordsUpdates)
  const slowViews = views.filter((view) => view.slow)
  const gc = pairs(trace.gc)
  const medians = medianPhases(views)
  const slow: Record<Cause, number> = { gc: 0, commit: 0, compaction: 0, toRoom: 0, inRoom: 0, after: 0, unmatched: 0 }
  for (const view of slowViews) {
    const cause: Cause = eventDuring(view, trace, gc) ?? (!recordsUpdates ? 'after' : view.phases ? longestPastMedian(view.phases, medians) : 'unmatched')
    slow[cause]++
  }
  const commitShare = (of: EditView[]) => of.filter((view) => within(trace.commits, view.sentNs, view.relayEndNs)).length / Math.max(1, of.length)
  return {
    p50: percentile(samples, 0.5),
    p99,
    edits: edits.length,
    slow,
    gcPauses: gc.filter((pause) => views.some((view) => overlaps(pause, view.sentNs, view.endNs))).map(([from, to]) => (to - from) / 1e6),
    withCommit: { all: commitShare(views), slow: commitShare(slowViews) },
    phases: recordsUpdates ? { all: medians, slow: medianPhases(slowViews) } : undefined,
  }
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(3)} ms` : '–')
const percent = (share: number) => `${(100 * share).toFixed(1)} %`

/** A slow-edit count for the table: the reference records no phases, so its edits without a GC are not told apart. */
function causeCell(anatomy: Anatomy, cause: Cause): string {
  if (anatomy.phases !== undefined) return String(anatomy.slow[cause])
  // Without the end of its broadcast, a collection anywhere in the edit counts, its benchmark's side too.
  if (cause === 'gc') return `${anatomy.slow.gc} (anywhere in the edit)`
  return cause === 'after' ? `${anatomy.slow.after} (not told apart)` : '–'
}

function table(byServer: Map<RunningServer, Anatomy>): string[] {
  const servers = [...byServer.keys()]
  const lines = [`| ${CLIENTS} clients, ${ROUNDS} rounds of ${SAMPLES} edits | ${servers.map((server) => server.kind.name).join(' | ')} |`, `| --- |${servers.map(() => ' ---: |').join('')}`]
  const row = (name: string, cell: (anatomy: Anatomy) => string) => lines.push(`| ${name} | ${servers.map((server) => cell(byServer.get(server)!)).join(' | ')} |`)
  row('fan-out p50 / p99', (a) => `${ms(a.p50)} / ${ms(a.p99)}`)
  row('slow edits: the last reader past the p99 (of all timed)', (a) => `${Object.values(a.slow).reduce((sum, n) => sum + n, 0)} of ${a.edits}`)
  for (const cause of Object.keys(CAUSES) as Cause[]) row(`… ${CAUSES[cause]}`, (a) => causeCell(a, cause))
  row('garbage collections during timed edits: count, median, max', (a) => (a.gcPauses.length === 0 ? '0' : `${a.gcPauses.length}, ${ms(median(a.gcPauses))}, ${ms(Math.max(...a.gcPauses))}`))
  // Only a server that records its updates (Kring's relay) has commits and phases to show.
  row('edits a commit was handed over or answered in while the relay had them: of all / of the slow', (a) => (a.phases ? `${percent(a.withCommit.all)} / ${percent(a.withCommit.slow)}` : '–'))
  for (const phase of Object.keys(PHASES) as Phase[]) row(`${PHASES[phase]}, p50 of all / of the slow edits`, (a) => (a.phases ? `${ms(a.phases.all[phase])} / ${ms(a.phases.slow[phase])}` : '–'))
  return lines
}

const dataDir = await mkdtemp(join(tmpdir(), 'kring-bench-tail-'))
const servers = [
  await startServer(KRING, { DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined, KRING_ROOM_IDLE_MS: '0', KRING_BENCH_TRACE: '1' }),
  await startServer(REFERENCE, { KRING_BENCH_TRACE: '1' }),
]
try {
  progress(`the slowest edits of fan-out at ${CLIENTS} clients, ${WARM_UP_PASSES} passes to warm up, then ${ROUNDS} rounds of ${SAMPLES} edits, servers in turn`)
  const measured = await measure(servers)
  const lines = table(new Map(servers.map((server) => [server, anatomy(measured.get(server)!)])))
  process.stdout.write(`\nwhat slowed the slowest edits (bench/tailAnatomy.ts):\n${lines.join('\n')}\n`)
} finally {
  await Promise.all(servers.map((server) => server.kill()))
  await rm(dataDir, { recursive: true, force: true })
}
