import { joinRoom } from './latency.ts'
import type { BenchSocket } from './support/benchSocket.ts'
import type { RunningServer } from './support/servers.ts'
import { percentile } from './support/stats.ts'
import { prepareTyping, type PreparedEdit } from './support/typing.ts'

export interface ThroughputStep {
  /** Updates per second asked for, over all rooms. */
  rate: number
  /** Updates per second the benchmark managed to send. */
  sent: number
  p99: number
  /** Deliveries that had not arrived 2 s after the step ended. */
  missing: number
}

export interface Throughput {
  /** The highest rate at which p99 stayed within the limit, in updates/s; 0 if none did. */
  sustained: number
  steps: ThroughputStep[]
}

const P99_LIMIT_MS = 100
const STEP_MS = 3_000
const DRAIN_MS = 2_000

/**
 * `rooms` rooms of `perRoom` clients, every client typing, at rising rates
 * until the p99 fan-out latency passes 100 ms (or an update goes missing),
 * twice in a row at the same rate.
 */
export async function throughput(
  server: RunningServer,
  { rooms, perRoom, rates }: { rooms: number; perRoom: number; rates: number[] },
): Promise<Throughput> {
  const members = (await Promise.all(Array.from({ length: rooms }, (_, room) => joinRoom(server, `throughput-${room}`, perRoom)))).flat()
  const steps: ThroughputStep[] = []
  const failed = (step: ThroughputStep) => step.p99 > P99_LIMIT_MS || step.missing > 0
  for (const rate of rates) {
    let step = await runStep(members, perRoom - 1, rate)
    // On a shared machine one stall of another process can spoil a 3 s step: a rate fails only if it fails twice.
    if (failed(step)) step = await runStep(members, perRoom - 1, rate)
    steps.push(step)
    if (failed(step)) break
  }
  for (const socket of members) socket.close()
  const passed = steps.filter((step) => !failed(step))
  return { sustained: passed.length === 0 ? 0 : passed[passed.length - 1]!.rate, steps }
}

async function runStep(members: BenchSocket[], receiversPerUpdate: number, rate: number): Promise<ThroughputStep> {
  const perMember = Math.ceil((rate * STEP_MS) / 1000 / members.length) + 1
  // Fresh writers each step: an edit that was prepared but not sent never holds up the next step.
  const queues: PreparedEdit[][] = members.map(() => prepareTyping(perMember))
  const sentAt = new Map<string, { at: number; by: BenchSocket }>()
  const latencies: number[] = []
  for (const member of members) {
    member.onUpdate = (id, at) => {
      const sent = sentAt.get(id)
      // The reference server also echoes an update to its sender; only the others count.
      if (sent !== undefined && sent.by !== member) latencies.push(at - sent.at)
    }
  }
  const start = performance.now()
  let sent = 0
  let next = 0
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - start
      const due = Math.min(Math.floor((rate * Math.min(elapsed, STEP_MS)) / 1000), perMember * members.length)
      for (; sent < due; sent++) {
        const index = next++ % members.length
        const edit = queues[index]!.shift()
        if (edit === undefined) continue
        sentAt.set(edit.id, { at: performance.now(), by: members[index]! })
        members[index]!.send(edit.frame)
      }
      if (elapsed >= STEP_MS) {
        clearInterval(tick)
        resolve()
      }
    }, 5)
  })
  const sendSeconds = (performance.now() - start) / 1000
  const expected = sentAt.size * receiversPerUpdate
  const drainUntil = performance.now() + DRAIN_MS
  while (latencies.length < expected && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20))
  for (const member of members) member.onUpdate = undefined
  const missing = expected - latencies.length
  return { rate, sent: Math.round(sentAt.size / sendSeconds), p99: missing > 0 ? Number.POSITIVE_INFINITY : percentile(latencies, 0.99), missing }
}
