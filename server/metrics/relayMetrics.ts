import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** Why the relay turned a connection away, as a metric label. */
export type RefusalReason =
  | 'invalid_room_name'
  | 'unauthorized'
  | 'forbidden'
  | 'relay_full'
  | 'room_full'
  | 'storage_unavailable'
  | 'storage_corrupt'
  | 'rate_limited'
  | 'message_too_big'
  | 'malformed_message'
  | 'too_many_connections'
  | 'too_many_new_plans'
  | 'not_admitted'
  | 'plan_full'
  | 'access_unchecked'
  | 'pending_too_large'
  | 'too_slow'

/** Why the relay refused a plain HTTP request, as a metric label. */
export type RequestRefusalReason = 'rate_limited' | 'body_too_large' | 'metrics_unauthorized'

export type Direction = 'in' | 'out'

export type StorageOperation = 'append' | 'compact' | 'delete'

/** What the relay knows right now; read when Prometheus scrapes, so gauges never drift. */
export interface RelayGauges {
  connections(): number
  roomsOpen(): number
  /** Rooms whose stored data could not be read when last asked for. */
  roomsUnreadable?(): number
}

/**
 * The relay's Prometheus metrics (`GET /metrics`). One registry per relay
 * instance, so several relays in one process (tests, benchmarks) never mix
 * their numbers. Names follow Prometheus conventions: `kring_` prefix, unit
 * suffix, `_total` for counters.
 */
export class RelayMetrics {
  readonly registry = new Registry()

  private readonly messages = new Counter({
    name: 'kring_messages_total',
    help: 'Websocket messages received from (in) and sent to (out) clients',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  })

  private readonly bytes = new Counter({
    name: 'kring_message_bytes_total',
    help: 'Bytes of websocket messages received from (in) and sent to (out) clients',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  })

  private readonly refused = new Counter({
    name: 'kring_connections_refused_total',
    help: 'Connections refused or closed by the relay, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  })

  private readonly refusedRequests = new Counter({
    name: 'kring_http_requests_refused_total',
    help: 'Plain HTTP requests the relay refused, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  })

  private readonly refusedPresence = new Counter({
    name: 'kring_awareness_refused_total',
    help: 'Presence (awareness) messages dropped because they claimed another person than the connection\'s invitation names',
    registers: [this.registry],
  })

  private readonly storageSeconds = new Histogram({
    name: 'kring_storage_write_seconds',
    help: 'Time a storage write took, from call to committed (append: one commit of appends, from its first; SQLite gathers for 50 ms and syncs to disk right after; PostgreSQL commits durably) or done (compact)',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  })

  private readonly fanOut = new Counter({
    name: 'kring_fanout_messages_total',
    help: 'Messages published to (out) and received from (in) other relay instances',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  })

  constructor(gauges: RelayGauges) {
    new Gauge({
      name: 'kring_connections',
      help: 'Open websocket connections',
      registers: [this.registry],
      collect() {
        this.set(gauges.connections())
      },
    })
    new Gauge({
      name: 'kring_rooms_open',
      help: 'Rooms held in memory',
      registers: [this.registry],
      collect() {
        this.set(gauges.roomsOpen())
      },
    })
    new Gauge({
      name: 'kring_rooms_unreadable',
      help: 'Rooms whose stored data could not be read: refused and left untouched for the operator (names in the error log)',
      registers: [this.registry],
      collect() {
        this.set(gauges.roomsUnreadable?.() ?? 0)
      },
    })
    collectDefaultMetrics({ register: this.registry })
  }

  /**
   * The labelled series every message touches, looked up once: prom-client
   * hashes the labels on every `inc({ ... })`, and these run for every frame
   * to every client.
   */
  private readonly perDirection = {
    in: { messages: this.messages.labels('in'), bytes: this.bytes.labels('in'), fanOut: this.fanOut.labels('in') },
    out: { messages: this.messages.labels('out'), bytes: this.bytes.labels('out'), fanOut: this.fanOut.labels('out') },
  }

  /** Counts one websocket message of `byteLength` bytes, received or sent. */
  message(direction: Direction, byteLength: number): void {
    const series = this.perDirection[direction]
    series.messages.inc()
    series.bytes.inc(byteLength)
  }

  /** Counts a connection the relay turned away or closed. */
  refusedConnection(reason: RefusalReason): void {
    this.refused.inc({ reason })
  }

  /** Counts a plain HTTP request the relay refused. */
  refusedRequest(reason: RequestRefusalReason): void {
    this.refusedRequests.inc({ reason })
  }

  /** Counts presence dropped because it claimed another person (issue 11). */
  refusedAwareness(): void {
    this.refusedPresence.inc()
  }

  /** Counts a message exchanged with other relay instances. */
  fanOutMessage(direction: Direction): void {
    this.perDirection[direction].fanOut.inc()
  }

  /** Times one storage write; resolves or rejects as the write does. */
  async timeStorageWrite<T>(operation: StorageOperation, write: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      const result = await write()
      this.storageSeries(operation, 'ok').observe((performance.now() - started) / 1000)
      return result
    } catch (error) {
      this.storageSeries(operation, 'error').observe((performance.now() - started) / 1000)
      throw error
    }
  }

  private readonly storageChildren = new Map<string, ReturnType<typeof this.storageSeconds.labels>>()

  /** The histogram series of one operation and outcome, looked up once (appends are timed for every commit). */
  private storageSeries(operation: StorageOperation, outcome: 'ok' | 'error') {
    const key = `${operation} ${outcome}`
    let series = this.storageChildren.get(key)
    if (series === undefined) this.storageChildren.set(key, (series = this.storageSeconds.labels(operation, outcome)))
    return series
  }

  /** The metrics in Prometheus text format, and the content type to serve them with. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() }
  }
}
