import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ConfigOverrides } from '../../../server/config.ts'
import { createLogger } from '../../../server/log.ts'
import { startRelay, type Relay } from '../../../server/relay.ts'
import { SqliteStorage } from '../../../server/storage/sqlite.ts'
import type { Storage } from '../../../server/storage/storage.ts'

/** A real relay on a free port with a real SQLite file in a fresh temp folder. */
export interface TestRelay {
  relay: Relay
  dataDir: string
  /** `ws://127.0.0.1:<port>/sync`, the base URL for a `WebsocketProvider`. */
  syncUrl: string
  /** Closes the relay gracefully and starts a new one on the same data folder (new port). */
  restart(): Promise<TestRelay>
  /** Opens a second handle on the same SQLite file, to look at what is stored. */
  openStorage(): Storage
  /** Closes the relay (if still open) and removes the temp folder. */
  dispose(): Promise<void>
}

export interface TestRelayOptions {
  /**
   * Unlike `npm start`, tokens are not required here unless `requireTokens:
   * true` is given: these relay tests are about sync, storage, limits and
   * scale-out in rooms whose names are no plan ids. tests/relay/access.test.ts
   * runs the relay as `npm start` does, tokens required, sync included.
   */
  config?: ConfigOverrides
  /** Reuse a data folder (for restarts); default a fresh mkdtemp folder. */
  dataDir?: string
  /** Storage to hand the relay instead of a fresh SqliteStorage on `dataDir`. */
  storage?: Storage
}

export async function startTestRelay(options: TestRelayOptions = {}): Promise<TestRelay> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kring-relay-')))
  const relay = await startRelay({
    config: { requireTokens: false, ...options.config, dataDir },
    storage: options.storage ?? new SqliteStorage(dataDir),
    staticDir: null,
    logger: createLogger(process.env.KRING_TEST_LOG_LEVEL === undefined ? 'silent' : (process.env.KRING_TEST_LOG_LEVEL as 'info')),
  })
  const handles: Storage[] = []
  let owned = true
  const self: TestRelay = {
    relay,
    dataDir,
    syncUrl: `${relay.url.replace(/^http/, 'ws')}/sync`,
    async restart() {
      await relay.close()
      owned = false
      return startTestRelay({ config: options.config, dataDir })
    },
    openStorage() {
      const storage = new SqliteStorage(dataDir)
      handles.push(storage)
      return storage
    },
    async dispose() {
      await relay.close()
      for (const handle of handles) await handle.close()
      if (owned) await rm(dataDir, { recursive: true, force: true })
    },
  }
  return self
}
