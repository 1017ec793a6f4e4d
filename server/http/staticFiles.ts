import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { basename, extname, join, resolve, sep } from 'node:path'

/**
 * Serves the built client (`dist/client`) as static files, with the app's own
 * page (`index.html`) for every path that is not a file (a single-page app).
 * Hand-written on node:http and fs because it needs a dozen content types,
 * two cache rules and picking a precompressed file, no more; a static-file
 * library would be a bigger surface.
 *
 * Compression: the build writes `<file>.br` and `<file>.gz` beside every
 * compressible file (server/build/precompress.ts); a browser that accepts
 * brotli gets the `.br`, else one that accepts gzip the `.gz`, else the file
 * itself. Nothing is compressed per request.
 *
 * Caching: files under `/assets/` (and workbox's runtime) carry a content hash
 * in their name, so they are immutable; everything else (`index.html`,
 * `sw.js`, the manifest) is revalidated on every use, so a new release
 * reaches people on the next load.
 */
export function createStaticHandler(rootDir: string): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const root = resolve(rootDir)
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n')
      return
    }
    const path = safePath(root, request.url ?? '/')
    if (path === undefined) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path\n')
      return
    }
    const file = (await fileAt(path)) ?? (isPagePath(request.url ?? '/') ? await fileAt(join(root, 'index.html')) : undefined)
    if (file === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    const sent = (await precompressed(file, request.headers['accept-encoding'])) ?? { ...file, encoding: undefined }
    const etag = `W/"${sent.size.toString(16)}-${Math.floor(sent.mtimeMs).toString(16)}${sent.encoding ? `-${sent.encoding}` : ''}"`
    const headers: Record<string, string> = {
      'Content-Type': contentTypeOf(file.path),
      'Cache-Control': cacheControlOf(root, file.path),
      ETag: etag,
    }
    if (sent.encoding) headers['Content-Encoding'] = sent.encoding
    if (isCompressible(file.path)) headers['Vary'] = 'Accept-Encoding'
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end()
      return
    }
    response.writeHead(200, { ...headers, 'Content-Length': String(sent.size) })
    if (request.method === 'HEAD') {
      response.end()
      return
    }
    createReadStream(sent.path)
      .on('error', () => response.destroy())
      .pipe(response)
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Files precompressed at build time: text, not images that are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.svg', '.txt', '.wasm'])

function isCompressible(path: string): boolean {
  return COMPRESSIBLE.has(extname(path).toLowerCase())
}

type Encoding = 'br' | 'gzip'
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

/** The precompressed twin of a file the browser accepts (brotli first), or undefined to send the file itself. */
async function precompressed(file: FoundFile, acceptEncoding: string | string[] | undefined): Promise<(FoundFile & { encoding: Encoding }) | undefined> {
  if (!isCompressible(file.path)) return undefined
  const accepted = acceptedEncodings(Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? ''))
  for (const encoding of ['br', 'gzip'] as const) {
    if (!accepted.has(encoding)) continue
    const twin = await fileAt(file.path + SUFFIX[encoding])
    if (twin) return { ...twin, encoding }
  }
  return undefined
}

/** The encodings an Accept-Encoding header allows (`br;q=0` refuses brotli). */
function acceptedEncodings(header: string): Set<string> {
  const accepted = new Set<string>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name)
  }
  return accepted
}

/** Hashed names (`/assets/…`, workbox's `workbox-<hash>.js`) never change; the rest is revalidated on every use. */
function cacheControlOf(root: string, path: string): string {
  const hashed = path.startsWith(join(root, 'assets') + sep) || /^workbox-[0-9a-f]{8}\.js$/.test(basename(path))
  return hashed ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/** Paths without a file extension are app pages (`/plan/abc`); a missing `/x.js` stays a 404. */
function isPagePath(url: string): boolean {
  return extname(pathnameOf(url)) === ''
}

/** The file path a URL names inside `root`, or undefined when it would leave `root` or cannot be decoded. */
function safePath(root: string, url: string): string | undefined {
  let pathname: string
  try {
    pathname = decodeURIComponent(pathnameOf(url))
  } catch {
    return undefined
  }
  if (pathname.includes('\0')) return undefined
  const path = resolve(root, `.${pathname.startsWith('/') ? pathname : `/${pathname}`}`)
  return path === root || path.startsWith(root + sep) ? path : undefined
}

function pathnameOf(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

interface FoundFile {
  path: string
  size: number
  mtimeMs: number
}

async function fileAt(path: string): Promise<FoundFile | undefined> {
  try {
    const found = await stat(path)
    if (found.isFile()) return { path, size: found.size, mtimeMs: found.mtimeMs }
    if (found.isDirectory()) return fileAt(join(path, 'index.html'))
    return undefined
  } catch {
    return undefined
  }
}
