/**
 * `npm run bench -- wake`: what handing the storage thread a commit costs the
 * event loop, under each way of scheduling that thread. The event loop posts
 * a commit's appends every QUICK_GATHER_MS, as the relay's SQLite storage
 * does on a healthy disk (commitPacing.ts; 50 ms before 6503428, which the
 * figures in bench/RESULTS.md up to then were measured with), while it keeps busy as a relay passing edits on, and another process
 * keeps a core busy (on a two-core server: the other relay process, or the
 * clients of a benchmark). Each post wakes the thread, and a thread that
 * preempts the event loop when it wakes holds it up in the middle of that
 * post for as long as the thread runs (backgroundPriority.ts).
 * One more arm posts the appends as an array of {room, update}, as the
 * relay did before its storage packed them as they came (packedAppends.ts):
 * what the copy of every item, made as the array is posted, costs.
 * Printed: how long each post held the event loop, per arm, and the ratio
 * of its p99 and maximum to those of the normal policy in the same run.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { QUICK_GATHER_MS } from '../server/storage/commitPacing.ts'
import { PackedAppends } from '../server/storage/packedAppends.ts'
import { startTsWorker } from '../server/workers/startTsWorker.ts'
import { percentile } from './support/stats.ts'

/**
 * The storage thread as a new thread runs (normal policy, the relay's nice
 * value), at nice + 10 only, and as the relay runs it (runInBackground);
 * the appends packed and transferred (as the relay hands them over), but in
 * the last arm posted as an array (as it did before).
 */
export type WakeArm = 'normal' | 'nice' | 'relay' | 'array'
const ARMS: WakeArm[] = ['normal', 'nice', 'relay', 'array']
const ARM_NAMES: Record<WakeArm, string> = {
  normal: 'normal policy',
  nice: 'nice + 10',
  relay: 'nice + 10 and SCHED_BATCH (the relay)',
  array: 'the relay, its appends posted as an array',
}
/** Turns of every arm, each arm first once; seconds each arm is measured per turn. */
const TURNS = 3
const SECONDS_PER_TURN = 4
/** Appends per commit: QUICK_GATHER_MS of edits at 4,000 a second, what the fan-out benchmark sends at 10 clients. */
const APPENDS_PER_COMMIT = Math.round((4_000 * QUICK_GATHER_MS) / 1_000)
/** The event loop's own work between posts, in turns of this many microseconds: a relay passing edits on. */
const EDIT_MICROS = 60

async function measureArm(arm: WakeArm): Promise<number[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kring-wake-'))
  const worker = startTsWorker(new URL('./support/commitWorker.ts', import.meta.url))
  // A worker that fails, at start or while it commits, fails the arm: its figures would not be of commits.
  let failed: Error | undefined
  worker.on('error', (error) => (failed = error))
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve())
      worker.once('error', reject)
      worker.postMessage({ arm, dataDir })
    })
    const group = Array.from({ length: APPENDS_PER_COMMIT }, (_, index) => ({ room: 'plan-wake/partnerschapskaart', update: new Uint8Array(40).fill(index) }))
    const posts: number[] = []
    const ends = performance.now() + SECONDS_PER_TURN * 1000
    let nextCommit = performance.now() + QUICK_GATHER_MS
    while (performance.now() < ends) {
      if (performance.now() >= nextCommit) {
        // As the relay has it: packed as the edits came (not timed here: a little with each edit), then
        // copied into one buffer and posted transferred, in one turn (timed: SqliteStorage.commit).
        const gathered = arm === 'array' ? undefined : PackedAppends.of(group)
        const started = performance.now()
        if (gathered === undefined) worker.postMessage(group)
        else {
          const packed = gathered.bytes()
          worker.postMessage(packed, [packed.buffer])
        }
        posts.push((performance.now() - started) * 1000)
        nextCommit += QUICK_GATHER_MS
      }
      const busyUntil = performance.now() + EDIT_MICROS / 1000
      while (performance.now() < busyUntil);
      await new Promise((resolve) => setImmediate(resolve))
      if (failed !== undefined) throw failed
    }
    return posts
  } finally {
    await worker.terminate()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const otherProcess = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })
  const posts = new Map<WakeArm, number[]>(ARMS.map((arm) => [arm, []]))
  try {
    for (let turn = 0; turn < TURNS; turn++) {
      for (const arm of [...ARMS.slice(turn % ARMS.length), ...ARMS.slice(0, turn % ARMS.length)]) posts.get(arm)!.push(...(await measureArm(arm)))
    }
  } finally {
    otherProcess.kill()
  }
  const normal = posts.get('normal')!
  const lines = ['| storage thread scheduled as | posts | p50 µs | p99 µs | max µs | p99 ÷ normal | max ÷ normal |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |']
  for (const arm of ARMS) {
    const held = posts.get(arm)!
    const max = Math.max(...held)
    lines.push(
      `| ${ARM_NAMES[arm]} | ${held.length} | ${percentile(held, 0.5).toFixed(0)} | ${percentile(held, 0.99).toFixed(0)} | ${max.toFixed(0)} | ${(percentile(held, 0.99) / percentile(normal, 0.99)).toFixed(2)}× | ${(max / Math.max(...normal)).toFixed(2)}× |`,
    )
  }
  process.stdout.write(`\nthe event loop held up by handing the storage thread a commit (bench/workerWake.ts):\n${lines.join('\n')}\n`)
}

await main()
