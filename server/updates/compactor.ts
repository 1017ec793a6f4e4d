import { startTsWorker } from '../workers/startTsWorker.ts'
import { WorkerCalls } from '../workers/workerCalls.ts'
import type { CompactionRequest } from './compactionWorker.ts'

/**
 * Folds Yjs updates into one compacted update (compactUpdates.ts), somewhere
 * other than the caller's turn. Rejects with an error named
 * MalformedUpdateError when the bytes cannot be read, with another when the
 * compactor itself failed.
 */
export interface Compactor {
  compact(parts: readonly Uint8Array[]): Promise<Uint8Array>
}

let current: WorkerCalls | undefined

/**
 * The process's compactor: one worker thread (compactionWorker.ts) shared by
 * every room, started on first use, started again after it died. A room
 * compacts what it holds in memory there: a compaction reads and writes the
 * whole plan (measured here: 20–30 ms for a 100 KB plan, 200–400 ms for a
 * 1 MB plan; about 11 ms for 300 keystrokes in a small one, every 300 or so),
 * and on the event loop it would hold up every room of the relay meanwhile.
 * The bytes are copied to the worker and the result is handed back without
 * a copy.
 */
export const workerCompactor: Compactor = {
  async compact(parts) {
    if (current === undefined || current.stopped) current = new WorkerCalls(startTsWorker(new URL('./compactionWorker.ts', import.meta.url)))
    return (await current.call({ parts: [...parts] } satisfies Omit<CompactionRequest, 'id'>)) as Uint8Array
  },
}
