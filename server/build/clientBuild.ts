import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../log.ts'

export interface ClientBuildPaths {
  /** The repository root (vite.config.ts, client/, shared/). */
  root: string
  /** Where the build lands (vite.config.ts's outDir): `<root>/dist/client`. */
  outDir: string
}

/** What the client build is made from: a change in any of these makes the build stale. */
function sourcesOf({ root }: ClientBuildPaths): string[] {
  return [join(root, 'client'), join(root, 'shared'), join(root, 'vite.config.ts'), join(root, 'server', 'build', 'precompress.ts'), join(root, 'package-lock.json')]
}

/**
 * Whether the client must be (re)built: its `index.html` is missing or older
 * than any file it is made from.
 */
export async function clientBuildIsStale(paths: ClientBuildPaths): Promise<boolean> {
  const built = await modifiedAt(join(paths.outDir, 'index.html'))
  if (built === undefined) return true
  for (const source of sourcesOf(paths)) {
    if ((await newestIn(source)) > built) return true
  }
  return false
}

/**
 * Builds the client with Vite (using the repository's vite.config.ts) when the
 * build is missing or stale, so `npm start` always serves what is checked out.
 */
export async function ensureClientBuilt(paths: ClientBuildPaths, logger: Logger): Promise<void> {
  if (!(await clientBuildIsStale(paths))) return
  logger.info({ outDir: paths.outDir }, 'building the client')
  // Imported here: a relay with an up-to-date build never loads Vite.
  const { build } = await import('vite')
  await build({ configFile: join(paths.root, 'vite.config.ts'), logLevel: 'warn' })
  // Only existence is checked: a source saved during the build makes it stale again, and the next start rebuilds.
  if ((await modifiedAt(join(paths.outDir, 'index.html'))) === undefined) {
    throw new Error(`The client build did not produce ${join(paths.outDir, 'index.html')}; check build.outDir in vite.config.ts`)
  }
  logger.info({ outDir: paths.outDir }, 'client built')
}

async function modifiedAt(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return undefined
  }
}

/** The newest modification time of a file, or of any file under a folder (0 when there is none). */
async function newestIn(path: string): Promise<number> {
  let found: Awaited<ReturnType<typeof stat>>
  try {
    found = await stat(path)
  } catch {
    return 0
  }
  if (!found.isDirectory()) return found.mtimeMs
  let newest = found.mtimeMs
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    newest = Math.max(newest, await newestIn(join(path, entry.name)))
  }
  return newest
}
