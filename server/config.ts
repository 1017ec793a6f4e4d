import { fromBase64Url, toBase64Url } from '../shared/identity/base64url.ts'
import { DEFAULT_LIMITS, type Limits } from '../shared/protocol/limits.ts'

/**
 * The relay's configuration. This file is the only place that reads the
 * environment (conventions.md): everything else receives a `Config`.
 */
export interface Config {
  /** TCP port to listen on (PORT, default 8080; 0 picks a free port). */
  port: number
  /** Interface to listen on (HOST, default 0.0.0.0). */
  host: string
  /** Folder for the embedded SQLite file (DATA_DIR, default ./data). */
  dataDir: string
  /** PostgreSQL connection string (DATABASE_URL): PostgreSQL storage instead of SQLite. */
  databaseUrl: string | undefined
  /** Redis connection string (REDIS_URL): fan-out between relay instances. */
  redisUrl: string | undefined
  /** pino log level (LOG_LEVEL, default info). */
  logLevel: LogLevel
  /**
   * Whether every websocket must present an invitation token
   * (KRING_REQUIRE_TOKENS, default true). On by default because the safe
   * state must not depend on an operator remembering a setting: a plan id
   * travels in links, and without tokens anyone holding one could read and
   * write the plan. There is deliberately no "open until a room is claimed"
   * mode: a plan id is the hash of its key, so every plan can check tokens
   * from its very first connection, and an unclaimed window would only be a
   * hole. `false` is for development and for tests of other concerns; even
   * then a token that is presented is checked (roles, read-only, expiry,
   * revocation) and deleted plans stay refused.
   */
  requireTokens: boolean
  /** Size, rate and capacity limits (KRING_* variables; defaults in shared/protocol/limits.ts). */
  limits: Limits
  /**
   * Where Prometheus reads `/metrics` (KRING_METRICS_PORT): a listener of its
   * own, on `metricsHost`, apart from the app's port. Unset: no such listener.
   */
  metricsPort: number | undefined
  /** Interface the metrics listener binds to (KRING_METRICS_HOST, default 127.0.0.1: only this machine). */
  metricsHost: string
  /**
   * A bearer token that opens `/metrics` on the app's port (KRING_METRICS_TOKEN,
   * at least 16 characters). With neither this nor `metricsPort`, `/metrics`
   * is not served: it tells anyone who asks the Node version and memory use.
   */
  metricsToken: string | undefined
  /**
   * The request header a trusted reverse proxy puts the client's address in
   * (KRING_CLIENT_ADDRESS_HEADER, e.g. `x-forwarded-for`; its last entry
   * counts). Unset: the address the connection comes from. Set it only when
   * every request reaches the relay through that proxy, or anyone can claim
   * any address and escape the per-address limits.
   */
  clientAddressHeader: string | undefined
  /**
   * The operator's raw Ed25519 public key, base64url (KRING_ADMISSION_PUBLIC_KEY,
   * from `kring operator new`). Set, the relay takes a plan new to it only
   * when its first connection shows an admission signed by that key
   * (shared/capabilities/admission.ts), for a city's deployment; unset (the
   * single-machine default), every plan is welcome within the per-address limits.
   */
  admissionPublicKey: string | undefined
  /**
   * What every Redis channel of this deployment starts with
   * (KRING_REDIS_CHANNEL_PREFIX, default `kring`): two deployments sharing
   * one Redis must use different prefixes, or they would pass each other's changes.
   */
  redisChannelPrefix: string
  /**
   * The key that seals what relay instances pass each other through Redis
   * (KRING_REDIS_KEY: 32 random bytes, base64url, the same on every instance;
   * make one with `openssl rand -base64 32 | tr '+/' '-_' | tr -d '='`).
   * Unset, plan text passes through Redis as it is: anyone who can read Redis
   * reads it, and anyone who can publish on it can put changes into rooms.
   */
  redisKey: Uint8Array | undefined
}

/** A `Config` with any part left out, limits included: what `startRelay` accepts. */
export type ConfigOverrides = Partial<Omit<Config, 'limits'>> & { limits?: Partial<Limits> }

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** The configuration is invalid; the message lists every variable that is wrong, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid relay configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'ConfigError'
  }
}

/** Which environment variable sets which limit. */
const LIMIT_VARIABLES: { [K in keyof Limits]: string } = {
  maxMessageBytes: 'KRING_MAX_MESSAGE_BYTES',
  maxRoomNameLength: 'KRING_MAX_ROOM_NAME_LENGTH',
  maxRooms: 'KRING_MAX_ROOMS',
  maxConnectionsPerRoom: 'KRING_MAX_CONNECTIONS_PER_ROOM',
  maxMessagesPerSecond: 'KRING_MAX_MESSAGES_PER_SECOND',
  messageBurst: 'KRING_MESSAGE_BURST',
  roomIdleMs: 'KRING_ROOM_IDLE_MS',
  compactWhenQuietMs: 'KRING_COMPACT_WHEN_QUIET_MS',
  compactAtLatestMs: 'KRING_COMPACT_AT_LATEST_MS',
  httpHeadersTimeoutMs: 'KRING_HTTP_HEADERS_TIMEOUT_MS',
  httpRequestTimeoutMs: 'KRING_HTTP_REQUEST_TIMEOUT_MS',
  maxConnectionsPerAddress: 'KRING_MAX_CONNECTIONS_PER_ADDRESS',
  maxPlanRequestsPerMinute: 'KRING_MAX_PLAN_REQUESTS_PER_MINUTE',
  planRequestBurst: 'KRING_PLAN_REQUEST_BURST',
  maxClockSkewMs: 'KRING_MAX_CLOCK_SKEW_MS',
  maxImportBytes: 'KRING_MAX_IMPORT_BYTES',
  maxNewPlansPerAddressPerHour: 'KRING_MAX_NEW_PLANS_PER_ADDRESS_PER_HOUR',
  maxPlanBytes: 'KRING_MAX_PLAN_BYTES',
  accessRecheckMs: 'KRING_ACCESS_RECHECK_MS',
  maxPendingBytes: 'KRING_MAX_PENDING_BYTES',
  maxBufferedBytes: 'KRING_MAX_BUFFERED_BYTES',
  redisOutageLimitMs: 'KRING_REDIS_OUTAGE_LIMIT_MS',
  meetingCodeMinutes: 'KRING_MEETING_CODE_MINUTES',
  maxCodeTriesPerMinute: 'KRING_MAX_CODE_TRIES_PER_MINUTE',
  codeTryBurst: 'KRING_CODE_TRY_BURST',
}

/** The longest a meeting's code may be set to last (KRING_MEETING_CODE_MINUTES): a day. */
export const MAX_MEETING_CODE_MINUTES = 24 * 60

/** The longest a Node timer waits; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** The shortest KRING_METRICS_TOKEN accepted: long enough that nobody guesses it. */
export const MIN_METRICS_TOKEN_LENGTH = 16

/** Limits where 0 makes sense (an idle room may be unloaded at once, clocks may be required to agree); all others must be at least 1. */
const ZERO_ALLOWED: ReadonlySet<keyof Limits> = new Set(['roomIdleMs', 'maxClockSkewMs', 'compactWhenQuietMs'])

type Env = Record<string, string | undefined>

/**
 * Reads and validates the relay's configuration from `env`. Unset or empty
 * variables take their documented default. Throws a `ConfigError` naming every
 * invalid variable and its value (except connection strings, which may hold a
 * password), so an operator can fix them all in one go.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim()
    return value === undefined || value === '' ? undefined : value
  }
  const whole = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = read(name)
    if (raw === undefined) return fallback
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
      return fallback
    }
    return value
  }
  const connectionString = (name: string, protocols: string[]): string | undefined => {
    const raw = read(name)
    if (raw === undefined) return undefined
    let protocol: string | undefined
    try {
      protocol = new URL(raw).protocol
    } catch {
      protocol = undefined
    }
    if (protocol === undefined || !protocols.includes(protocol)) {
      problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')} (value not shown: it may hold a password)`)
    }
    return raw
  }

  const port = whole('PORT', 8080, 0, 65_535)
  const host = read('HOST') ?? '0.0.0.0'
  const dataDir = read('DATA_DIR') ?? './data'
  const databaseUrl = connectionString('DATABASE_URL', ['postgres:', 'postgresql:'])
  const redisUrl = connectionString('REDIS_URL', ['redis:', 'rediss:'])
  const rawLevel = read('LOG_LEVEL') ?? 'info'
  const logLevel = (LOG_LEVELS as readonly string[]).includes(rawLevel) ? (rawLevel as LogLevel) : undefined
  if (logLevel === undefined) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${rawLevel}"`)

  const rawRequire = read('KRING_REQUIRE_TOKENS') ?? 'true'
  const requireTokens = rawRequire === 'true' || rawRequire === '1' ? true : rawRequire === 'false' || rawRequire === '0' ? false : undefined
  if (requireTokens === undefined) problems.push(`KRING_REQUIRE_TOKENS must be true or false, got "${rawRequire}"`)

  const limits = { ...DEFAULT_LIMITS } as Limits
  for (const key of Object.keys(LIMIT_VARIABLES) as (keyof Limits)[]) {
    limits[key] = whole(LIMIT_VARIABLES[key], DEFAULT_LIMITS[key], ZERO_ALLOWED.has(key) ? 0 : 1)
  }

  if (limits.meetingCodeMinutes > MAX_MEETING_CODE_MINUTES) {
    problems.push(`KRING_MEETING_CODE_MINUTES must be at most ${MAX_MEETING_CODE_MINUTES} (a day: a meeting's code lasts hours, not days), got ${limits.meetingCodeMinutes}`)
  }

  for (const key of ['compactWhenQuietMs', 'compactAtLatestMs'] as const) {
    if (limits[key] > MAX_TIMER_MS) problems.push(`${LIMIT_VARIABLES[key]} must be at most ${MAX_TIMER_MS} (the longest a timer waits), got ${limits[key]}`)
  }
  if (limits.compactWhenQuietMs > 0 && limits.compactAtLatestMs < limits.compactWhenQuietMs) {
    problems.push(`KRING_COMPACT_AT_LATEST_MS (${limits.compactAtLatestMs}) must not be shorter than KRING_COMPACT_WHEN_QUIET_MS (${limits.compactWhenQuietMs})`)
  }

  if (limits.httpHeadersTimeoutMs > limits.httpRequestTimeoutMs) {
    problems.push(`KRING_HTTP_HEADERS_TIMEOUT_MS (${limits.httpHeadersTimeoutMs}) must not be longer than KRING_HTTP_REQUEST_TIMEOUT_MS (${limits.httpRequestTimeoutMs})`)
  }

  const rawMetricsPort = read('KRING_METRICS_PORT')
  const metricsPort = rawMetricsPort === undefined ? undefined : whole('KRING_METRICS_PORT', 0, 0, 65_535)
  const metricsHost = read('KRING_METRICS_HOST') ?? '127.0.0.1'
  const metricsToken = read('KRING_METRICS_TOKEN')
  if (metricsToken !== undefined && metricsToken.length < MIN_METRICS_TOKEN_LENGTH) {
    problems.push(`KRING_METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters (value not shown)`)
  }
  const clientAddressHeader = read('KRING_CLIENT_ADDRESS_HEADER')?.toLowerCase()
  if (clientAddressHeader !== undefined && !/^[a-z0-9-]+$/.test(clientAddressHeader)) {
    problems.push(`KRING_CLIENT_ADDRESS_HEADER must be a header name (letters, digits, -), got "${clientAddressHeader}"`)
  }

  const admissionPublicKey = read('KRING_ADMISSION_PUBLIC_KEY')
  if (admissionPublicKey !== undefined && !isRawPublicKey(admissionPublicKey)) {
    problems.push(`KRING_ADMISSION_PUBLIC_KEY must be a raw Ed25519 public key in base64url (43 characters, as \`kring operator new\` prints), got "${admissionPublicKey}"`)
  }

  const redisChannelPrefix = read('KRING_REDIS_CHANNEL_PREFIX') ?? 'kring'
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(redisChannelPrefix)) {
    problems.push(`KRING_REDIS_CHANNEL_PREFIX must be 1-64 letters, digits, _ . : or -, got "${redisChannelPrefix}"`)
  }
  const rawRedisKey = read('KRING_REDIS_KEY')
  const redisKey = rawRedisKey === undefined ? undefined : rawKey(rawRedisKey)
  if (rawRedisKey !== undefined && redisKey === undefined) {
    problems.push('KRING_REDIS_KEY must be 32 bytes in base64url (43 characters; value not shown)')
  }

  if (problems.length > 0) throw new ConfigError(problems)
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    redisUrl,
    logLevel: logLevel ?? 'info',
    requireTokens: requireTokens ?? true,
    limits,
    metricsPort,
    metricsHost,
    metricsToken,
    clientAddressHeader,
    admissionPublicKey,
    redisChannelPrefix,
    redisKey,
  }
}

/** 32 bytes from canonical base64url, or undefined when the text is not that. */
function rawKey(text: string): Uint8Array | undefined {
  try {
    const bytes = fromBase64Url(text)
    return bytes.length === 32 && toBase64Url(bytes) === text ? bytes : undefined
  } catch {
    return undefined
  }
}

/** A raw Ed25519 public key: 32 bytes in canonical base64url. */
function isRawPublicKey(text: string): boolean {
  return rawKey(text) !== undefined
}

/** Applies overrides on top of a base configuration; limits are merged one by one. */
export function withOverrides(base: Config, overrides: ConfigOverrides = {}): Config {
  const { limits, ...rest } = overrides
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Partial<Config>
  const definedLimits = Object.fromEntries(Object.entries(limits ?? {}).filter(([, value]) => value !== undefined)) as Partial<Limits>
  return { ...base, ...defined, limits: { ...base.limits, ...definedLimits } }
}
