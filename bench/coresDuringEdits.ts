/**
 * `npm run bench -- cores`: what ran on the machine's cores during the
 * slowest edits of fan-out at 50 clients, against during an edit in general.
 * Where the tail benchmark (tailAnatomy.ts) sees what the relay did, this
 * sees who else held a core: the server's other threads, the benchmark's,
 * other processes, or nobody (a core idle while an edit waited). On a small
 * machine an edit is slow when a third thread takes one of the two cores
 * that the server's event loop and the benchmark need.
 *
 * Linux's scheduler records every switch of every core (`perf sched record`,
 * on CLOCK_MONOTONIC, the clock the benchmark reads: monotonicClock.ts), and
 * `perf sched timehist` lists each time a thread ran and how long it waited
 * for a core after it was woken. Each server (Kring's relay and the
 * reference) is warmed up, then timed in MEASUREMENTS rounds of 900 edits,
 * the servers in turn, while perf records. Needs perf (Debian's linux-perf) and the right to
 * trace the whole machine (root, or perf_event_paranoid ≤ 0); without them it
 * says so and measures nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fanOutLatencies, roundOrder, type TimedEdit } from './latency.ts'
import { atRest } from './support/atRest.ts'
import { KRING, REFERENCE, startServer, type RunningServer } from './support/servers.ts'
import { perfMissing, recordScheduler, type OnCore } from './support/schedulerRecord.ts'
import { percentile } from './support/stats.ts'

const CLIENTS = 50
const SAMPLES = 900
const MEASUREMENTS = 3
const WARM_UP_PASSES = 2

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`)

/** Who a stretch on a core was, in words. */
function whoOf(stretch: OnCore, server: RunningServer, others: RunningServer[]): string {
  const other = others.find((each) => each.pid === stretch.process)
  if (other !== undefined) return `${other.kind.name}, not measured now`
  if (stretch.process === server.pid) return stretch.thread === server.pid ? "the server's event loop" : "the server's other threads"
  if (stretch.process === process.pid) return stretch.thread === process.pid ? "the benchmark's event loop" : "the benchmark's other threads"
  if (stretch.task === '<idle>') return 'nobody (a core idle)'
  return `other: ${stretch.task}`
}

/** Per edit, in ms: how long each of `who` held a core during it, and how long the server's event loop waited for one. */
function perEdit(edits: TimedEdit[], stretches: OnCore[], server: RunningServer, others: RunningServer[]) {
  const onCore = new Map<string, number>()
  let waited = 0
  let first = 0
  // Stretches are sorted by their start: one that began before an edit can reach into it only if it began less than the longest stretch before it.
  const longest = stretches.reduce((most, stretch) => Math.max(most, stretch.to - stretch.from), 0)
  for (const edit of [...edits].sort((a, b) => a.sentNs - b.sentNs)) {
    const from = edit.sentNs
    const to = from + Math.max(...edit.latencies) * 1e6
    while (first < stretches.length && stretches[first]!.from < from - longest) first++
    for (let index = first; index < stretches.length && stretches[index]!.from < to; index++) {
      const stretch = stretches[index]!
      const overlap = Math.min(stretch.to, to) - Math.max(stretch.from, from)
      if (overlap > 0) {
        const who = whoOf(stretch, server, others)
        onCore.set(who, (onCore.get(who) ?? 0) + overlap / 1e6)
      }
      // The wait ended as this stretch began; only the part of it inside the edit counts.
      if (stretch.thread === server.pid && stretch.from > from) waited += Math.min(stretch.waitedNs, stretch.from - from) / 1e6
    }
  }
  const count = Math.max(1, edits.length)
  return { onCore: new Map([...onCore].map(([who, msTotal]) => [who, msTotal / count])), waited: waited / count }
}

/**
 * Each server warmed up, then MEASUREMENTS rounds with every server in turn
 * (each round begun by the next, as fanOutInTurns has them), under one
 * recording: so that each server is also seen idle, waiting for its next
 * turn, while another is timed.
 */
async function measure(servers: RunningServer[], dir: string) {
  for (const server of servers) {
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
      await fanOutLatencies(server, CLIENTS, SAMPLES)
      await atRest(server)
    }
  }
  const edits = new Map(servers.map((server) => [server, [] as TimedEdit[]]))
  const stretches = await recordScheduler(dir, async () => {
    for (let round = 0; round < MEASUREMENTS; round++) {
      for (const server of roundOrder(servers, round)) {
        const latencies = await fanOutLatencies(server, CLIENTS, SAMPLES, (edit) => edits.get(server)!.push(edit))
        if (latencies === 'lost') progress(`${server.kind.name} lost an update in round ${round + 1}: the edits before it are counted`)
        await atRest(server)
      }
    }
  })
  return servers.map((server) => {
    const timed = edits.get(server)!
    const others = servers.filter((other) => other !== server)
    const p99 = percentile(timed.flatMap((edit) => edit.latencies), 0.99)
    const slow = timed.filter((edit) => Math.max(...edit.latencies) > p99)
    return { server, p99, edits: timed.length, slow: slow.length, inSlow: perEdit(slow, stretches, server, others), inAll: perEdit(timed, stretches, server, others) }
  })
}

const ms = (value: number | undefined) => `${(value ?? 0).toFixed(2)} ms`

const why = perfMissing()
if (why !== undefined) progress(`${why}: nothing measured`)
else {
  const dir = await mkdtemp(join(tmpdir(), 'kring-bench-cores-'))
  const servers = [await startServer(KRING, { DATA_DIR: dir, DATABASE_URL: undefined, REDIS_URL: undefined, KRING_ROOM_IDLE_MS: '0' }), await startServer(REFERENCE)]
  try {
    progress(`who held the cores during the slowest edits of fan-out at ${CLIENTS} clients: each server warmed up, then ${MEASUREMENTS} rounds of ${SAMPLES} edits, servers in turn, under perf sched`)
    const lines: string[] = []
    for (const measured of await measure(servers, dir)) {
      const { server } = measured
      const whos = [...new Set([...measured.inSlow.onCore.keys(), ...measured.inAll.onCore.keys()])]
        .filter((who) => (measured.inSlow.onCore.get(who) ?? 0) >= 0.01)
        .sort((a, b) => (measured.inSlow.onCore.get(b) ?? 0) - (measured.inSlow.onCore.get(a) ?? 0))
      lines.push('', `${server.kind.name}: p99 ${ms(measured.p99)}, ${measured.slow} slow edits (the last reader past the p99) of ${measured.edits}`, '', '| on a core during an edit | per slow edit | per edit |', '| --- | ---: | ---: |')
      for (const who of whos) lines.push(`| ${who} | ${ms(measured.inSlow.onCore.get(who))} | ${ms(measured.inAll.onCore.get(who))} |`)
      lines.push(`| the server's event loop waiting for a core once woken | ${ms(measured.inSlow.waited)} | ${ms(measured.inAll.waited)} |`)
    }
    process.stdout.write(`\nwho held the cores (bench/coresDuringEdits.ts):\n${lines.join('\n')}\n`)
  } finally {
    await Promise.all(servers.map((server) => server.kill()))
    await rm(dir, { recursive: true, force: true })
  }
}
