import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { connectionHost } from '../connectionHost.ts'
import { errorSummary, type Logger } from '../log.ts'
import { DURABILITY_WINDOW_MS, type RoomLog } from '../storage/roomLog.ts'
import { encodeUpdate } from '../sync/protocol.ts'
import type { AccessChange, FanOut } from './fanout.ts'
import { FrameCipher } from './frameCipher.ts'
import { waitAtMost } from '../waitAtMost.ts'

export interface RedisFanOutOptions {
  /** redis:// or rediss:// URL (REDIS_URL). */
  url: string
  /**
   * The storage every instance shares. Redis pub/sub delivers at most once:
   * whatever an instance may have missed (while subscribing, while Redis was
   * away) it reads back from storage, where every update published is within
   * the durability window (roomLog.ts), so it reads once more after that.
   */
  storage: Pick<RoomLog, 'load'>
  /** Channels are `<prefix>:room:<room>`; separate deployments on one Redis use separate prefixes. Default "kring". */
  channelPrefix?: string
  /**
   * The operator's key for what passes through Redis (KRING_REDIS_KEY, 32
   * bytes): set, every message is sealed (frameCipher.ts), so Redis and
   * whoever can read it see no plan text and cannot inject changes. Every
   * instance needs the same key.
   */
  frameKey?: Uint8Array
  logger?: Logger
}

type Handler = (message: Uint8Array) => void

/**
 * An update published just before a subscription took effect may not be on
 * disk yet when the subscriber first reads storage: it reads again once the
 * durability window has surely passed.
 */
const CATCH_UP_AGAIN_MS = 10 * DURABILITY_WINDOW_MS

/** How long /healthz waits for Redis to answer a PING. */
const HEALTH_TIMEOUT_MS = 1_000

/** Bytes of the instance id that starts every published message. */
const INSTANCE_ID_BYTES = 16
/** How often, at most, messages that do not open with the key are logged. */
const UNREADABLE_LOG_MS = 60_000

/**
 * Fan-out over Redis pub/sub (architecture.md, decision 6): one channel per
 * room; an instance subscribes only to the rooms its clients hold. Instances
 * know nothing of each other: each tags what it publishes with a random id
 * and ignores messages carrying its own.
 */
export class RedisFanOut implements FanOut {
  readonly kind = 'redis'
  private readonly instanceId = randomBytes(INSTANCE_ID_BYTES)
  private readonly handlers = new Map<string, Set<Handler>>()
  private readonly accessHandlers = new Set<(change: AccessChange) => void>()
  private readonly prefix: string
  /** One channel for access changes of every plan: they are rare, and every instance needs them. */
  private readonly accessChannel: string
  private connectedOnce = false
  private reportedDown = false
  private closing = false
  /** Since when Redis has been out of reach, while it is. */
  private downSince: number | undefined
  private readonly cipher: FrameCipher | undefined
  private unreadableLoggedAt = 0

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly options: RedisFanOutOptions,
  ) {
    this.prefix = `${options.channelPrefix ?? 'kring'}:room:`
    this.accessChannel = `${options.channelPrefix ?? 'kring'}:access`
    this.cipher = options.frameKey === undefined ? undefined : new FrameCipher(options.frameKey)
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message))
    for (const connection of [publisher, subscriber]) {
      connection.on('error', (error: Error) => this.reportDown(error))
      connection.on('ready', () => this.reportUp())
    }
    subscriber.on('ready', () => this.resubscribe())
  }

  /**
   * Connects to Redis and resolves once both connections are ready. Rejects
   * when Redis cannot be reached at start, so a misconfigured REDIS_URL shows
   * at once; after start, outages are ridden out with reconnects.
   */
  static async open(options: RedisFanOutOptions): Promise<RedisFanOut> {
    const common = { lazyConnect: true, connectTimeout: 5_000, autoResubscribe: false }
    // Publishing while Redis is away fails at once instead of queueing without
    // bound: the receivers read what they missed from storage when it is back.
    const publisher = new Redis(options.url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    // Subscriptions made while Redis is away wait for it to return.
    const subscriber = new Redis(options.url, { ...common, maxRetriesPerRequest: null })
    const fanOut = new RedisFanOut(publisher, subscriber, options)
    try {
      await Promise.all([publisher.connect(), subscriber.connect()])
      await subscriber.subscribe(fanOut.accessChannel)
    } catch (error) {
      publisher.disconnect()
      subscriber.disconnect()
      throw new Error(`Cannot reach Redis at ${connectionHost(options.url)} (REDIS_URL): ${errorSummary(error).message}`, { cause: error })
    }
    return fanOut
  }

  /** Publishes a frame; when Redis is away it is logged and dropped, as storage holds it (see `catchUp`). */
  async publish(room: string, message: Uint8Array): Promise<void> {
    const channel = this.channelOf(room)
    try {
      await this.publisher.publish(channel, this.wrap(channel, message))
    } catch (error) {
      this.reportDown(error)
    }
  }

  async announceAccessChange(change: AccessChange): Promise<void> {
    try {
      await this.publisher.publish(this.accessChannel, this.wrap(this.accessChannel, Buffer.from(JSON.stringify(change))))
    } catch (error) {
      // The others recheck every plan they hold when Redis is back (see `resubscribe`).
      this.reportDown(error)
    }
  }

  onAccessChange(handler: (change: AccessChange) => void): () => void {
    this.accessHandlers.add(handler)
    return () => this.accessHandlers.delete(handler)
  }

  subscribe(room: string, handler: Handler): () => void {
    let roomHandlers = this.handlers.get(room)
    if (!roomHandlers) {
      roomHandlers = new Set()
      this.handlers.set(room, roomHandlers)
      // Until Redis confirms the subscription, messages for the room pass us by; read them back after.
      this.subscriber.subscribe(this.channelOf(room)).then(
        () => this.catchUp(room),
        (error: unknown) => this.reportDown(error),
      )
    }
    roomHandlers.add(handler)
    return () => {
      roomHandlers.delete(handler)
      if (roomHandlers.size > 0 || this.handlers.get(room) !== roomHandlers) return
      this.handlers.delete(room)
      this.subscriber.unsubscribe(this.channelOf(room)).catch(() => {
        // Redis is away; the subscription ends with the connection and is not renewed.
      })
    }
  }

  /** Whether Redis answers a PING on the publishing connection right now. */
  async healthy(): Promise<boolean> {
    if (this.publisher.status !== 'ready' || this.subscriber.status !== 'ready') return false
    // A PING sent just as the connection breaks may wait for a reconnect; /healthz must not.
    const ping = this.publisher.ping().then(
      (answer) => answer === 'PONG',
      () => false,
    )
    return waitAtMost(ping, HEALTH_TIMEOUT_MS, false)
  }

  /** Since when Redis has been out of reach (ms since 1970), or undefined while both connections are up. */
  unavailableSince(): number | undefined {
    if (this.publisher.status === 'ready' && this.subscriber.status === 'ready') {
      this.downSince = undefined
      return undefined
    }
    this.downSince ??= Date.now()
    return this.downSince
  }

  /** The rooms this instance listens to (for tests and /healthz). */
  get subscribedRooms(): string[] {
    return [...this.handlers.keys()]
  }

  async close(): Promise<void> {
    this.closing = true
    this.handlers.clear()
    // QUIT waits for a connection that is away to come back; then just drop it.
    await Promise.allSettled(
      [this.publisher, this.subscriber].map((connection) =>
        connection.status === 'ready' ? connection.quit() : connection.disconnect(),
      ),
    )
  }

  private receive(channel: Buffer, message: Buffer): void {
    if (message.length < INSTANCE_ID_BYTES || this.instanceId.equals(message.subarray(0, INSTANCE_ID_BYTES))) return
    const name = channel.toString('utf8')
    const body = this.unwrap(name, message.subarray(INSTANCE_ID_BYTES))
    if (body === undefined) return
    if (name === this.accessChannel) return this.receiveAccessChange(Buffer.from(body))
    const room = name.slice(this.prefix.length)
    const roomHandlers = this.handlers.get(room)
    if (!roomHandlers) return
    // A copy: the Redis client may reuse the buffer it read into.
    const frame = new Uint8Array(body)
    for (const handler of roomHandlers) handler(frame)
  }

  /** This instance's id, then the message: sealed with the operator's key when there is one. */
  private wrap(channel: string, message: Uint8Array): Buffer {
    return Buffer.concat([this.instanceId, this.cipher === undefined ? message : this.cipher.seal(channel, message)])
  }

  /** A message as published, opened with the key when there is one; undefined (logged now and then) when it does not open. */
  private unwrap(channel: string, body: Buffer): Uint8Array | undefined {
    if (this.cipher === undefined) return body
    const opened = this.cipher.open(channel, body)
    if (opened === undefined && Date.now() - this.unreadableLoggedAt > UNREADABLE_LOG_MS) {
      this.unreadableLoggedAt = Date.now()
      this.options.logger?.warn({ channel }, 'ignored a message from Redis that does not open with KRING_REDIS_KEY (another key, or not from a relay instance)')
    }
    return opened
  }

  private receiveAccessChange(body: Buffer): void {
    let change: AccessChange
    try {
      change = JSON.parse(body.toString('utf8')) as AccessChange
    } catch {
      this.options.logger?.warn('ignored an unreadable access change from another relay instance')
      return
    }
    for (const handler of this.accessHandlers) handler(change)
  }

  /**
   * After (re)connecting: subscribe to access changes and every room again,
   * have every plan's access rechecked, then read each room back from
   * storage, so what other instances published while we were away takes
   * effect here.
   */
  private async resubscribe(): Promise<void> {
    const firstConnect = !this.connectedOnce
    this.connectedOnce = true
    if (firstConnect) return
    const rooms = [...this.handlers.keys()]
    try {
      await this.subscriber.subscribe(this.accessChannel, ...rooms.map((room) => this.channelOf(room)))
    } catch (error) {
      this.reportDown(error)
      return
    }
    for (const handler of this.accessHandlers) handler({ kind: 'recheck' })
    await Promise.all(rooms.map((room) => this.catchUp(room)))
  }

  /**
   * Hands the room's stored state to its handlers as one update (what they
   * already have changes nothing), now and once more after the durability
   * window.
   */
  private async catchUp(room: string, again = true): Promise<void> {
    if (again) setTimeout(() => void this.catchUp(room, false), CATCH_UP_AGAIN_MS).unref()
    if (this.closing || !this.handlers.has(room)) return
    try {
      const state = await this.options.storage.load(room)
      const roomHandlers = this.handlers.get(room)
      if (!state || !roomHandlers) return
      const frame = encodeUpdate(state)
      for (const handler of roomHandlers) handler(frame)
    } catch (error) {
      this.options.logger?.error({ room, err: errorSummary(error) }, 'cannot catch up room from storage after a redis gap')
    }
  }

  private reportUp(): void {
    if (!this.reportedDown) return
    this.reportedDown = false
    this.options.logger?.info({ rooms: this.handlers.size }, 'redis is back; rooms catch up from storage')
  }

  /** Logs an outage once, not once per reconnect attempt or message. */
  private reportDown(error: unknown): void {
    this.downSince ??= Date.now()
    if (this.reportedDown || this.closing) return
    this.reportedDown = true
    this.options.logger?.warn(
      { err: errorSummary(error) },
      'redis unreachable; live edits between relay instances pause, storage keeps them, and rooms catch up when it is back',
    )
  }

  private channelOf(room: string): string {
    return `${this.prefix}${room}`
  }
}
