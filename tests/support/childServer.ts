import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/**
 * A server in a Node process of its own: for tests that kill it and for
 * benchmarks that must not share an event loop with their clients. The script
 * prints `{"port":N}` as its first stdout line once it listens, logs to
 * stderr, and may answer `ask` messages over the IPC channel.
 */
export interface ChildServer {
  /** The server process's id (its event loop's thread id too). */
  pid: number
  port: number
  url: string
  /** Lines the server wrote to stderr, to show when something fails. */
  log: string[]
  /** Sends `question` over IPC and resolves with the child's next message. */
  ask<T>(question: unknown): Promise<T>
  /** Sends a signal (SIGKILL: no flush, no goodbye) and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Resolves with the exit code once the process has ended (null when a signal ended it). */
  exited: Promise<number | null>
}

/**
 * Starts `script` under Node with tsx as a loader (not `npx tsx`, whose
 * wrapper process would survive a SIGKILL meant for the server) and resolves
 * once it listens.
 */
export async function spawnChildServer(
  script: string,
  { env = {}, nodeArgs = [] }: { env?: Record<string, string | undefined>; nodeArgs?: string[] } = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  const log: string[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { port: number }).port))
    void exited.then(() => reject(new Error(`${script} exited before listening:\n${log.join('\n')}`)))
  })
  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    log,
    exited,
    ask<T>(question: unknown) {
      return new Promise<T>((resolve) => {
        child.once('message', (answer) => resolve(answer as T))
        child.send(question as object)
      })
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited.catch(() => {})
    },
  }
}
