import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

/**
 * Serves the built client (`dist/client`) as static files, with the app's own
 * page (`index.html`) for every path that is not a file (a single-page app).
 * Hand-written on node:http and fs because it needs a dozen content types and
 * three cache rules, no more; a static-file library would be a bigger surface.
 *
 * Caching: files under `/assets/` carry a content hash in their name, so they
 * are immutable; everything else (`index.html`, `sw.js`, the manifest) is
 * revalidated on every use, so a new release reaches people on the next load.
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
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`
    const headers = {
      'Content-Type': contentTypeOf(file.path),
      'Cache-Control': cacheControlOf(root, file.path),
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    }
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end()
      return
    }
    response.writeHead(200, { ...headers, 'Content-Length': file.size })
    if (request.method === 'HEAD') {
      response.end()
      return
    }
    createReadStream(file.path)
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

function cacheControlOf(root: string, path: string): string {
  return path.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache'
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

async function fileAt(path: string): Promise<{ path: string; size: number; mtimeMs: number } | undefined> {
  try {
    const found = await stat(path)
    if (found.isFile()) return { path, size: found.size, mtimeMs: found.mtimeMs }
    if (found.isDirectory()) return fileAt(join(path, 'index.html'))
    return undefined
  } catch {
    return undefined
  }
}
