import { fileURLToPath } from 'node:url'
import { RELAY_NODE_FLAGS } from '../../server/nodeFlags.ts'
import { spawnChildServer, type ChildServer } from './childServer.ts'

const CHILD_SCRIPT = fileURLToPath(new URL('./relayChild.ts', import.meta.url))

/** A relay running in a child process, which a test may kill. */
export type RelayProcess = ChildServer

/** Starts `relayChild.ts` with `env` on top of this process's environment; resolves once it listens. */
export function spawnRelay(env: Record<string, string | undefined>): Promise<RelayProcess> {
  return spawnChildServer(CHILD_SCRIPT, {
    // Tokens are another concern (tests/relay/access.test.ts); these rooms are no plan ids.
    env: { LOG_LEVEL: 'warn', KRING_REQUIRE_TOKENS: 'false', ...env },
    // So `ask('memory')` measures what it keeps alive after a full collection; and as `npm start` runs it.
    nodeArgs: ['--expose-gc', ...RELAY_NODE_FLAGS],
  })
}
