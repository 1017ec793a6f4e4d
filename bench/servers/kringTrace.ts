/**
 * What Kring's relay records for `npm run bench -- tail` besides its
 * garbage collections (tailTrace.ts): each update's time in its room, from
 * Room.receiveUpdate's start to the end of its broadcast, and each commit
 * and compaction from handing it over to hearing back. The methods are
 * wrapped from outside, in the benchmark's server alone, so that the relay
 * carries no measuring of its own; only when KRING_BENCH_TRACE=1.
 */
import { Room } from '../../server/rooms/room.ts'
import { SqliteStorage } from '../../server/storage/sqlite.ts'
import { workerCompactor } from '../../server/updates/compactor.ts'
import { nowNs } from '../support/monotonicClock.ts'
import { traceWhenAsked, type Spans } from './tailTrace.ts'

/** `run`, recording into `spans` when each call started and when its promise settled. */
function timed<A extends unknown[], R>(run: (...args: A) => Promise<R>, spans: Spans) {
  return function (this: unknown, ...args: A): Promise<R> {
    const start = nowNs()
    return run.apply(this, args).finally(() => spans.push(start, nowNs()))
  }
}

export function traceKringWhenAsked(): void {
  const spans = traceWhenAsked()
  if (spans === undefined) return
  const receiveUpdate = Room.prototype.receiveUpdate
  Room.prototype.receiveUpdate = function (this: Room, ...args: Parameters<Room['receiveUpdate']>) {
    const start = nowNs()
    try {
      return receiveUpdate.apply(this, args)
    } finally {
      spans.updates.push(start, nowNs())
    }
  }
  // commit is private: reached through the prototype, for this measurement alone.
  const storage = SqliteStorage.prototype as unknown as { commit(group: unknown): Promise<void> }
  storage.commit = timed(storage.commit, spans.commits)
  SqliteStorage.prototype.compact = timed(SqliteStorage.prototype.compact, spans.compactions)
  workerCompactor.compact = timed(workerCompactor.compact, spans.compactions)
}
