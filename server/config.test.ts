import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../shared/protocol/limits.ts'
import { fromBase64Url } from '../shared/identity/base64url.ts'
import { ConfigError, loadConfig, withOverrides } from './config.ts'

describe('relay configuration', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      databaseUrl: undefined,
      redisUrl: undefined,
      logLevel: 'info',
      requireTokens: true,
      limits: { ...DEFAULT_LIMITS },
      metricsPort: undefined,
      metricsHost: '127.0.0.1',
      metricsToken: undefined,
      clientAddressHeader: undefined,
      redisChannelPrefix: 'kring',
    })
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/kring',
      DATABASE_URL: 'postgres://kring:secret@db:5432/kring',
      REDIS_URL: 'redis://cache:6379',
      LOG_LEVEL: 'debug',
      KRING_REQUIRE_TOKENS: 'false',
      KRING_MAX_MESSAGE_BYTES: '1048576',
      KRING_MAX_ROOM_NAME_LENGTH: '64',
      KRING_MAX_ROOMS: '10',
      KRING_MAX_CONNECTIONS_PER_ROOM: '20',
      KRING_MAX_MESSAGES_PER_SECOND: '30',
      KRING_MESSAGE_BURST: '40',
      KRING_ROOM_IDLE_MS: '0',
      KRING_COMPACT_WHEN_QUIET_MS: '0',
      KRING_COMPACT_AT_LATEST_MS: '4000',
      KRING_HTTP_HEADERS_TIMEOUT_MS: '5000',
      KRING_HTTP_REQUEST_TIMEOUT_MS: '20000',
      KRING_MAX_CONNECTIONS_PER_ADDRESS: '50',
      KRING_MAX_PLAN_REQUESTS_PER_MINUTE: '12',
      KRING_PLAN_REQUEST_BURST: '6',
      KRING_MAX_CLOCK_SKEW_MS: '0',
      KRING_MAX_NEW_PLANS_PER_ADDRESS_PER_HOUR: '3',
      KRING_MAX_PLAN_BYTES: '65536',
      KRING_ADMISSION_PUBLIC_KEY: 'fzC8KqtKOS9Up7fySkgNkE53yOQaWMg-FawuixvmSgQ',
      KRING_METRICS_PORT: '9100',
      KRING_METRICS_HOST: '10.0.0.5',
      KRING_METRICS_TOKEN: 'a-long-enough-metrics-token',
      KRING_CLIENT_ADDRESS_HEADER: 'X-Forwarded-For',
      KRING_MAX_IMPORT_BYTES: '65536',
      KRING_ACCESS_RECHECK_MS: '1000',
      KRING_REDIS_OUTAGE_LIMIT_MS: '2000',
      KRING_MAX_PENDING_BYTES: '4096',
      KRING_MAX_BUFFERED_BYTES: '8192',
      KRING_MEETING_CODE_MINUTES: '90',
      KRING_MAX_CODE_TRIES_PER_MINUTE: '5',
      KRING_CODE_TRY_BURST: '3',
      KRING_REDIS_CHANNEL_PREFIX: 'kring-utrecht',
      KRING_REDIS_KEY: 'zUu0Yyp3K1VbnnHkl8GULtaT1B1cWZ1Ti2Mbth6SZHU',
    })
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/kring',
      databaseUrl: 'postgres://kring:secret@db:5432/kring',
      redisUrl: 'redis://cache:6379',
      logLevel: 'debug',
      requireTokens: false,
      limits: {
        maxMessageBytes: 1_048_576,
        maxRoomNameLength: 64,
        maxRooms: 10,
        maxConnectionsPerRoom: 20,
        maxMessagesPerSecond: 30,
        messageBurst: 40,
        roomIdleMs: 0,
        compactWhenQuietMs: 0,
        compactAtLatestMs: 4_000,
        httpHeadersTimeoutMs: 5_000,
        httpRequestTimeoutMs: 20_000,
        maxConnectionsPerAddress: 50,
        maxPlanRequestsPerMinute: 12,
        planRequestBurst: 6,
        maxClockSkewMs: 0,
        maxImportBytes: 65_536,
        maxNewPlansPerAddressPerHour: 3,
        maxPlanBytes: 65_536,
        accessRecheckMs: 1_000,
        redisOutageLimitMs: 2_000,
        maxPendingBytes: 4_096,
        maxBufferedBytes: 8_192,
        meetingCodeMinutes: 90,
        maxCodeTriesPerMinute: 5,
        codeTryBurst: 3,
      },
      metricsPort: 9100,
      metricsHost: '10.0.0.5',
      metricsToken: 'a-long-enough-metrics-token',
      clientAddressHeader: 'x-forwarded-for',
      admissionPublicKey: 'fzC8KqtKOS9Up7fySkgNkE53yOQaWMg-FawuixvmSgQ',
      redisChannelPrefix: 'kring-utrecht',
      redisKey: fromBase64Url('zUu0Yyp3K1VbnnHkl8GULtaT1B1cWZ1Ti2Mbth6SZHU'),
    })
  })

  it('keeps a meeting code to hours, not days', () => {
    expect(() => loadConfig({ KRING_MEETING_CODE_MINUTES: String(24 * 60 + 1) })).toThrow(/KRING_MEETING_CODE_MINUTES must be at most 1440/)
    expect(() => loadConfig({ KRING_MAX_CODE_TRIES_PER_MINUTE: '0' })).toThrow(/KRING_MAX_CODE_TRIES_PER_MINUTE/)
    expect(loadConfig({ KRING_MEETING_CODE_MINUTES: '1440' }).limits.meetingCodeMinutes).toBe(1440)
  })

  it('names every invalid variable and its value, but never a connection string', () => {
    let caught: unknown
    try {
      loadConfig({ PORT: '80a', KRING_MAX_ROOMS: '0', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://user:hunter2@db/kring', KRING_REQUIRE_TOKENS: 'maybe' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigError)
    const message = (caught as ConfigError).message
    expect(message).toContain('PORT must be a whole number from 0 to 65535, got "80a"')
    expect(message).toContain('KRING_MAX_ROOMS must be a whole number from 1')
    expect(message).toContain('got "0"')
    expect(message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"')
    expect(message).toContain('DATABASE_URL must be a URL starting with postgres:// or postgresql://')
    expect(message).toContain('KRING_REQUIRE_TOKENS must be true or false, got "maybe"')
    expect(message).not.toContain('hunter2')
    expect((caught as ConfigError).problems).toHaveLength(5)
  })

  it('refuses a compaction that would wait longer at the latest than for a pause, or longer than a timer can', () => {
    expect(() => loadConfig({ KRING_COMPACT_WHEN_QUIET_MS: '5000', KRING_COMPACT_AT_LATEST_MS: '1000' })).toThrow(
      /KRING_COMPACT_AT_LATEST_MS \(1000\) must not be shorter than KRING_COMPACT_WHEN_QUIET_MS \(5000\)/,
    )
    expect(() => loadConfig({ KRING_COMPACT_AT_LATEST_MS: String(2 ** 31) })).toThrow(/KRING_COMPACT_AT_LATEST_MS must be at most 2147483647/)
    expect(loadConfig({ KRING_COMPACT_WHEN_QUIET_MS: '0', KRING_COMPACT_AT_LATEST_MS: '1' }).limits.compactWhenQuietMs).toBe(0)
  })

  it('refuses a metrics token short enough to guess (without showing it), a headers timeout longer than the request timeout, and a header name that is none', () => {
    expect(() => loadConfig({ KRING_METRICS_TOKEN: 'short-secret' })).toThrow(/KRING_METRICS_TOKEN must be at least 16 characters \(value not shown\)/)
    expect(() => loadConfig({ KRING_METRICS_TOKEN: 'short-secret' })).not.toThrow(/short-secret/)
    expect(() => loadConfig({ KRING_HTTP_HEADERS_TIMEOUT_MS: '60000', KRING_HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(/KRING_HTTP_HEADERS_TIMEOUT_MS \(60000\) must not be longer than KRING_HTTP_REQUEST_TIMEOUT_MS \(30000\)/)
    expect(() => loadConfig({ KRING_CLIENT_ADDRESS_HEADER: 'x forwarded' })).toThrow(/KRING_CLIENT_ADDRESS_HEADER must be a header name/)
    expect(() => loadConfig({ KRING_ADMISSION_PUBLIC_KEY: 'fzC8KqtKOS9Up7fySkgNkE53yOQaWMg' })).toThrow(/KRING_ADMISSION_PUBLIC_KEY must be a raw Ed25519 public key/)
    expect(() => loadConfig({ KRING_REDIS_KEY: 'secret-but-too-short' })).toThrow(/KRING_REDIS_KEY must be 32 bytes in base64url \(43 characters; value not shown\)/)
    expect(() => loadConfig({ KRING_REDIS_KEY: 'secret-but-too-short' })).not.toThrow(/secret-but/)
    expect(() => loadConfig({ KRING_REDIS_CHANNEL_PREFIX: 'kring utrecht' })).toThrow(/KRING_REDIS_CHANNEL_PREFIX must be/)
  })

  it('merges overrides limit by limit', () => {
    const config = withOverrides(loadConfig({}), { port: 0, limits: { maxRooms: 2 } })
    expect(config.port).toBe(0)
    expect(config.limits.maxRooms).toBe(2)
    expect(config.limits.messageBurst).toBe(DEFAULT_LIMITS.messageBurst)
  })
})
