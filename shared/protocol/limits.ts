/**
 * Default limits of the relay. The relay reads overrides from the environment
 * (server/config.ts); these are the documented defaults both sides agree on.
 */
export const DEFAULT_LIMITS = {
  /** Largest websocket frame the relay accepts, in bytes (KRING_MAX_MESSAGE_BYTES). */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Longest room name, in characters (KRING_MAX_ROOM_NAME_LENGTH). */
  maxRoomNameLength: 128,
  /**
   * Rooms one relay process keeps open at once for plans new to it
   * (KRING_MAX_ROOMS). When it is reached an empty room makes way, and a plan
   * the relay holds already is always opened.
   */
  maxRooms: 10_000,
  /** Connections one room accepts (KRING_MAX_CONNECTIONS_PER_ROOM). */
  maxConnectionsPerRoom: 200,
  /** Messages per second one connection may send, sustained (KRING_MAX_MESSAGES_PER_SECOND). */
  maxMessagesPerSecond: 200,
  /** Burst of messages allowed above the sustained rate (KRING_MESSAGE_BURST). */
  messageBurst: 1_000,
  /** How long an empty room stays in memory before it is unloaded, in ms (KRING_ROOM_IDLE_MS). */
  roomIdleMs: 30_000,
  /**
   * How long a room goes without an edit before the compactions that fell
   * due run, in ms (KRING_COMPACT_WHEN_QUIET_MS; 0: right after the edit
   * that made them due): their work takes a core between edits, not while
   * people type.
   */
  compactWhenQuietMs: 2_000,
  /** How long after they fell due a room's compactions run at the latest when its editing never pauses, in ms (KRING_COMPACT_AT_LATEST_MS). */
  compactAtLatestMs: 10_000,
  /** How long a client may take to send a request's headers, in ms (KRING_HTTP_HEADERS_TIMEOUT_MS). */
  httpHeadersTimeoutMs: 10_000,
  /** How long a client may take to send a whole request, body included, in ms (KRING_HTTP_REQUEST_TIMEOUT_MS). */
  httpRequestTimeoutMs: 30_000,
  /**
   * Open connections (websockets and HTTP requests under way) from one client
   * address (KRING_MAX_CONNECTIONS_PER_ADDRESS). Generous, because a school,
   * a wijkteam office or a care home shows many devices as one address, each
   * with up to three rooms open.
   */
  maxConnectionsPerAddress: 256,
  /** Requests to /plans/* one client address may make per minute, sustained (KRING_MAX_PLAN_REQUESTS_PER_MINUTE). */
  maxPlanRequestsPerMinute: 60,
  /** Burst of /plans/* requests allowed above that rate (KRING_PLAN_REQUEST_BURST): a device re-posting its plan's records at once. */
  planRequestBurst: 60,
  /**
   * Plans new to this relay one client address may open per hour
   * (KRING_MAX_NEW_PLANS_PER_ADDRESS_PER_HOUR); a plan the relay holds
   * (something stored, or admitted) never counts.
   */
  maxNewPlansPerAddressPerHour: 30,
  /** What one plan may store over its three rooms, in bytes (KRING_MAX_PLAN_BYTES); an update past it is refused with 4413. */
  maxPlanBytes: 32 * 1024 * 1024,
  /**
   * Bytes of updates whose causes have not arrived one room holds back at
   * most (KRING_MAX_PENDING_BYTES); the connection whose update would pass it
   * is closed with 4422, and nothing it sent is stored or passed on.
   */
  maxPendingBytes: 1024 * 1024,
  /**
   * Bytes that may wait to be sent to one connection (KRING_MAX_BUFFERED_BYTES):
   * past it the client is not reading, and is closed with 4408.
   */
  maxBufferedBytes: 8 * 1024 * 1024,
  /**
   * How often each relay instance rechecks revocations, handovers and
   * deletions against shared storage, in ms (KRING_ACCESS_RECHECK_MS), so
   * one made on another instance takes effect here within this time even
   * while Redis is away. Only with REDIS_URL (more than one instance).
   */
  accessRecheckMs: 5_000,
  /**
   * How long an instance serves live exchange without Redis while it also
   * cannot recheck access against storage, in ms (KRING_REDIS_OUTAGE_LIMIT_MS):
   * past it, it closes its rooms (1013) and refuses new connections until
   * one of the two is back, as another instance could have revoked or deleted them.
   */
  redisOutageLimitMs: 30_000,
  /** How far in the future an invitation's issuedAt may lie, in ms (KRING_MAX_CLOCK_SKEW_MS); later ones are refused (4403 not-yet-valid). */
  maxClockSkewMs: 10 * 60 * 1000,
  /** Largest import the relay takes at /plans/<id>/import, in bytes of the request (KRING_MAX_IMPORT_BYTES). */
  maxImportBytes: 32 * 1024 * 1024,
  /**
   * How long a meeting's short code works, in minutes (KRING_MEETING_CODE_MINUTES;
   * at most a day): a meeting's length with room to spare, hours, not days.
   * The guest link a code stands for must be made within this time too.
   */
  meetingCodeMinutes: 4 * 60,
  /**
   * Wrong meeting codes one client address may try per minute, sustained
   * (KRING_MAX_CODE_TRIES_PER_MINUTE); a right code never counts, so thirty
   * guests on one community centre's wifi all get in.
   */
  maxCodeTriesPerMinute: 10,
  /** Wrong meeting codes allowed at once above that rate (KRING_CODE_TRY_BURST): a few typos in a row. */
  codeTryBurst: 10,
} as const

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number }
