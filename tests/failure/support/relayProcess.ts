import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const CHILD_SCRIPT = fileURLToPath(new URL('./relayChild.ts', import.meta.url))

/** A relay running in a child process, which a test may kill. */
export interface RelayProcess {
  port: number
  url: string
  /** Lines the relay logged (stderr), to show when a test fails. */
  log: string[]
  /** Sends a signal (SIGKILL: no flush, no goodbye) and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Starts `tests/failure/support/relayChild.ts` in a fresh Node process with
 * `env` on top of this one's, and resolves once it listens. Node runs tsx as a
 * loader itself (not `npx tsx`, whose wrapper would survive a SIGKILL meant
 * for the relay).
 */
export async function spawnRelay(env: Record<string, string | undefined>): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT], {
    // Tokens are another concern (tests/relay/access.test.ts); these rooms are no plan ids.
    env: { ...process.env, LOG_LEVEL: 'warn', KRING_REQUIRE_TOKENS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: string[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await firstPort(child, exited, log)
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    log,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

function firstPort(child: ChildProcess, exited: Promise<void>, log: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port))
    void exited.then(() => reject(new Error(`relay process exited before listening:\n${log.join('\n')}`)))
  })
}
