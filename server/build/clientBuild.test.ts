import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { clientBuildIsStale } from './clientBuild.ts'

describe('client build staleness (npm start rebuilds only when needed)', () => {
  const roots: string[] = []
  afterEach(async () => {
    for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true })
  })

  async function repository(): Promise<{ root: string; outDir: string; at(path: string, seconds: number): Promise<void> }> {
    const root = await mkdtemp(join(tmpdir(), 'kring-build-'))
    roots.push(root)
    // Folders count too (a removed source changes its folder), so they get the file's time.
    const at = async (path: string, seconds: number) => {
      await mkdir(join(root, path, '..'), { recursive: true })
      await writeFile(join(root, path), path)
      const parts = path.split('/')
      for (let depth = parts.length; depth > 0; depth--) await utimes(join(root, ...parts.slice(0, depth)), seconds, seconds)
    }
    await at('client/app/App.tsx', 1_000)
    await at('shared/plan/plan.ts', 1_000)
    await at('vite.config.ts', 1_000)
    return { root, outDir: join(root, 'dist', 'client'), at }
  }

  it('is stale when there is no build', async () => {
    const { root, outDir } = await repository()
    expect(await clientBuildIsStale({ root, outDir })).toBe(true)
  })

  it('is fresh when the build is newer than every source', async () => {
    const { root, outDir, at } = await repository()
    await at('dist/client/index.html', 2_000)
    expect(await clientBuildIsStale({ root, outDir })).toBe(false)
  })

  it('is stale when any file under client/ or shared/ changed after the build', async () => {
    const { root, outDir, at } = await repository()
    await at('dist/client/index.html', 2_000)
    await at('shared/plan/deep/new.ts', 3_000)
    expect(await clientBuildIsStale({ root, outDir })).toBe(true)
  })
})
