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

  /**
   * What every frame to or from every client, and every frame exchanged with
   * other relay instances, adds up to: counted here as plain numbers and
   * handed to prom-client when Prometheus scrapes (`countedPerDirection`).
   * prom-client hashes and checks a series' labels on every `inc`, even on a
   * series bound once with `labels()` (about 250 ns, and a string to collect,
   * each time): at 50 clients that is a hundred times per edit passed on.
   */
  private readonly traffic = {
    in: { messages: 0, bytes: 0, fanOut: 0 },
    out: { messages: 0, bytes: 0, fanOut: 0 },
  }

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
    help: 'Time a storage write took, from call to committed (append: one commit of appends, from its first; SQLite gathers for most of the durability window, less when commits are slow, and syncs to disk before it answers; PostgreSQL commits durably) or done (compact)',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  })

  /**
   * `processMetrics`: Node's own figures as well (memory, CPU, event loop
   * lag), only when someone can read them (`/metrics` served). prom-client
   * samples the event loop's lag with a timer every 10 ms: a relay that
   * collects them wakes a hundred times a second even with nobody connected,
   * each time taking a core for a moment from whatever else runs on the
   * server. An idle relay did that to the server measured beside it in the
   * benchmark: 0.6 ms on a core during each of the reference's slowest
   * edits in a hundred (`npm run bench -- cores`, bench/RESULTS.md).
   */
  constructor(gauges: RelayGauges, { processMetrics }: { processMetrics: boolean }) {
    countedPerDirection(this.registry, {
      name: 'kring_messages_total',
      help: 'Websocket messages received from (in) and sent to (out) clients',
      count: (direction) => this.traffic[direction].messages,
    })
    countedPerDirection(this.registry, {
      name: 'kring_message_bytes_total',
      help: 'Bytes of websocket messages received from (in) and sent to (out) clients',
      count: (direction) => this.traffic[direction].bytes,
    })
    countedPerDirection(this.registry, {
      name: 'kring_fanout_messages_total',
      help: 'Messages published to (out) and received from (in) other relay instances',
      count: (direction) => this.traffic[direction].fanOut,
    })
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
    if (processMetrics) collectDefaultMetrics({ register: this.registry })
  }

  /** Counts one websocket message of `byteLength` bytes, received or sent. */
  message(direction: Direction, byteLength: number): void {
    const counts = this.traffic[direction]
    counts.messages++
    counts.bytes += byteLength
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
    this.traffic[direction].fanOut++
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

/**
 * A counter per direction (in, out) whose totals `count` keeps outside
 * prom-client, read when Prometheus scrapes: see RelayMetrics.traffic.
 */
function countedPerDirection(registry: Registry, { name, help, count }: { name: string; help: string; count: (direction: Direction) => number }): void {
  new Counter({
    name,
    help,
    labelNames: ['direction'] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const direction of ['in', 'out'] as const) this.inc({ direction }, count(direction))
    },
  })
}
