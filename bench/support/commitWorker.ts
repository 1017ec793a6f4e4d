/**
 * The worker thread of bench/workerWake.ts: a SQLite storage's commits, as
 * the relay's storage thread makes them (SqliteDatabase.append, synced before
 * it returns), under the scheduling its first message names.
 */
import { parentPort } from 'node:worker_threads'
import { packAppends, type Append } from '../../server/storage/packedAppends.ts'
import { SqliteDatabase } from '../../server/storage/sqliteDatabase.ts'
import { lowerNice, runInBackground } from '../../server/workers/backgroundPriority.ts'
import type { WakeArm } from '../workerWake.ts'

let database: SqliteDatabase | undefined
parentPort!.on('message', (message: { arm: WakeArm; dataDir: string } | Uint8Array | Append[]) => {
  if (message instanceof Uint8Array || Array.isArray(message)) {
    database!.append(message instanceof Uint8Array ? message : packAppends(message))
    return
  }
  // An arm that could not be scheduled as it says would be measured under the wrong name.
  if (message.arm === 'nice' && !lowerNice()) throw new Error('could not lower the nice value')
  if ((message.arm === 'relay' || message.arm === 'array') && !runInBackground().batch) throw new Error('could not schedule the thread as SCHED_BATCH (chrt missing?)')
  database = new SqliteDatabase(message.dataDir)
  parentPort!.postMessage('ready')
})
