import { startTsWorker } from '../workers/startTsWorker.ts'
import { plainError, WorkerCalls, type WorkerError } from '../workers/workerCalls.ts'
import { MalformedUpdateError } from './readUpdate.ts'
import type { CompactionRequest } from './compactionWorker.ts'

/**
 * Folds Yjs updates into one compacted update (compactUpdates.ts), somewhere
 * other than the caller's turn. Rejects with a MalformedUpdateError when the
 * bytes cannot be read, with another error when the compactor itself failed.
 */
export interface Compactor {
  compact(parts: readonly Uint8Array[]): Promise<Uint8Array>
}

let current: WorkerCalls | undefined

/**
 * The process's compactor: one worker thread (compactionWorker.ts) shared by
 * every room, started as the relay starts (startCompactor) or on first use,
 * started again after it died. A room compacts what it holds in memory
 * there: a compaction reads and writes the whole plan (measured here: 20–30
 * ms for a 100 KB plan, 200–400 ms for a 1 MB plan; about 11 ms for 300
 * keystrokes in a small one, every 300 or so), and on the event loop it
 * would hold up every room of the relay meanwhile.
 * The bytes are copied to the worker and the result is handed back without
 * a copy.
 */
export const workerCompactor: Compactor = {
  async compact(parts) {
    if (current === undefined || current.stopped) {
      current = new WorkerCalls(startTsWorker(new URL('./compactionWorker.ts', import.meta.url)), {
        whose: "The compactor's",
        afterwards: 'rooms keep their updates uncompacted until the next compaction starts a new one',
        toError: unreadable,
      })
    }
    return (await current.call({ parts: [...parts] } satisfies Omit<CompactionRequest, 'id'>)) as Uint8Array
  },
}

/**
 * Starts the compactor's worker thread now and resolves once it answers
 * (never, should the worker hang: the relay waits a bounded time). The
 * relay starts it as it starts: loading the worker's modules takes about
 * 350 ms and half a second of CPU (measured here), which, paid at the first
 * room's first compaction, would take a core from the edits passing through
 * the relay just then (on a two-core server, the fan-out's slowest updates
 * lined up with it). Rejects when the worker cannot start.
 */
export async function startCompactor(): Promise<void> {
  await workerCompactor.compact([])
}

/** The worker names every failure to compact MalformedUpdateError (compactionWorker.ts): the bytes could not be read. */
function unreadable(error: WorkerError): Error {
  return error.name === 'MalformedUpdateError' ? new MalformedUpdateError('the bytes to compact cannot be read', { cause: plainError(error) }) : plainError(error)
}
