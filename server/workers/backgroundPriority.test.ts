import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteStorage } from '../storage/sqlite.ts'
import { workerCompactor } from '../updates/compactor.ts'
import { backgroundNice, SCHED_BATCH } from './backgroundPriority.ts'

/** What /proc/<pid>/task/<tid>/stat says of a thread's scheduling: its nice value (the 19th field) and policy (the 41st). */
interface Scheduling {
  nice: number
  policy: number
}

function schedulingOf(stat: string): Scheduling {
  // Fields after the command name: state is the 3rd field of the line.
  const fields = stat.split(') ')[1]!.split(' ')
  return { nice: Number(fields[16]), policy: Number(fields[38]) }
}

/** The scheduling of each of this process's threads (Linux's /proc). */
function threadScheduling(): Scheduling[] {
  const threads: Scheduling[] = []
  for (const thread of readdirSync('/proc/self/task')) {
    try {
      threads.push(schedulingOf(readFileSync(`/proc/self/task/${thread}/stat`, 'utf8')))
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return threads
}

const own = () => schedulingOf(readFileSync('/proc/thread-self/stat', 'utf8'))

// On Linux this needs chrt (util-linux, on every Debian system and so on CI's): without it the relay runs all the same, and warns.
describe.runIf(process.platform === 'linux')('work that can wait runs below the event loop', () => {
  it('runs the SQLite storage and the compactor in threads of lower priority that do not preempt when woken, and leaves the calling thread as it was', async () => {
    // Relative to this thread's own (CI may run everything under `nice`).
    const mine = own()
    const lowered = () => threadScheduling().filter(({ nice, policy }) => nice === backgroundNice(mine.nice) && policy === SCHED_BATCH).length
    const before = lowered()
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-priority-'))
    const storage = await SqliteStorage.open(dataDir)
    try {
      const doc = new Y.Doc()
      doc.getText('t').insert(0, 'Oma Riet')
      await storage.append('plan-a', Y.encodeStateAsUpdate(doc))
      doc.getText('t').insert(8, ' komt dinsdag')
      await workerCompactor.compact([Y.encodeStateAsUpdate(doc)])
      expect(lowered()).toBeGreaterThanOrEqual(before + 2)
      expect(own()).toEqual(mine)
    } finally {
      await storage.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})

describe.runIf(process.platform === 'linux')("Node's helper threads", () => {
  it("run below the event loop once lowered, once however often, and the event loop's own thread stays as it was", () => {
    // In a process of its own: lowering this one would lower the test runner's threads.
    const script = `
      import { readdirSync, readFileSync } from 'node:fs'
      const { lowerHelperThreads } = await import(${JSON.stringify(new URL('./backgroundPriority.ts', import.meta.url).pathname)})
      lowerHelperThreads()
      // Twice: lowering a thread again must not lower it further.
      const result = lowerHelperThreads()
      const threads = {}
      for (const thread of readdirSync('/proc/self/task')) threads[thread] = readFileSync('/proc/self/task/' + thread + '/stat', 'utf8')
      console.log(JSON.stringify({ pid: process.pid, result, threads }))`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(child.status, child.stderr).toBe(0)
    expect(child.stderr).not.toContain('KRING_BACKGROUND_PRIORITY')
    const { pid, result, threads } = JSON.parse(child.stdout) as { pid: number; result: { lowered: number; of: number }; threads: Record<string, string> }
    const mine = own()
    const helpers = Object.entries(threads).filter(([thread]) => Number(thread) !== pid)
    // V8's platform threads at least: Node starts four by default.
    expect(helpers.length).toBeGreaterThanOrEqual(4)
    expect(result).toEqual({ lowered: helpers.length, of: helpers.length })
    for (const [, stat] of helpers) expect(schedulingOf(stat)).toEqual({ nice: backgroundNice(mine.nice), policy: SCHED_BATCH })
    expect(schedulingOf(threads[String(pid)]!)).toEqual({ nice: mine.nice, policy: mine.policy })
  })
})
