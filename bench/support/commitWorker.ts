/**
 * The worker thread of bench/workerWake.ts: a SQLite storage's commits, as
 * the relay's storage thread makes them (SqliteDatabase.append, synced right
 * after), under the scheduling its first message names.
 */
import { getPriority, setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { SqliteDatabase } from '../../server/storage/sqliteDatabase.ts'
import { backgroundNice, runInBackground } from '../../server/workers/backgroundPriority.ts'
import type { WakeArm } from '../workerWake.ts'

let database: SqliteDatabase | undefined
parentPort!.on('message', (message: { arm: WakeArm; dataDir: string } | { room: string; update: Uint8Array }[]) => {
  if (Array.isArray(message)) {
    database!.append(message)
    return
  }
  if (message.arm === 'nice') setPriority(backgroundNice(getPriority()))
  if (message.arm === 'relay') runInBackground()
  database = new SqliteDatabase(message.dataDir)
  parentPort!.postMessage('ready')
})
