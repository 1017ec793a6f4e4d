import type { FanOut } from '../fanout/fanout.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RelayMetrics } from '../metrics/relayMetrics.ts'
import type { RoomLog } from '../storage/roomLog.ts'
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
  maxRooms: number
  /** How long a room without peers stays in memory before it is unloaded. */
  roomIdleMs: number
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
  private closing = false

  constructor(private readonly options: RoomRegistryOptions) {}

  /** Rooms in memory (loaded or loading). */
  get roomCount(): number {
    return this.rooms.size
  }

  /** Peers over all loaded rooms. */
  get connectionCount(): number {
    let count = 0
    for (const room of this.loaded.values()) count += room.peerCount
    return count
  }

  /**
   * The room of that name, loaded from storage when it is not in memory.
   * Rejects with `RelayFullError` when the relay holds `maxRooms` rooms,
   * `RelayClosingError` during shutdown, and `StorageCorruptError` when the
   * room's stored data cannot be read (that room only; others carry on).
   * A room nobody joins is unloaded after the idle time like any empty room.
   */
  open(name: string): Promise<Room> {
    if (this.closing) return Promise.reject(new RelayClosingError())
    const existing = this.rooms.get(name)
    if (existing !== undefined) return existing
    // A room still being stored on its way out holds its memory too, so it counts (unless it is this one, coming back).
    const leaving = this.unloading.size - (this.unloading.has(name) ? 1 : 0)
    if (this.rooms.size + leaving >= this.options.maxRooms) return Promise.reject(new RelayFullError(this.options.maxRooms))

    const opening = this.load(name)
    this.rooms.set(name, opening)
    opening.then(
      (room) => {
        this.loaded.set(name, room)
        this.scheduleIdleCheck(room)
      },
      (error: unknown) => {
        this.rooms.delete(name)
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

  private async load(name: string): Promise<Room> {
    // A room still being unloaded must finish storing before it is read again.
    await this.unloading.get(name)
    return Room.load(name, {
      storage: this.options.storage,
      fanOut: this.options.fanOut,
      logger: this.options.logger,
      metrics: this.options.metrics,
      onPeersChanged: (room) => this.scheduleIdleCheck(room),
      onFailed: (room) => this.forget(room),
    })
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
    })
    this.unloading.set(room.name, done)
    return done
  }

  /** Drops a room from the maps, so the next join loads it afresh. */
  private forget(room: Room): void {
    if (this.loaded.get(room.name) !== room) return
    this.loaded.delete(room.name)
    this.rooms.delete(room.name)
    const timer = this.idleTimers.get(room.name)
    if (timer !== undefined) clearTimeout(timer)
    this.idleTimers.delete(room.name)
  }
}
