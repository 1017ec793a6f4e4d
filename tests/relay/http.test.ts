import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { get, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { precompressFolder } from '../../server/build/precompress.ts'
import { createLogger } from '../../server/log.ts'
import { startRelay, type Relay } from '../../server/relay.ts'
import { connectClient, type TestClient } from './support/clients.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { waitUntil } from '../support/wait.ts'

describe('relay over plain HTTP', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('/healthz reports storage, rooms and connections as JSON', async () => {
    const relay: TestRelay = await startTestRelay({ config: { requireTokens: false } })
    cleanups.push(() => relay.close())
    const empty = await fetch(`${relay.url}/healthz`)
    expect(empty.status).toBe(200)
    expect(empty.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await empty.json()).toEqual({ ok: true, rooms: 0, connections: 0, storage: 'sqlite', storageOk: true, unreadableRooms: 0, fanOut: 'local', fanOutOk: true })

    const clients: TestClient[] = [await connectClient(relay.syncUrl, 'plan-a'), await connectClient(relay.syncUrl, 'plan-a'), await connectClient(relay.syncUrl, 'plan-b')]
    cleanups.push(async () => clients.forEach((client) => client.destroy()))
    expect(await (await fetch(`${relay.url}/healthz`)).json()).toMatchObject({ ok: true, rooms: 2, connections: 3, storage: 'sqlite', storageOk: true, fanOut: 'local', fanOutOk: true })

    clients[2]!.destroy()
    await waitUntil(async () => ((await (await fetch(`${relay.url}/healthz`)).json()) as { connections: number }).connections === 2, 'a closed client is no longer counted')
  })

  it('serves the built client: content types, cache rules, the app page for app paths, 404 for missing files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-static-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    await mkdir(join(dir, 'assets'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Kring</title>')
    await writeFile(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    await writeFile(join(dir, 'manifest.webmanifest'), '{"name":"Kring"}')
    await writeFile(join(dir, 'assets', 'index-3f2a1b.js'), 'console.log("kring")')
    await writeFile(join(dir, 'assets', 'index-3f2a1b.css'), 'body{}')
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const relay: Relay = await startRelay({ config: { dataDir }, staticDir: dir, logger: createLogger('silent') })
    cleanups.push(() => relay.close())
    const get = (path: string, init?: RequestInit) => fetch(`${relay.url}${path}`, init)

    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('cache-control')).toBe('no-cache')
    expect(await page.text()).toContain('<title>Kring</title>')

    const deepLink = await get('/plan/abc123?x=1')
    expect(deepLink.status).toBe(200)
    expect(await deepLink.text()).toContain('<title>Kring</title>')

    const worker = await get('/sw.js')
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(worker.headers.get('cache-control')).toBe('no-cache')

    const script = await get('/assets/index-3f2a1b.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await get('/assets/index-3f2a1b.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await get('/manifest.webmanifest')).headers.get('content-type')).toMatch(/^application\/manifest\+json/)

    const again = await get('/assets/index-3f2a1b.js', { headers: { 'if-none-match': script.headers.get('etag')! } })
    expect(again.status).toBe(304)

    expect((await get('/assets/missing-000000.js')).status).toBe(404)
    expect([400, 404]).toContain((await get('/..%2F..%2F..%2Fetc%2Fpasswd')).status)
    expect((await get('/', { method: 'POST' })).status).toBe(405)
    // The relay's own paths stay the relay's.
    expect(((await (await get('/healthz')).json()) as { ok: boolean }).ok).toBe(true)
  })

  it('serves brotli or gzip, precompressed at build time, to browsers that accept it, with the right cache headers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-static-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    await mkdir(join(dir, 'assets'))
    const script = `export const words = ${JSON.stringify('Eén huishouden, één plan. '.repeat(200))}\n`
    const page = `<!doctype html><title>Kring</title>${'<p>Samen één plan.</p>'.repeat(50)}`
    await writeFile(join(dir, 'index.html'), page)
    await writeFile(join(dir, 'sw.js'), `self.addEventListener("fetch", () => {}) // ${'x'.repeat(600)}`)
    await writeFile(join(dir, 'assets', 'index-3f2a1b.js'), script)
    await writeFile(join(dir, 'assets', 'tiny-3f2a1b.js'), 'export {}')
    expect((await precompressFolder(dir)).files).toBe(3)
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const relay: Relay = await startRelay({ config: { dataDir }, staticDir: dir, logger: createLogger('silent') })
    cleanups.push(() => relay.close())

    const br = await rawGet(relay.url, '/assets/index-3f2a1b.js', { 'accept-encoding': 'br, gzip' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers['vary']).toBe('Accept-Encoding')
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength)
    expect(br.body.byteLength).toBeLessThan(Buffer.byteLength(script) / 10)
    expect(brotliDecompressSync(br.body).toString()).toBe(script)

    const gz = await rawGet(relay.url, '/assets/index-3f2a1b.js', { 'accept-encoding': 'gzip, br;q=0' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(script)
    // Each encoding is its own version for caches.
    expect(gz.headers['etag']).not.toBe(br.headers['etag'])

    const plain = await rawGet(relay.url, '/assets/index-3f2a1b.js', {})
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
    // Too small to be worth it: sent as it is.
    expect((await rawGet(relay.url, '/assets/tiny-3f2a1b.js', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined()

    // The page and the service worker: compressed too, never cached without asking.
    for (const path of ['/', '/plan/abc', '/sw.js']) {
      const answer = await rawGet(relay.url, path, { 'accept-encoding': 'br, gzip' })
      expect(answer.headers['content-encoding']).toBe('br')
      expect(answer.headers['cache-control']).toBe('no-cache')
    }
    expect(brotliDecompressSync((await rawGet(relay.url, '/', { 'accept-encoding': 'br' })).body).toString()).toBe(page)
  })

  it('puts the security headers on every answer: the app, the relay\'s endpoints, errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-static-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Kring</title>')
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const relay: Relay = await startRelay({ config: { dataDir }, staticDir: dir, logger: createLogger('silent') })
    cleanups.push(() => relay.close())

    const answers = [
      await fetch(`${relay.url}/`),
      await fetch(`${relay.url}/missing.js`),
      await fetch(`${relay.url}/`, { method: 'POST' }),
      await fetch(`${relay.url}/healthz`),
      await fetch(`${relay.url}/metrics`),
      await fetch(`${relay.url}/plans/abc/revocations`, { method: 'POST', body: 'not a revocation' }),
      await fetch(`${relay.url}/plans/nope`),
    ]
    // /metrics is not served on the app's port without KRING_METRICS_TOKEN (tests/relay/metrics.test.ts).
    expect(answers.map((a) => a.status)).toEqual([200, 404, 405, 200, 404, 400, 404])
    for (const answer of answers) {
      const csp = answer.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("base-uri 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer')
      expect(answer.headers.get('permissions-policy')).toContain('camera=()')
    }
  })
})

/** A GET with exactly these headers, answered as bytes (fetch would decompress them). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    }).on('error', reject)
  })
}
