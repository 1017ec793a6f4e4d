import type { FanOut } from '../fanout/fanout.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RelayMetrics } from '../metrics/relayMetrics.ts'
import { planIdOfRoom } from '../../shared/protocol/rooms.ts'
import { PlanQuotas } from '../quotas/planBytes.ts'
import { StorageCorruptError, type RoomLog } from '../storage/roomLog.ts'
import type { QuietTimes } from './quietMoment.ts'
import { Room } from './room.ts'

/** The relay holds as many rooms as it may (KRING_MAX_ROOMS), or it is shutting down. */
export class RelayFullError extends Error {
  constructor(readonly maxRooms: number) {
    super(`The relay holds its maximum of ${maxRooms} rooms`)
    this.name = 'RelayFullError'
  }
}

/** The relay is shutting down and opens no more rooms. */
export class RelayClosingError extends Error {
  constructor() {
    super('The relay is shutting down')
    this.name = 'RelayClosingError'
  }
}

export interface RoomRegistryOptions {
  storage: RoomLog
  fanOut: FanOut
  logger: Logger
  metrics?: RelayMetrics
  /** Rooms of plans new to this relay it keeps open at once (KRING_MAX_ROOMS); see `open`. */
  maxRooms: number
  /** How long a room without peers stays in memory before it is unloaded. */
  roomIdleMs: number
  /** What one plan may store (KRING_MAX_PLAN_BYTES); without it, no quota. */
  maxPlanBytes?: number
  /** What one room holds back of updates whose causes have not arrived (KRING_MAX_PENDING_BYTES); without it, no bound. */
  maxPendingBytes?: number
  /** When a room's due compactions run (KRING_COMPACT_WHEN_QUIET_MS, KRING_COMPACT_AT_LATEST_MS); without it, at once. */
  compactWhen?: QuietTimes
}

/**
 * The rooms this relay holds in memory: opens them from storage on first
 * join, unloads them (compacting storage) once they have been empty for
 * `roomIdleMs`, and flushes them all on shutdown.
 */
export class RoomRegistry {
  /** Rooms loaded or loading; a second join during a load waits for the same load. */
  private readonly rooms = new Map<string, Promise<Room>>()
  private readonly loaded = new Map<string, Room>()
  /** Rooms being unloaded: a new join waits until their last update is stored. */
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  /** Rooms whose stored data could not be read, by name: reported (/healthz, /metrics), never served or written. */
  private readonly unreadable = new Set<string>()
  /** Each loaded room's hold on its plan's quota, let go when the room is gone. */
  private readonly quotaHolds = new Map<Room, () => void>()
  private readonly quotas: PlanQuotas | undefined
  private closing = false

  constructor(private readonly options: RoomRegistryOptions) {
    const { maxPlanBytes, storage } = options
    this.quotas = maxPlanBytes === undefined ? undefined : new PlanQuotas(maxPlanBytes, async (planId) => (await storage.planSize(planId)).bytes)
  }

  /** Rooms in memory (loaded or loading). */
  get roomCount(): number {
    return this.rooms.size
  }

  /**
   * Rooms whose stored data could not be read when last asked for: refused
   * to every client and left as they are in storage for an operator to
   * repair. A room leaves this list once it loads again.
   */
  get unreadableRooms(): string[] {
    return [...this.unreadable]
  }

  /** Peers over all loaded rooms. */
  get connectionCount(): number {
    let count = 0
    for (const room of this.loaded.values()) count += room.peerCount
    return count
  }

  /**
   * The room of that name, loaded from storage when it is not in memory.
   * When the relay holds `maxRooms` rooms, an empty room makes way at once;
   * without one, a room of a plan this relay holds already (`held`: stored
   * content or an admission) opens all the same, so idle or abusive rooms
   * never lock a household out of its own plan, and a room of a new plan is
   * refused with `RelayFullError`. Rejects with `RelayClosingError` during
   * shutdown, and `StorageCorruptError` when the room's stored data cannot
   * be read (that room only; others carry on). A room nobody joins is
   * unloaded after the idle time like any empty room.
   */
  open(name: string, { held = false }: { held?: boolean } = {}): Promise<Room> {
    if (this.closing) return Promise.reject(new RelayClosingError())
    const existing = this.rooms.get(name)
    if (existing !== undefined) return existing
    // A room still being stored on its way out holds its memory too, so it counts (unless it is this one, coming back).
    const leaving = this.unloading.size - (this.unloading.has(name) ? 1 : 0)
    if (this.rooms.size + leaving >= this.options.maxRooms) {
      const empty = this.emptyRoom()
      // An empty room gives its place: it goes now instead of after its idle time.
      if (empty !== undefined) void this.unload(empty)
      else if (!held) return Promise.reject(new RelayFullError(this.options.maxRooms))
    }

    const opening = this.load(name)
    this.rooms.set(name, opening)
    opening.then(
      (room) => {
        this.unreadable.delete(name)
        this.loaded.set(name, room)
        this.scheduleIdleCheck(room)
      },
      (error: unknown) => {
        this.rooms.delete(name)
        if (error instanceof StorageCorruptError) this.unreadable.add(name)
        this.options.logger.error({ room: name, err: errorSummary(error) }, 'room could not be opened')
      },
    )
    return opening
  }

  /**
   * Stops opening rooms, then closes every room: queued updates are stored,
   * storage is compacted and peers are closed with 1001 (going away).
   */
  async close(): Promise<void> {
    this.closing = true
    for (const timer of this.idleTimers.values()) clearTimeout(timer)
    this.idleTimers.clear()
    const rooms = await Promise.allSettled([...this.rooms.values()])
    await Promise.all(
      rooms.map((result) => (result.status === 'fulfilled' ? this.unload(result.value) : Promise.resolve())),
    )
    await Promise.all(this.unloading.values())
  }

  /**
   * Unloads a room now, whoever is in it, closing its peers with `code`: for
   * a plan that was deleted. Resolves once the room is gone from memory.
   */
  async evict(name: string, code: number, reason: string): Promise<void> {
    const room = await this.rooms.get(name)?.catch(() => undefined)
    if (room !== undefined) await this.unload(room, code, reason)
    await this.unloading.get(name)
  }

  /** Unloads every room now, closing its peers with `code`; the relay keeps running and rooms open again when asked. */
  async evictAll(code: number, reason: string): Promise<void> {
    await Promise.all([...this.rooms.keys()].map((name) => this.evict(name, code, reason)))
  }

  private async load(name: string): Promise<Room> {
    // A room still being unloaded must finish storing before it is read again.
    await this.unloading.get(name)
    const quota = await this.quotas?.acquire(planIdOfRoom(name))
    try {
      const room = await Room.load(name, {
        storage: this.options.storage,
        fanOut: this.options.fanOut,
        logger: this.options.logger,
        metrics: this.options.metrics,
        planBytes: quota?.bytes,
        maxPendingBytes: this.options.maxPendingBytes,
        compactWhen: this.options.compactWhen,
        onPeersChanged: (room) => this.scheduleIdleCheck(room),
        onFailed: (room) => this.forget(room),
      })
      if (quota !== undefined) this.quotaHolds.set(room, quota.release)
      return room
    } catch (error) {
      quota?.release()
      throw error
    }
  }

  /** A loaded room nobody is in (the one loaded longest ago), or undefined. */
  private emptyRoom(): Room | undefined {
    for (const room of this.loaded.values()) if (room.peerCount === 0) return room
    return undefined
  }

  private scheduleIdleCheck(room: Room): void {
    const pending = this.idleTimers.get(room.name)
    if (pending !== undefined) clearTimeout(pending)
    this.idleTimers.delete(room.name)
    if (room.peerCount > 0 || this.closing || this.loaded.get(room.name) !== room) return
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name)
      if (room.peerCount === 0) void this.unload(room)
    }, this.options.roomIdleMs)
    timer.unref()
    this.idleTimers.set(room.name, timer)
  }

  private unload(room: Room, code?: number, reason?: string): Promise<void> {
    this.forget(room)
    const done = room.close(code, reason).finally(() => {
      if (this.unloading.get(room.name) === done) this.unloading.delete(room.name)
      this.releaseQuota(room)
    })
    this.unloading.set(room.name, done)
    return done
  }

  private releaseQuota(room: Room): void {
    this.quotaHolds.get(room)?.()
    this.quotaHolds.delete(room)
  }

  /** Drops a room from the maps, so the next join loads it afresh. */
  private forget(room: Room): void {
    if (!room.isOpen) this.releaseQuota(room)
    if (this.loaded.get(room.name) !== room) return
    this.loaded.delete(room.name)
    this.rooms.delete(room.name)
    const timer = this.idleTimers.get(room.name)
    if (timer !== undefined) clearTimeout(timer)
    this.idleTimers.delete(room.name)
  }
}
