import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../relay/support/clients.ts'
import { waitUntil } from '../support/wait.ts'
import { dropPostgresSchema, needPostgres, needRedis, uniquePostgresSchema } from '../support/services.ts'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts'
import { spawnRelay, type RelayProcess } from '../support/relayProcess.ts'
import { editsIn, holdsAll, startWriting } from './support/writers.ts'

const databaseUrl = await needPostgres()
const redisUrl = await needRedis()

describe.skipIf(!databaseUrl || !redisUrl)('one of two relay instances on PostgreSQL and Redis dies', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it("its clients reconnect to the other instance and nothing anyone wrote is lost", { timeout: 90_000 }, async () => {
    const schema = uniquePostgresSchema()
    cleanups.push(() => dropPostgresSchema(databaseUrl!, schema))
    const relays: RelayProcess[] = []
    cleanups.push(() => Promise.all(relays.map((relay) => relay.kill())))
    for (let i = 0; i < 2; i++) {
      relays.push(await spawnRelay({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, KRING_TEST_PG_SCHEMA: schema, DATA_DIR: '/nonexistent' }))
    }
    const [doomed, survivor] = relays as [RelayProcess, RelayProcess]
    // Each pair of clients reaches "its" instance through a proxy: the load balancer.
    const proxies: TcpProxy[] = []
    for (const relay of relays) proxies.push(await startTcpProxy({ host: '127.0.0.1', port: relay.port }))
    cleanups.push(() => Promise.all(proxies.map((proxy) => proxy.close())))
    const room = `plan-${randomBytes(6).toString('hex')}`
    const clients: TestClient[] = []
    cleanups.push(() => clients.forEach((client) => client.destroy()))
    for (const proxy of [...proxies, ...proxies]) clients.push(await connectClient(`ws://127.0.0.1:${proxy.port}/sync`, room))

    const writers = startWriting(clients)
    cleanups.push(() => writers.stop())
    await waitUntil(() => clients.every((client) => client.doc.getArray('edits').length >= 100), 'edits flow between the instances')
    await doomed.kill('SIGKILL')
    // The load balancer notices and sends the doomed instance's clients to the survivor.
    proxies[0]!.target = { host: '127.0.0.1', port: survivor.port }
    await waitUntil(() => clients.every((client) => client.provider.wsconnected && client.provider.synced), 'every client is connected to the surviving instance', { timeoutMs: 20_000 })
    writers.stop()
    await waitUntil(() => clients.every((client) => holdsAll(client, writers.made)), `all clients hold all ${writers.made.length} edits`, { timeoutMs: 20_000 })

    // PostgreSQL has all of it: a newcomer on a third instance, started after everyone left, gets every edit.
    for (const client of clients.splice(0)) client.destroy()
    const third = await spawnRelay({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, KRING_TEST_PG_SCHEMA: schema, DATA_DIR: '/nonexistent' })
    relays.push(third)
    const newcomer = await connectClient(`ws://127.0.0.1:${third.port}/sync`, room)
    cleanups.push(() => newcomer.destroy())
    expect(editsIn(newcomer)).toEqual([...writers.made].sort())
  })
})
