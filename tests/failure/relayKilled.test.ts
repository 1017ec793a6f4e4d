import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../relay/support/clients.ts'
import { waitUntil } from '../support/wait.ts'
import { startTcpProxy } from '../support/tcpProxy.ts'
import { spawnRelay, type RelayProcess } from '../support/relayProcess.ts'
import { pastTheDurabilityWindow } from './support/durabilityWindow.ts'
import { editsIn, holdsAll, startWriting } from './support/writers.ts'

describe('a relay killed with SIGKILL while ten people write', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('loses no edit: after a restart every client and the relay hold every edit any client made', { timeout: 90_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-killed-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const started: RelayProcess[] = []
    cleanups.push(() => Promise.all(started.map((relay) => relay.kill())))
    const start = async (): Promise<RelayProcess> => {
      const relay = await spawnRelay({ DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined })
      started.push(relay)
      return relay
    }
    // Clients dial the proxy; pointing it at the restarted relay is what a fixed address would do.
    const first = await start()
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: first.port })
    cleanups.push(() => proxy.close())
    const syncUrl = `ws://127.0.0.1:${proxy.port}/sync`
    const clients: TestClient[] = []
    cleanups.push(() => clients.forEach((client) => client.destroy()))
    for (let i = 0; i < 10; i++) clients.push(await connectClient(syncUrl, 'plan-under-fire'))

    const writers = startWriting(clients)
    cleanups.push(() => writers.stop())
    // Kill while edits are flowing through the relay, not before.
    await waitUntil(() => clients.every((client) => client.doc.getArray('edits').length >= 100), 'every client has seen 100 edits through the relay')
    await first.kill('SIGKILL')
    const madeAtKill = clients.map((_, index) => writers.count(index))
    // People keep writing while the relay is gone.
    await waitUntil(() => clients.every((_, index) => writers.count(index) >= madeAtKill[index]! + 10), 'every client wrote 10 edits while the relay was down')

    const second = await start()
    proxy.target = { host: '127.0.0.1', port: second.port }
    await waitUntil(() => clients.every((client) => client.provider.wsconnected && client.provider.synced), 'every client reconnected to the restarted relay', { timeoutMs: 20_000 })
    writers.stop()
    await waitUntil(() => clients.every((client) => holdsAll(client, writers.made)), `all 10 clients hold all ${writers.made.length} edits`, { timeoutMs: 20_000 })

    // And the relay stored them: with every client gone and the durability
    // window past, kill it again; a newcomer gets everything.
    const left = performance.now()
    for (const client of clients.splice(0)) client.destroy()
    await pastTheDurabilityWindow(second, left)
    await second.kill('SIGKILL')
    const third = await start()
    proxy.target = { host: '127.0.0.1', port: third.port }
    const newcomer = await connectClient(syncUrl, 'plan-under-fire')
    cleanups.push(() => newcomer.destroy())
    expect(editsIn(newcomer)).toEqual([...writers.made].sort())
  })
})
