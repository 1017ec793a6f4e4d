import * as awarenessProtocol from 'y-protocols/awareness'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import type { FanOut } from '../fanout/fanout.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RelayMetrics } from '../metrics/relayMetrics.ts'
import { PlanFullError, type PlanBytes } from '../quotas/planBytes.ts'
import { StorageCorruptError, type RoomLog } from '../storage/roomLog.ts'
import { decodeClientMessage, encodeAwareness, encodeUpdate, MalformedMessageError } from '../sync/protocol.ts'
import { RelayCloseCode } from '../sync/relayCloseCodes.ts'
import { MalformedUpdateError } from '../updates/readUpdate.ts'
import { workerCompactor, type Compactor } from '../updates/compactor.ts'
import { COMPACTION_FLOOR_BYTES, RoomUpdates } from '../updates/roomUpdates.ts'
import { awarenessHost } from './awarenessHost.ts'
import { QuietMoment, type QuietTimes } from './quietMoment.ts'

/** One end of a room: a client connection, as the room sees it. */
export interface RoomPeer {
  /**
   * Sends one frame to the client; `toMany` when the same frame goes to every
   * other peer of the room (a broadcast), so that a peer may prepare what it
   * sends once for all of them (sync/wireFrame.ts). Never throws: a broken
   * connection closes itself.
   */
  send(frame: Uint8Array, toMany?: boolean): void
  /** Ends the connection with a close code and a reason that names nothing private. */
  close(code: number, reason: string): void
  /**
   * Set once the relay closed this peer for what it sent (past its plan's
   * quota): whatever it still has waiting in the room is dropped, neither
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
  /** Bytes of updates whose causes have not arrived the room holds back at most (KRING_MAX_PENDING_BYTES); without it, no bound. */
  maxPendingBytes?: number
  /** Where the room compacts what it holds in memory; the process's worker thread unless given. */
  compactor?: Compactor
  /**
   * When compactions that fell due run: in a pause between edits
   * (KRING_COMPACT_WHEN_QUIET_MS, KRING_COMPACT_AT_LATEST_MS, quietMoment.ts);
   * without it, right after the turn they fell due in.
   */
  compactWhen?: QuietTimes
}

/** An update waiting while the room compacts storage to see whether its plan has room for it. */
interface Waiting {
  from: RoomPeer
  update: Uint8Array
  frame: Uint8Array | undefined
  settle(error?: unknown): void
}

/** Marks changes that came from another relay instance: passed to the peers here, not published again. */
const FROM_OTHER_INSTANCE = Symbol('from another relay instance')

type Origin = RoomPeer | typeof FROM_OTHER_INSTANCE | null

/**
 * One active room: its document as update bytes (RoomUpdates, never a
 * Y.Doc), the awareness of who is here, and the peers connected to it.
 *
 * An update from a peer is checked, passed to the other peers and instances
 * at once, and handed to storage, which makes it durable within its group
 * commit (architecture.md, decision 5): broadcast never waits for the disk.
 * Every instance stores what its room takes in, from its own peers or from
 * other instances, so that one instance dying inside that window loses
 * nothing another holds.
 * Should storage fail, the room closes for all its peers (1011); nothing is
 * lost, because every device keeps what it wrote and sends again what the
 * relay lacks when it reconnects. Everything but loading happens in the
 * order calls are made, synchronously, so no queue is needed.
 */
export class Room {
  readonly awareness = new awarenessProtocol.Awareness(awarenessHost())
  /** Each peer with the awareness client ids it speaks for, removed when it leaves. */
  private readonly peers = new Map<RoomPeer, Set<number>>()
  private updates = RoomUpdates.from(null)
  private state: 'loading' | 'open' | 'closing' | 'closed' = 'loading'
  private closed: Promise<void> | undefined
  /** Frames other instances published while the room was loading; taken in once it has. */
  private readonly earlyFromOthers: Uint8Array[] = []
  /** A compaction of what the room holds in memory is scheduled or under way (one at a time). */
  private compactingInMemory = false
  /** Storage: bytes in its last compacted row, appended since, and in all (its share of the plan's quota). */
  private storedCompactedBytes = 0
  private storedSinceCompaction = 0
  private storedBytes = 0
  /** The promise of the last append handed to storage (see `store`). */
  private lastWrite: Promise<void> | undefined
  private storageCompacting: Promise<void> | undefined
  /** Runs the compactions that fell due in a pause between edits. */
  private readonly quiet: QuietMoment
  /** Updates held back while a compaction shows whether the plan has room (see `receiveUpdate`). */
  private waiting: Waiting[] | undefined
  /** Counts what the room took in, so a connection can tell whether anything changed since it was last answered. */
  private changes = 0
  private readonly unsubscribe: () => void

  private constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
  ) {
    this.quiet = new QuietMoment(() => this.compactWhatIsDue(), deps.compactWhen ?? { quietMs: 0, atLatestMs: 0 })
    // The relay speaks for nobody: it has no awareness state of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
    // Subscribe before loading, so nothing published meanwhile passes the room by.
    this.unsubscribe = deps.fanOut.subscribe(name, (frame) => this.receiveFromOtherInstance(frame))
  }

  /**
   * Opens a room with what storage holds for it. Rejects with
   * `StorageCorruptError` when the stored data cannot be read.
   */
  static async load(name: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(name, deps)
    try {
      await room.loadFromStorage()
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

  /** Bytes of updates the room holds back, waiting for their causes (RoomUpdates.pendingBytes). */
  get pendingBytes(): number {
    return this.updates.pendingBytes
  }

  /** Bytes of update data the room holds in memory (its compacted state, recent updates and held-back ones). */
  get heldBytes(): number {
    return this.updates.byteLength
  }

  /** Goes up whenever the room takes in something new: the same number means the same content. */
  get version(): number {
    return this.changes
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
    // What it sent that still waits for its causes goes with it: a device that is welcome sends it again.
    this.updates.dropHeld(peer)
    if (clients.size > 0 && this.state === 'open') awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null)
    this.deps.onPeersChanged?.(this)
  }

  /** What the room holds, as a state vector: the relay's own sync step 1. */
  stateVector(): Uint8Array {
    return this.updates.stateVector()
  }

  /**
   * Takes in a Yjs update from `from`: passes what is new in it to the other
   * peers and instances and hands it to storage, at once. `frame`, when
   * given, is the update message it came in, passed on untouched when the
   * whole update is new. An update that waits for causes the room does not
   * hold is held back, neither stored nor passed on, until they arrive (then
   * it is, with whatever completed it) or `from` leaves. Throws
   * `MalformedMessageError` when the bytes are no well-formed Yjs update,
   * `PendingLimitError` when holding it back would pass the room's bound
   * (KRING_MAX_PENDING_BYTES), and `PlanFullError` when storing it would take
   * the plan past its quota; either way nothing of it is kept, passed on or
   * stored. Only when the quota looks full while the room's log could still
   * be compacted does it wait: it returns a promise, settled (or rejected
   * with `PlanFullError`) once a compaction has shown whether there is room,
   * and every update after it waits its turn. An update arriving while the
   * room closes, or from a peer the relay has discarded, is dropped: a
   * sender that is welcome sends it again when it reconnects.
   */
  receiveUpdate(from: RoomPeer, update: Uint8Array, frame?: Uint8Array): Promise<void> | undefined {
    if (this.waiting !== undefined) {
      return new Promise((resolve, reject) => this.waiting!.push({ from, update, frame, settle: (error) => (error === undefined ? resolve() : reject(error)) }))
    }
    if (this.state !== 'open' || from.discarded) return undefined
    const quota = this.deps.planBytes
    if (quota !== undefined && quota.wouldExceed(update.byteLength)) {
      if (this.storedSinceCompaction === 0 && this.storageCompacting === undefined) throw new PlanFullError(quota.planId, quota.maxBytes)
      return this.waitForCompaction({ from, update, frame })
    }
    const accepted = this.take(update, from)
    if (accepted.news !== undefined) {
      // Passed on first, stored in the same turn: a write's bookkeeping does not come before the other screens.
      const out = accepted.unchanged && frame !== undefined ? frame : encodeUpdate(accepted.news)
      this.broadcast(out, from)
      this.publish(out)
      this.store(accepted.news)
    }
    this.passOn(accepted.released)
    return undefined
  }

  /**
   * What a client with `stateVector` lacks, as the body of its sync step 2
   * and, when the room holds recent updates beside its compacted state, one
   * more update. Throws `MalformedMessageError` when the state vector cannot
   * be decoded.
   */
  missingFor(stateVector: Uint8Array): Uint8Array[] {
    try {
      return this.updates.missingFor(stateVector)
    } catch (error) {
      if (error instanceof MalformedUpdateError) throw new MalformedMessageError(error.message, { cause: error })
      throw error
    }
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
   * Compacts storage (after every update handed to it is written), closes
   * every peer with `code` and lets go of the room. Safe to call more than once.
   */
  close(code: number = CloseCode.goingAway, reason = 'Relay is shutting down; reconnect'): Promise<void> {
    this.closed ??= this.closeOnce(code, reason)
    return this.closed
  }

  private async closeOnce(code: number, reason: string): Promise<void> {
    if (this.state === 'closed') return
    this.state = 'closing'
    try {
      await this.deps.storage.compact(this.name)
    } catch (error) {
      this.deps.logger.error({ room: this.name, err: errorSummary(error) }, 'room could not be compacted on unload')
    }
    this.closePeers(code, reason)
    this.destroy()
  }

  private async loadFromStorage(): Promise<void> {
    const stored = await this.deps.storage.load(this.name)
    const size = await this.deps.storage.size(this.name)
    try {
      this.updates = RoomUpdates.from(stored)
    } catch (error) {
      throw new StorageCorruptError(this.name, error)
    }
    // A log of several updates (a crash before compaction) counts as uncompacted growth.
    if (size.updates > 1) this.storedSinceCompaction = size.bytes
    else this.storedCompactedBytes = size.bytes
    this.storedBytes = size.bytes
    this.state = 'open'
    for (const frame of this.earlyFromOthers.splice(0)) this.receiveFromOtherInstance(frame)
  }

  /** RoomUpdates.accept, with a malformed update reported as a malformed message; schedules compaction in memory. */
  private take(update: Uint8Array, owner: Origin) {
    let accepted
    try {
      accepted = this.updates.accept(update, { owner, maxPendingBytes: this.deps.maxPendingBytes })
    } catch (error) {
      if (error instanceof MalformedUpdateError) throw new MalformedMessageError(error.message, { cause: error })
      throw error
    }
    // Never in this turn: the update reaches everyone first.
    if ((accepted.news !== undefined || accepted.released.length > 0) && this.updates.compactionDue && !this.compactingInMemory) this.quiet.due()
    return accepted
  }

  /**
   * Folds what the room holds in memory into one compacted state, in the
   * compactor's worker thread (compactor.ts): the event loop goes on passing
   * updates meanwhile, and what arrives meanwhile stays recent. A failure
   * leaves the room as it was; the next update past the threshold tries again.
   */
  private async compactInMemory(): Promise<void> {
    this.compactingInMemory = true
    const work = this.state === 'open' && this.updates.compactionDue ? this.updates.compactionWork() : undefined
    try {
      if (work === undefined) return
      const compacted = await (this.deps.compactor ?? workerCompactor).compact(work.parts)
      if (this.state === 'open') this.updates.adoptCompaction(compacted, work.ticket)
    } catch (error) {
      this.deps.logger.error({ room: this.name, err: errorSummary(error) }, 'room could not be compacted in memory')
    } finally {
      this.compactingInMemory = false
    }
  }

  /** Passes on and stores updates held back until now, each to everyone but whoever sent it. */
  private passOn(released: { update: Uint8Array; owner: unknown }[]): void {
    for (const { update, owner } of released) {
      const frame = encodeUpdate(update)
      this.broadcast(frame, owner as Origin)
      // Another instance's frames are its to publish.
      if (owner !== FROM_OTHER_INSTANCE) this.publish(frame)
      this.store(update)
    }
  }

  /**
   * Hands an update to storage (counted against the plan's quota at once); a
   * failure closes the room for its peers. Appends that storage commits
   * together share one promise: the room listens once per commit.
   */
  private store(update: Uint8Array): void {
    this.changes++
    this.storedBytes += update.byteLength
    this.storedSinceCompaction += update.byteLength
    this.deps.planBytes?.add(update.byteLength)
    this.quiet.edited()
    const written = this.deps.storage.append(this.name, update)
    if (written === this.lastWrite) return
    this.lastWrite = written
    written.then(
      () => this.compactStorageWhenDue(),
      (error: unknown) => this.fail(error),
    )
  }

  /** Whether what was appended since storage's last compaction outgrew it (COMPACTION_FLOOR_BYTES at least). */
  private get storageCompactionDue(): boolean {
    return this.storedSinceCompaction > Math.max(this.storedCompactedBytes, COMPACTION_FLOOR_BYTES)
  }

  /** Compacts storage in the next quiet moment once it is due. */
  private compactStorageWhenDue(): void {
    if (this.storageCompactionDue) this.quiet.due()
  }

  /** The compactions due now, memory's and storage's: what the room runs in a quiet moment. */
  private compactWhatIsDue(): void {
    if (this.state !== 'open') return
    if (this.updates.compactionDue && !this.compactingInMemory) void this.compactInMemory()
    if (this.storageCompactionDue) void this.compactStorage()
  }

  /** Folds storage's log for this room into one row (one compaction at a time), and counts what that freed. */
  private compactStorage(): Promise<void> {
    this.storageCompacting ??= (async () => {
      const before = this.storedBytes
      this.storedSinceCompaction = 0
      try {
        const size = await this.deps.storage.compact(this.name)
        this.storedCompactedBytes = size.bytes
        // What was stored before the compaction now takes size.bytes; what came since is counted already.
        const freed = Math.max(0, before - size.bytes)
        this.storedBytes -= freed
        this.deps.planBytes?.add(-freed)
      } catch (error) {
        // Appends still work, so the room carries on; the next threshold tries again.
        this.deps.logger.error({ room: this.name, err: errorSummary(error) }, 'room could not be compacted')
      } finally {
        this.storageCompacting = undefined
      }
      // What was written while this one ran is heard of once per commit, maybe all before it ended: look again.
      this.compactStorageWhenDue()
    })()
    return this.storageCompacting
  }

  /**
   * Holds `first` and every update after it until a compaction of storage
   * has shown how much the plan really stores, then takes them in, in order.
   */
  private waitForCompaction(first: Omit<Waiting, 'settle'>): Promise<void> {
    const waiting: Waiting[] = []
    this.waiting = waiting
    const promise = new Promise<void>((resolve, reject) => waiting.push({ ...first, settle: (error) => (error === undefined ? resolve() : reject(error)) }))
    void this.compactStorage().then(() => {
      this.waiting = undefined
      // A peer refused here has the rest of what it sent dropped, as its connection will be closed.
      const refused = new Set<RoomPeer>()
      for (const { from, update, frame, settle } of waiting) {
        if (refused.has(from)) {
          settle()
          continue
        }
        try {
          const quota = this.deps.planBytes
          if (quota !== undefined && quota.wouldExceed(update.byteLength) && this.state === 'open' && !from.discarded) throw new PlanFullError(quota.planId, quota.maxBytes)
          const later = this.receiveUpdate(from, update, frame)
          if (later === undefined) settle()
          else later.then(() => settle(), settle)
        } catch (error) {
          if (error instanceof PlanFullError) refused.add(from)
          settle(error)
        }
      }
    })
    return promise
  }

  private receiveFromOtherInstance(frame: Uint8Array): void {
    this.deps.metrics?.fanOutMessage('in')
    if (this.state === 'loading') {
      this.earlyFromOthers.push(frame)
      return
    }
    if (this.state !== 'open') return
    try {
      const message = decodeClientMessage(frame)
      if (message.type === 'update') {
        const accepted = this.take(message.update, FROM_OTHER_INSTANCE)
        if (accepted.news !== undefined) {
          this.broadcast(accepted.unchanged && message.frame !== undefined ? message.frame : encodeUpdate(accepted.news), FROM_OTHER_INSTANCE)
          // Stored here too: the instance it came from may die before its own write is on disk, and
          // its clients, reconnecting here, would not send again what this room already holds.
          // (The instance that took it in held it to the plan's quota.)
          this.store(accepted.news)
        }
        this.passOn(accepted.released)
      } else if (message.type === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_OTHER_INSTANCE)
      }
    } catch (error) {
      this.deps.logger.warn({ room: this.name, err: errorSummary(error) }, 'ignored an unreadable frame from another relay instance')
    }
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
      if (peer !== except) peer.send(frame, true)
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
    if (this.state !== 'open') {
      this.deps.logger.error({ room: this.name, err: errorSummary(error) }, 'room storage failed while the room was closing')
      return
    }
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
    this.quiet.stop()
    this.unsubscribe()
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.updates = RoomUpdates.from(null)
  }
}
