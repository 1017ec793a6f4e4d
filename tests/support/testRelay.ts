import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { LOG_LEVELS, type ConfigOverrides, type LogLevel } from '../../server/config.ts'
import { createLogger, type Logger } from '../../server/log.ts'
import { startRelay, type Relay } from '../../server/relay.ts'
import { SqliteStorage } from '../../server/storage/sqlite.ts'
import type { Storage } from '../../server/storage/storage.ts'

/**
 * The real relay in this process for a test: a free port on 127.0.0.1, a
 * real SQLite file in a fresh temp folder, tokens required as `npm start`
 * has them (unless `config` says otherwise), and in browser tests the client
 * this run built. `stop()`/`start()` restart it on the same port with the
 * same data, so clients reconnect to it as to a restarted server.
 * Silent unless KRING_TEST_LOG_LEVEL (a pino level) is set.
 */
export interface TestRelay {
  /** `http://127.0.0.1:<port>`: open the app or post to the relay here; the same after a restart. */
  readonly url: string
  readonly port: number
  /** `ws://127.0.0.1:<port>/sync`, the base URL for a `WebsocketProvider`. */
  readonly syncUrl: string
  readonly dataDir: string
  /** The running relay (its metrics, its HTTP server). Throws while stopped. */
  readonly relay: Relay
  /** Stops the relay gracefully (as SIGTERM does); the data stays. */
  stop(): Promise<void>
  /** Starts it again on the same port with the same data, as after a restart. */
  start(): Promise<void>
  /** `stop()` then `start()`. */
  restart(): Promise<void>
  /** A second handle on the same SQLite file, to look at what is stored; closed by `close()`. */
  openStorage(): Storage
  /** Stops it and removes its data (unless the data folder was given). */
  close(): Promise<void>
}

export interface TestRelayOptions {
  config?: ConfigOverrides
  /** Reuse a data folder; default a fresh temp folder, removed by `close()`. */
  dataDir?: string
  /** Storage for the first start instead of a SqliteStorage on `dataDir` (later starts open a fresh one). */
  storage?: Storage
  /** The built client to serve; default: this run's build in browser tests, none elsewhere. */
  staticDir?: string | null
  /** The relay's clock for what expires by it (meeting codes); default Date.now. */
  now?: () => number
  /** Where the relay logs (e.g. to capture its errors); default silent unless KRING_TEST_LOG_LEVEL. */
  logger?: Logger
}

export async function startTestRelay(options: TestRelayOptions = {}): Promise<TestRelay> {
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kring-test-relay-')))
  const staticDir = options.staticDir !== undefined ? options.staticDir : (inject('clientDir') ?? null)
  const wanted = process.env.KRING_TEST_LOG_LEVEL
  const logLevel: LogLevel = LOG_LEVELS.find((level) => level === wanted) ?? 'silent'
  let storage = options.storage
  const launch = async (port: number) =>
    startRelay({
      config: { ...options.config, port, dataDir, logLevel },
      storage: storage ?? (await SqliteStorage.open(dataDir)),
      staticDir,
      logger: options.logger ?? createLogger(logLevel),
      now: options.now,
    })
  let running: Relay | null = await launch(0)
  storage = undefined
  const { port, url } = running
  const handles: Storage[] = []
  const stop = async () => {
    await running?.close()
    running = null
  }
  const start = async () => {
    running ??= await launch(port)
  }
  return {
    url,
    port,
    syncUrl: `${url.replace(/^http/, 'ws')}/sync`,
    dataDir,
    get relay() {
      if (running === null) throw new Error('The test relay is stopped')
      return running
    },
    stop,
    start,
    async restart() {
      await stop()
      await start()
    },
    openStorage() {
      const handle = new SqliteStorage(dataDir)
      handles.push(handle)
      return handle
    },
    async close() {
      await stop()
      for (const handle of handles.splice(0)) await handle.close()
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
