import { cp, mkdir, mkdtemp, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const DIST = join(REPO, 'dist/client')
/** Several engineers run e2e tests at once; one build at a time keeps dist/client whole. */
const LOCK = join(tmpdir(), 'kring-client-build.lock')
const STALE_LOCK_MS = 5 * 60_000

/**
 * Builds the client with Vite's JS API into `dist/client` (what `npm start`
 * serves), then copies it to a fresh temp folder that only this test run
 * serves, so a build started by someone else mid-run cannot swap the files
 * under our browsers. Returns that folder.
 */
export async function buildClientSnapshot(): Promise<string> {
  const snapshot = await mkdtemp(join(tmpdir(), 'kring-client-'))
  await withBuildLock(async () => {
    // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build.
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      await build({ configFile: join(REPO, 'vite.config.ts'), mode: 'production', logLevel: 'warn' })
    } finally {
      process.env.NODE_ENV = nodeEnv
    }
    await cp(DIST, snapshot, { recursive: true })
  })
  return snapshot
}

/**
 * A lock across processes: `mkdir` either creates the folder or fails, so
 * exactly one holder at a time. Hand-written because it is a few lines and no
 * lock library is a dependency. A lock left by a crashed run goes stale after
 * five minutes (a build takes seconds).
 */
async function withBuildLock(fn: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      await mkdir(LOCK)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const since = (await stat(LOCK).catch(() => undefined))?.mtimeMs
      if (since !== undefined && Date.now() - since > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true })
      else await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  try {
    await writeFile(join(LOCK, 'pid'), String(process.pid))
    await fn()
  } finally {
    await rm(join(LOCK, 'pid'), { force: true })
    await rmdir(LOCK)
  }
}
