import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/** What is worth compressing: text. Images (PNG) are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.wasm'])
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip, best)
 * beside every compressible file of a finished build, so the relay serves
 * compressed files without compressing per request
 * (server/http/staticFiles.ts). A copy that is not smaller is not written.
 * Node's own zlib does the work; the plugin is only the walk over the folder.
 */
export async function precompressFolder(folder: string): Promise<{ files: number }> {
  let files = 0
  for (const path of await filesUnder(folder)) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue
    const content = await readFile(path)
    if (content.byteLength < MIN_BYTES) continue
    const [br, gzipped] = await Promise.all([
      brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength } }),
      gz(content, { level: constants.Z_BEST_COMPRESSION }),
    ])
    if (br.byteLength < content.byteLength) await writeFile(`${path}.br`, br)
    if (gzipped.byteLength < content.byteLength) await writeFile(`${path}.gz`, gzipped)
    files++
  }
  return { files }
}

/**
 * The Vite plugin: precompresses the output folder once the whole build is
 * written, service worker included (vite-plugin-pwa writes it in its own
 * closeBundle, which this one waits for).
 */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'kring-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await precompressFolder(outDir)
      },
    },
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...(await filesUnder(path)))
    else if (entry.isFile() && (await stat(path)).size > 0) found.push(path)
  }
  return found
}
