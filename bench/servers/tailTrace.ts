/**
 * What a benchmarked server records for `npm run bench -- tail`
 * (bench/tailAnatomy.ts) when KRING_BENCH_TRACE=1: when each of its
 * garbage collections paused the event loop and, for Kring's relay, when
 * each update was taken in and its broadcast had ended, on the clock the
 * benchmark reads too (monotonicClock.ts). Asked `trace` over IPC, the server
 * answers with what it recorded since it was last asked.
 */
import { PerformanceObserver } from 'node:perf_hooks'
import { nowNs } from '../support/monotonicClock.ts'

/** Start and end of each span, in ns of process.hrtime, as one flat list: [start, end, start, end, ...]. */
export type Spans = number[]

/** What a server answers when asked `trace`. */
export interface TailTrace {
  /** Each garbage collection of the main thread. */
  gc: Spans
  /** Each update a room took in, from its arrival in Room.receiveUpdate to the end of its broadcast (Kring's relay only). */
  updates: Spans
  /** Each commit, from handing it to the storage thread to hearing back (Kring's relay on SQLite only). */
  commits: Spans
  /** Each compaction, of a room in memory or in storage, from handing it over to hearing back (Kring's relay only). */
  compactions: Spans
}

const trace: TailTrace = { gc: [], updates: [], commits: [], compactions: [] }

/**
 * Records the event loop's garbage collections from now on, and answers
 * `trace` questions. Returns the other lists, for a server that can say
 * when it took each update in, committed and compacted.
 */
export function traceWhenAsked(): Omit<TailTrace, 'gc'> | undefined {
  if (process.env.KRING_BENCH_TRACE !== '1') return undefined
  new PerformanceObserver((list) => {
    // Entries come after the pause; their times are on performance.now()'s clock, so shift them onto hrtime's.
    const shift = nowNs() - performance.now() * 1e6
    for (const entry of list.getEntries()) trace.gc.push(shift + entry.startTime * 1e6, shift + (entry.startTime + entry.duration) * 1e6)
  }).observe({ entryTypes: ['gc'] })
  process.on('message', (question) => {
    if (question !== 'trace') return
    process.send?.(Object.fromEntries(Object.entries(trace).map(([name, spans]) => [name, spans.splice(0)])) as TailTrace)
  })
  return trace
}
