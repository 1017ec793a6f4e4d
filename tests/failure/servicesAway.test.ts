import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Health } from '../../server/http/health.ts'
import { createLogger } from '../../server/log.ts'
import { startRelay, type Relay } from '../../server/relay.ts'
import { PostgresStorage } from '../../server/storage/postgres.ts'
import { connectClient, type TestClient } from '../relay/support/clients.ts'
import { waitUntil } from '../support/wait.ts'
import { dropPostgresSchema, needPostgres, needRedis, uniquePostgresSchema } from '../support/services.ts'
import { startSharedRelays } from '../support/sharedRelays.ts'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts'

const databaseUrl = await needPostgres()
const redisUrl = await needRedis()

async function health(relay: Relay): Promise<{ status: number; body: Health }> {
  const response = await fetch(`${relay.url}/healthz`)
  return { status: response.status, body: (await response.json()) as Health }
}

/** `url` with its host and port replaced by the proxy's, so the service can be cut away. */
function through(proxy: TcpProxy, url: string): string {
  const proxied = new URL(url)
  proxied.hostname = '127.0.0.1'
  proxied.port = String(proxy.port)
  return proxied.toString()
}

async function proxyFor(url: string, defaultPort: number): Promise<TcpProxy> {
  const target = new URL(url)
  return startTcpProxy({ host: target.hostname, port: Number(target.port || defaultPort) })
}

const holds = (client: TestClient, ...words: string[]) => words.every((word) => client.doc.getArray<string>('edits').toArray().includes(word))
const write = (client: TestClient, word: string) => client.doc.getArray<string>('edits').push([word])

describe('services going away and coming back, without restarting the relay', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const client = async (syncUrl: string, room: string): Promise<TestClient> => {
    const connected = await connectClient(syncUrl, room)
    cleanups.push(() => connected.destroy())
    return connected
  }

  it.skipIf(!databaseUrl)(
    'PostgreSQL away: /healthz says so, the relay stores nothing it cannot, and every edit arrives once it is back',
    { timeout: 60_000 },
    async () => {
      const schema = uniquePostgresSchema()
      cleanups.push(() => dropPostgresSchema(databaseUrl!, schema))
      const proxy = await proxyFor(databaseUrl!, 5432)
      cleanups.push(() => proxy.close())
      const relay = await startRelay({
        config: { requireTokens: false },
        storage: await PostgresStorage.open({ connectionString: through(proxy, databaseUrl!), schema, queryTimeoutMs: 2_000 }),
        staticDir: null,
        logger: createLogger('silent'),
      })
      cleanups.push(() => relay.close())
      const syncUrl = `${relay.url.replace(/^http/, 'ws')}/sync`
      const room = `plan-${randomBytes(6).toString('hex')}`
      const [a, b] = [await client(syncUrl, room), await client(syncUrl, room)]
      write(a, 'voor')
      await waitUntil(() => holds(b, 'voor'), 'b has the edit made before the outage')

      proxy.cut()
      await waitUntil(async () => (await health(relay)).status === 503, '/healthz reports storage down')
      expect((await health(relay)).body).toMatchObject({ ok: false, storageOk: false, storage: 'postgres' })
      // Both keep writing; the relay passes it on but cannot store it, so it closes the room and refuses it until storage is back.
      write(a, 'tijdens, van a')
      write(b, 'tijdens, van b')
      await waitUntil(() => !a.provider.wsconnected || !a.provider.synced, 'a is told the relay cannot take edits now')
      await waitUntil(
        async () => /kring_connections_refused_total\{reason="storage_unavailable"\} [1-9]/.test((await relay.metrics.render()).body),
        'reconnecting clients are refused while storage is away',
      )

      proxy.restore()
      await waitUntil(async () => (await health(relay)).body.ok, '/healthz reports storage back')
      const all = ['voor', 'tijdens, van a', 'tijdens, van b']
      await waitUntil(() => [a, b].every((device) => device.provider.synced && holds(device, ...all)), 'both are back and hold every edit', { timeoutMs: 20_000 })
      // What the relay could not store, the devices sent again once it could: a newcomer gets all of it.
      const newcomer = await client(syncUrl, room)
      await waitUntil(() => holds(newcomer, ...all), 'a newcomer has every edit')
    },
  )

  it.skipIf(!databaseUrl || !redisUrl)(
    'Redis away: /healthz says so, each instance keeps serving its clients, and the instances catch up when it is back',
    { timeout: 60_000 },
    async () => {
      const proxy = await proxyFor(redisUrl!, 6379)
      cleanups.push(() => proxy.close())
      const shared = await startSharedRelays(2, { databaseUrl: databaseUrl!, redisUrl: through(proxy, redisUrl!) })
      cleanups.push(() => shared.dispose())
      const room = `plan-${randomBytes(6).toString('hex')}`
      const [a, b] = [await client(shared.syncUrl(0), room), await client(shared.syncUrl(1), room)]
      write(a, 'voor')
      await waitUntil(() => holds(b, 'voor'), 'b has the edit made before the outage')

      proxy.cut()
      for (const relay of shared.relays) {
        await waitUntil(async () => !(await health(relay)).body.fanOutOk, '/healthz reports redis down')
        // Still ready for traffic: it stores and serves its own clients.
        expect(await health(relay)).toMatchObject({ status: 200, body: { ok: true, storageOk: true, fanOut: 'redis' } })
      }
      write(a, 'tijdens, van a')
      write(b, 'tijdens, van b')
      const neighbour = await client(shared.syncUrl(0), room)
      await waitUntil(() => holds(neighbour, 'voor', 'tijdens, van a'), 'a second client on a\'s instance gets a\'s edit')

      proxy.restore()
      const all = ['voor', 'tijdens, van a', 'tijdens, van b']
      await waitUntil(() => [a, b, neighbour].every((person) => holds(person, ...all)), 'everyone holds every edit once redis is back', { timeoutMs: 20_000 })
      for (const relay of shared.relays) {
        await waitUntil(async () => (await health(relay)).body.fanOutOk, '/healthz reports redis back')
      }
      write(b, 'na')
      await waitUntil(() => holds(a, 'na'), 'live editing between the instances resumes')
    },
  )
})
