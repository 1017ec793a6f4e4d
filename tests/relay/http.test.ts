import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../server/log.ts'
import { startRelay, type Relay } from '../../server/relay.ts'
import { connectClient, type TestClient } from './support/clients.ts'
import { startTestRelay, type TestRelay } from './support/testRelay.ts'
import { waitUntil } from './support/waitUntil.ts'

describe('relay over plain HTTP', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('/healthz reports storage, rooms and connections as JSON', async () => {
    const relay: TestRelay = await startTestRelay()
    cleanups.push(() => relay.dispose())
    const empty = await fetch(`${relay.relay.url}/healthz`)
    expect(empty.status).toBe(200)
    expect(empty.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await empty.json()).toEqual({ ok: true, rooms: 0, connections: 0, storage: 'sqlite', storageOk: true, fanOut: 'local', fanOutOk: true })

    const clients: TestClient[] = [await connectClient(relay.syncUrl, 'plan-a'), await connectClient(relay.syncUrl, 'plan-a'), await connectClient(relay.syncUrl, 'plan-b')]
    cleanups.push(async () => clients.forEach((client) => client.destroy()))
    expect(await (await fetch(`${relay.relay.url}/healthz`)).json()).toMatchObject({ ok: true, rooms: 2, connections: 3, storage: 'sqlite', storageOk: true, fanOut: 'local', fanOutOk: true })

    clients[2]!.destroy()
    await waitUntil(async () => ((await (await fetch(`${relay.relay.url}/healthz`)).json()) as { connections: number }).connections === 2, {
      message: 'a closed client is no longer counted',
    })
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
})
