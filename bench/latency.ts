import { BenchSocket } from './support/benchSocket.ts'
import { nowNs } from './support/monotonicClock.ts'
import { COLLECT_EVERY, collectOwnGarbage } from './support/ownGarbage.ts'
import { RAW, type RunningServer } from './support/servers.ts'
import { percentile } from './support/stats.ts'
import { prepareTyping } from './support/typing.ts'

export interface Latency {
  p50: number
  p99: number
}

/** Every update's latency in milliseconds, or `lost` when one never arrived. */
export type Latencies = number[] | 'lost'

/** p50 and p99 of latencies pooled from several rounds; lost in any round is lost. */
export function summarise(rounds: Latencies[]): Latency {
  if (rounds.some((round) => round === 'lost')) return { p50: Number.POSITIVE_INFINITY, p99: Number.POSITIVE_INFINITY }
  const all = (rounds as number[][]).flat()
  return { p50: percentile(all, 0.5), p99: percentile(all, 0.99) }
}

let rooms = 0

/** How long an update may take to reach every reader before it counts as lost. */
const LOST_AFTER_MS = 10_000

/**
 * Fan-out latency in one room of `clients`: one client types, one character
 * per update, each sent once the previous one has reached every other client;
 * the latency of an update is the time from sending it until it arrives at
 * each of the others, in milliseconds.
 */
export async function fanOutLatency(server: RunningServer, clients: number, samples: number): Promise<Latency> {
  return summarise([await fanOutLatencies(server, clients, samples)])
}

/** One timed edit: when it was sent (monotonicClock.ts) and how long it took to reach each reader, in the order they got it (ms). */
export interface TimedEdit {
  sentNs: number
  latencies: number[]
}

/** fanOutLatency's measurements, each update's latency; `onEdit` is told of each timed edit as a whole. */
export async function fanOutLatencies(server: RunningServer, clients: number, samples: number, onEdit?: (edit: TimedEdit) => void): Promise<Latencies> {
  let sockets: BenchSocket[]
  try {
    sockets = await joinRoom(server, `latency-${clients}-${rooms++}`, clients)
  } catch (error) {
    if (error instanceof LostError) return 'lost'
    throw error
  }
  const [writer, ...readers] = sockets as [BenchSocket, ...BenchSocket[]]
  const warmUp = 50
  const edits = prepareTyping(warmUp + samples)
  const latencies: number[] = []
  collectOwnGarbage('major')
  for (const [index, edit] of edits.entries()) {
    // The benchmark's own collections fall between edits, not in them (ownGarbage.ts).
    if (index > 0 && index % COLLECT_EVERY === 0) collectOwnGarbage('minor')
    const sentNs = nowNs()
    const sentAt = performance.now()
    const mine: number[] = []
    const arrived = await new Promise<boolean>((resolve) => {
      let waiting = readers.length
      // An update that never arrives (a server that dropped a reader) ends the measurement as lost, not the benchmark.
      const lost = setTimeout(() => resolve(false), LOST_AFTER_MS)
      for (const reader of readers) {
        reader.onUpdate = (id, at) => {
          if (id !== edit.id) return
          mine.push(at - sentAt)
          reader.onUpdate = undefined
          if (--waiting === 0) {
            clearTimeout(lost)
            resolve(true)
          }
        }
      }
      writer.send(edit.frame)
    })
    if (!arrived) {
      for (const socket of sockets) socket.close()
      return 'lost'
    }
    if (index < warmUp) continue
    latencies.push(...mine)
    onEdit?.({ sentNs, latencies: mine })
  }
  for (const socket of sockets) socket.close()
  return latencies
}

/**
 * Opens `count` sockets to one room and waits until the server has let each
 * in: the Yjs servers greet a member with their sync step 1; the raw
 * broadcast adds a socket to its room as it opens.
 */
export async function joinRoom(server: RunningServer, room: string, count: number): Promise<BenchSocket[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const socket = await BenchSocket.open(server, room)
      if (server.kind !== RAW) {
        let wait: NodeJS.Timeout | undefined
        const refused = new Promise<never>((_, reject) => (wait = setTimeout(() => reject(new LostError(`${server.kind.name} did not let a client into ${room}`)), LOST_AFTER_MS)))
        await Promise.race([socket.greeting, refused]).finally(() => clearTimeout(wait))
      }
      return socket
    }),
  )
}

/** A server did not answer within LOST_AFTER_MS: the figure is lost, the run goes on. */
class LostError extends Error {}

/** How `fanOutInTurns` measures. */
export interface Turns {
  clientCounts: readonly number[]
  /** Edits per measurement (one server, one client count, one round). */
  samples: number
  /** Passes over every client count a server makes before it is timed. */
  warmUpPasses: number
  rounds: number
  /** Waits after each measurement until the server is at rest (atRest.ts). */
  settle(server: RunningServer): Promise<void>
}

/** The servers in the order round `round` measures them: each round begins with the next, so each stands in every place equally often. */
export function roundOrder<S>(servers: readonly S[], round: number): S[] {
  const first = round % servers.length
  return [...servers.slice(first), ...servers.slice(0, first)]
}

/** Each server's fan-out per client count: pooled over the rounds, and of its first warm-up pass alone. */
export interface FanOutInTurns {
  timed: Map<RunningServer, Map<number, Latency>>
  firstPass: Map<RunningServer, Map<number, Latencies>>
}

/**
 * Fan-out of every server, in rounds that each measure every server in
 * turn, the latencies of all rounds pooled. On a shared machine whose load
 * drifts, servers measured one after the other in a single pass would each
 * meet another machine; rounds spread the drift over all of them. Each round
 * begins with the next server, so that each stands in every place of the
 * order once: the same relay measured in four places of one order gave p99s
 * from 0.34 to 0.56 ms, the last place the lowest (bench/RESULTS.md). Every
 * server is warmed up first, and after each measurement the benchmark waits
 * until that server is at rest, so that what a room leaves behind, its
 * unloading or a debounced store, is not timed on the next server.
 */
export async function fanOutInTurns(servers: readonly RunningServer[], turns: Turns): Promise<FanOutInTurns> {
  const firstPass = new Map(servers.map((server) => [server, new Map<number, Latencies>()]))
  for (const server of servers) {
    for (let pass = 0; pass < turns.warmUpPasses; pass++) {
      for (const clients of turns.clientCounts) {
        const latencies = await fanOutLatencies(server, clients, turns.samples)
        if (pass === 0) firstPass.get(server)!.set(clients, latencies)
        await turns.settle(server)
      }
    }
  }
  const rounds = new Map(servers.map((server) => [server, new Map(turns.clientCounts.map((clients) => [clients, [] as Latencies[]]))]))
  for (let round = 0; round < turns.rounds; round++) {
    for (const server of roundOrder(servers, round)) {
      for (const clients of turns.clientCounts) {
        rounds.get(server)!.get(clients)!.push(await fanOutLatencies(server, clients, turns.samples))
        await turns.settle(server)
      }
    }
  }
  const timed = new Map([...rounds].map(([server, byCount]) => [server, new Map([...byCount].map(([clients, measured]) => [clients, summarise(measured)]))]))
  return { timed, firstPass }
}
