import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { LOG_LEVELS, type LogLevel } from '../../../server/config.ts'
import { startRelay, type Relay } from '../../../server/relay.ts'

/** The real relay for a browser test, serving this run's build of the client. */
export interface TestRelay {
  /** `http://127.0.0.1:<port>`: open the app here. */
  url: string
  port: number
  dataDir: string
  /** Stops the relay (as a crash or a restart would, but gracefully); the data stays. */
  stop(): Promise<void>
  /** Starts it again on the same port with the same data, as after a restart. */
  start(): Promise<void>
  /** Stops it and removes its data. */
  close(): Promise<void>
}

/**
 * Starts the real relay on a free port on 127.0.0.1 with a fresh temp data
 * directory (SQLite), serving the client that globalSetup built. Tokens are
 * required, as in production. Silent unless E2E_RELAY_LOG (a pino level) is set.
 */
export async function startTestRelay(options: { staticDir?: string } = {}): Promise<TestRelay> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kring-e2e-data-'))
  const staticDir = options.staticDir ?? inject('clientDir')
  const wanted = process.env.E2E_RELAY_LOG
  const logLevel: LogLevel = LOG_LEVELS.find((level) => level === wanted) ?? 'silent'
  const launch = (port: number) => startRelay({ config: { port, dataDir, logLevel }, staticDir })
  let relay: Relay | null = await launch(0)
  const { port, url } = relay
  return {
    url,
    port,
    dataDir,
    async stop() {
      await relay?.close()
      relay = null
    },
    async start() {
      relay ??= await launch(port)
    },
    async close() {
      await relay?.close()
      relay = null
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
