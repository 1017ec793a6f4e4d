import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import type { FanOut } from '../fanout/fanout.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RelayMetrics } from '../metrics/relayMetrics.ts'
import { PlanFullError, type PlanBytes } from '../quotas/planBytes.ts'
import { StorageCorruptError, type RoomLog } from '../storage/roomLog.ts'
import { decodeClientMessage, encodeAwareness, encodeUpdate, MalformedMessageError } from '../sync/protocol.ts'
import { RelayCloseCode } from '../sync/relayCloseCodes.ts'

/** One end of a room: a client connection, as the room sees it. */
export interface RoomPeer {
  /** Sends one frame to the client. Never throws: a broken connection closes itself. */
  send(frame: Uint8Array): void
  /** Ends the connection with a close code and a reason that names nothing private. */
  close(code: number, reason: string): void
  /**
   * Set once the relay closed this peer for what it sent (past its plan's
   * quota): whatever it still has queued in the room is dropped, neither
   * stored nor passed on.
   */
  readonly discarded?: boolean
}

export interface RoomDeps {
  storage: RoomLog
  fanOut: FanOut
  logger: Logger
  metrics?: RelayMetrics
  /** Told whenever peers join or leave, so the registry can unload an empty room. */
  onPeersChanged?(room: Room): void
  /** Told when the room gave up (its storage failed); the room has closed its peers already. */
  onFailed?(room: Room): void
  /** What its plan stores, shared with the plan's other rooms (KRING_MAX_PLAN_BYTES); without it, no quota. */
  planBytes?: PlanBytes
}

/**
 * The log may grow by this many bytes past its last compaction before it is
 * compacted again, at least; above it, when the log has grown by more than
 * the compacted state itself. Stored size stays below about twice the content
 * (plus this floor), and compaction work stays proportional to what was written.
 */
export const COMPACTION_FLOOR_BYTES = 8 * 1024

/** Marks changes that came from another relay instance: they are stored there, not here. */
const FROM_OTHER_INSTANCE = Symbol('from another relay instance')

type Origin = RoomPeer | typeof FROM_OTHER_INSTANCE | null

/**
 * One active room: its Y.Doc, the awareness of who is here, and the peers
 * connected to it. Every change to the document passes one serial queue:
 * applied to the doc, appended to storage, and only then broadcast — so no
 * client ever sees an update the relay could still lose.
 */
export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  /** Each peer with the awareness client ids it speaks for, removed when it leaves. */
  private readonly peers = new Map<RoomPeer, Set<number>>()
  private queue: Promise<unknown> = Promise.resolve()
  private state: 'open' | 'closing' | 'closed' = 'open'
  private closed: Promise<void> | undefined
  private captured: Uint8Array[] | undefined
  private compactedBytes = 0
  private appendedSinceCompaction = 0
  /** Bytes storage holds for this room, as far as this relay knows (its share of the plan's quota). */
  private storedBytes = 0
  private readonly unsubscribe: () => void

  private constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
  ) {
    // The relay speaks for nobody: it has no awareness state of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.doc.on('update', (update: Uint8Array) => this.captured?.push(update))
    // Subscribe before loading: frames from other instances queue up behind the load.
    this.unsubscribe = deps.fanOut.subscribe(name, (frame) => this.receiveFromOtherInstance(frame))
  }

  /**
   * Opens a room with what storage holds for it. Rejects with
   * `StorageCorruptError` when the stored data cannot be read.
   */
  static async load(name: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(name, deps)
    try {
      await room.enqueue(() => room.loadFromStorage())
    } catch (error) {
      room.destroy()
      throw error
    }
    return room
  }

  get peerCount(): number {
    return this.peers.size
  }

  /** Whether the room still accepts peers and changes. */
  get isOpen(): boolean {
    return this.state === 'open'
  }

  /** Adds a peer; it receives broadcasts from now on. */
  join(peer: RoomPeer): void {
    if (this.state !== 'open') {
      peer.close(CloseCode.goingAway, 'Room is closing; reconnect')
      return
    }
    this.peers.set(peer, new Set())
    this.deps.onPeersChanged?.(this)
  }

  /** Removes a peer and the awareness states it spoke for (others see those people leave). */
  leave(peer: RoomPeer): void {
    const clients = this.peers.get(peer)
    if (clients === undefined) return
    this.peers.delete(peer)
    if (clients.size > 0 && this.state === 'open') awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null)
    this.deps.onPeersChanged?.(this)
  }

  /** The document's state vector: what the relay has, for the relay's own sync step 1. */
  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc)
  }

  /**
   * Applies a Yjs update from `from`, appends what it changed to storage, then
   * broadcasts that change to the other peers and instances. Resolves once all
   * of that is done. Rejects with `MalformedMessageError` when the bytes are no
   * Yjs update (whatever part of it did apply is still stored and broadcast, so
   * the stored log always equals the document). Rejects with `PlanFullError`,
   * changing nothing, when storing it would take the plan past its quota (a
   * compaction is tried first). An update arriving while the room closes, or
   * from a peer the relay has discarded, is dropped: a sender that is welcome
   * resends it when it reconnects.
   */
  receiveUpdate(from: RoomPeer, update: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      if (this.state !== 'open' || from.discarded) return
      await this.checkQuota(update.byteLength)
      const { change, error } = this.apply(update, from)
      if (change !== undefined) {
        await this.store(change)
        const frame = encodeUpdate(change)
        this.broadcast(frame, from)
        this.publish(frame)
        await this.compactIfDue()
      }
      if (error !== undefined) throw new MalformedMessageError('not a Yjs update', { cause: error })
    })
  }

  /**
   * The update a client with `stateVector` lacks (the body of sync step 2),
   * computed after every earlier update was stored. Rejects with
   * `MalformedMessageError` when the state vector cannot be decoded.
   */
  missingFor(stateVector: Uint8Array): Promise<Uint8Array> {
    return this.enqueue(() => {
      try {
        return Y.encodeStateAsUpdate(this.doc, stateVector)
      } catch (error) {
        throw new MalformedMessageError('not a state vector', { cause: error })
      }
    })
  }

  /** Applies an awareness update from `from`; throws `MalformedMessageError` when it cannot be decoded. */
  receiveAwareness(from: RoomPeer, update: Uint8Array): void {
    if (this.state !== 'open') return
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, from)
    } catch (error) {
      throw new MalformedMessageError('not an awareness update', { cause: error })
    }
  }

  /** Everyone's awareness in one frame, or undefined when nobody has any. */
  awarenessFrame(): Uint8Array | undefined {
    const clients = [...this.awareness.getStates().keys()]
    return clients.length === 0 ? undefined : encodeAwareness(this.awareness, clients)
  }

  /**
   * Finishes queued work, compacts storage, closes every peer with `code` and
   * frees the document. Safe to call more than once.
   */
  close(code: number = CloseCode.goingAway, reason = 'Relay is shutting down; reconnect'): Promise<void> {
    this.closed ??= this.closeOnce(code, reason)
    return this.closed
  }

  private async closeOnce(code: number, reason: string): Promise<void> {
    if (this.state === 'closed') return
    this.state = 'closing'
    await this.queue.catch(() => {})
    try {
      await this.deps.storage.compact(this.name)
    } catch (error) {
      this.deps.logger.error({ room: this.name, err: errorSummary(error) }, 'room could not be compacted on unload')
    }
    this.closePeers(code, reason)
    this.destroy()
  }

  /** Runs tasks one after another in arrival order; a failed task does not stop the next. */
  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    // Keep only "done", not the task's result: a sync step 2 answer can be the
    // whole plan, and holding it until the next task costs a plan's size per room.
    this.queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  private async loadFromStorage(): Promise<void> {
    const stored = await this.deps.storage.load(this.name)
    const size = await this.deps.storage.size(this.name)
    if (stored !== null) {
      try {
        Y.applyUpdate(this.doc, stored, null)
      } catch (error) {
        throw new StorageCorruptError(this.name, error)
      }
    }
    // A log of several rows (a crash before compaction) counts as uncompacted growth.
    if (size.updates > 1) this.appendedSinceCompaction = size.bytes
    else this.compactedBytes = size.bytes
    this.storedBytes = size.bytes
  }

  /** Refuses an update of `bytes` that would take the plan past its quota, after folding this room's log to see whether that frees enough. */
  private async checkQuota(bytes: number): Promise<void> {
    const quota = this.deps.planBytes
    if (quota === undefined || !quota.wouldExceed(bytes)) return
    if (this.appendedSinceCompaction > 0) await this.compact()
    if (quota.wouldExceed(bytes)) throw new PlanFullError(quota.planId, quota.maxBytes)
  }

  /** Applies an update and returns what it changed in the document (undefined when nothing). */
  private apply(update: Uint8Array, origin: Origin): { change?: Uint8Array; error?: unknown } {
    const captured: Uint8Array[] = []
    this.captured = captured
    let error: unknown
    try {
      Y.applyUpdate(this.doc, update, origin)
    } catch (caught) {
      error = caught
    } finally {
      this.captured = undefined
    }
    if (captured.length === 0) return { error }
    return { change: captured.length === 1 ? captured[0] : Y.mergeUpdates(captured), error }
  }

  private async store(change: Uint8Array): Promise<void> {
    try {
      await this.deps.storage.append(this.name, change)
      this.appendedSinceCompaction += change.byteLength
      this.storedBytes += change.byteLength
      this.deps.planBytes?.add(change.byteLength)
    } catch (error) {
      this.fail(error)
      throw error
    }
  }

  private async compactIfDue(): Promise<void> {
    if (this.appendedSinceCompaction <= Math.max(this.compactedBytes, COMPACTION_FLOOR_BYTES)) return
    await this.compact()
  }

  private async compact(): Promise<void> {
    try {
      const size = await this.deps.storage.compact(this.name)
      this.compactedBytes = size.bytes
      this.appendedSinceCompaction = 0
      this.deps.planBytes?.add(size.bytes - this.storedBytes)
      this.storedBytes = size.bytes
    } catch (error) {
      // Appends still work, so the room carries on; the next threshold tries again.
      this.appendedSinceCompaction = 0
      this.deps.logger.error({ room: this.name, err: errorSummary(error) }, 'room could not be compacted')
    }
  }

  private receiveFromOtherInstance(frame: Uint8Array): void {
    this.deps.metrics?.fanOutMessage('in')
    void this.enqueue(() => {
      if (this.state !== 'open') return
      try {
        const message = decodeClientMessage(frame)
        if (message.type === 'update') {
          const { change } = this.apply(message.update, FROM_OTHER_INSTANCE)
          if (change !== undefined) this.broadcast(encodeUpdate(change), FROM_OTHER_INSTANCE)
        } else if (message.type === 'awareness') {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_OTHER_INSTANCE)
        }
      } catch (error) {
        this.deps.logger.warn({ room: this.name, err: errorSummary(error) }, 'ignored an unreadable frame from another relay instance')
      }
    })
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: Origin,
  ): void => {
    if (origin !== null && origin !== FROM_OTHER_INSTANCE) this.trackClients(origin, [...added, ...updated], removed)
    const frame = encodeAwareness(this.awareness, [...added, ...updated, ...removed])
    this.broadcast(frame, origin)
    if (origin !== FROM_OTHER_INSTANCE) this.publish(frame)
  }

  /** Remembers which awareness clients a peer speaks for; a client id moves with its latest peer. */
  private trackClients(peer: RoomPeer, present: number[], removed: number[]): void {
    const mine = this.peers.get(peer)
    if (mine === undefined) return
    for (const id of present) {
      if (mine.has(id)) continue
      for (const others of this.peers.values()) others.delete(id)
      mine.add(id)
    }
    for (const id of removed) mine.delete(id)
  }

  /** Sends a frame to every peer but `except`; each peer's connection counts what it sends (metrics). */
  private broadcast(frame: Uint8Array, except: Origin): void {
    for (const peer of this.peers.keys()) {
      if (peer !== except) peer.send(frame)
    }
  }

  private publish(frame: Uint8Array): void {
    this.deps.metrics?.fanOutMessage('out')
    this.deps.fanOut.publish(this.name, frame).catch((error: unknown) => {
      this.deps.logger.warn({ room: this.name, err: errorSummary(error) }, 'could not pass a frame to other relay instances')
    })
  }

  /** Storage refused a write: nothing more can be stored safely, so every peer reconnects later. */
  private fail(error: unknown): void {
    if (this.state !== 'open') return
    this.deps.logger.error({ room: this.name, err: errorSummary(error) }, 'room storage failed; closing the room')
    this.state = 'closing'
    this.closePeers(RelayCloseCode.storageUnavailable, 'Relay cannot store changes right now; reconnect later')
    this.destroy()
    this.deps.onFailed?.(this)
  }

  private closePeers(code: number, reason: string): void {
    const peers = [...this.peers.keys()]
    this.peers.clear()
    for (const peer of peers) peer.close(code, reason)
  }

  private destroy(): void {
    this.state = 'closed'
    this.unsubscribe()
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
