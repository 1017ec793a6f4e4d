import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteStorage } from '../storage/sqlite.ts'
import { workerCompactor } from '../updates/compactor.ts'
import { backgroundNice } from './backgroundPriority.ts'

/** The nice value of each of this process's threads, by thread id (Linux's /proc). */
function threadNiceness(): Map<string, number> {
  const nice = new Map<string, number>()
  for (const thread of readdirSync('/proc/self/task')) {
    try {
      // Fields after the command name: state is the 3rd field of the line, nice the 19th.
      const fields = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8').split(') ')[1]!.split(' ')
      nice.set(thread, Number(fields[16]))
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return nice
}

const ownNice = () => Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ')[16])

describe.runIf(process.platform === 'linux')('work that can wait runs below the event loop', () => {
  it('runs the SQLite storage and the compactor in threads of lower priority, and leaves the calling thread as it was', async () => {
    // Relative to this thread's own (CI may run everything under `nice`).
    const mine = ownNice()
    const lowered = () => [...threadNiceness().values()].filter((nice) => nice === backgroundNice(mine)).length
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
      expect(ownNice()).toBe(mine)
    } finally {
      await storage.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
