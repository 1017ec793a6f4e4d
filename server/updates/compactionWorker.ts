/**
 * The compactor's worker thread (compactor.ts): folds a room's compacted
 * state and recent updates into one (compactUpdates.ts), so that the work,
 * which grows with the plan, never holds up the relay's event loop.
 */
import { errorSummary } from '../log.ts'
import { answerCalls } from '../workers/answerCalls.ts'
import { runInBackground } from '../workers/backgroundPriority.ts'
import { compactUpdates } from './compactUpdates.ts'

export interface CompactionRequest {
  id: number
  parts: Uint8Array[]
}

// Its work can wait a moment; edits passing on the event loop cannot.
runInBackground()

// The result is a fresh array owning its buffer: handed back, not copied. Whatever
// compacting throws means the bytes cannot be read as Yjs updates.
answerCalls<CompactionRequest>(
  ({ parts }) => compactUpdates(parts),
  (error) => ({ name: 'MalformedUpdateError', message: errorSummary(error).message }),
)
