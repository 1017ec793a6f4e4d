import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { SqliteStorage } from '../../server/storage/sqlite.ts'
import { spawnRelay } from '../support/relayProcess.ts'
import { waitUntil } from '../support/wait.ts'
import { connectClient, joinRawSocket, type TestClient } from './support/clients.ts'

describe('relay process and signals', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('on SIGTERM it closes clients with 1001, stores and compacts every room, and exits 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    // SQLite in the temp folder, whatever the developer's shell says about PostgreSQL or Redis.
    const relay = await spawnRelay({ DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined })
    cleanups.push(() => relay.kill('SIGKILL'))
    const { url } = relay
    const syncUrl = `${url.replace(/^http/, 'ws')}/sync`

    const writer: TestClient = await connectClient(syncUrl, 'plan-sigterm')
    const watcher: TestClient = await connectClient(syncUrl, 'plan-sigterm')
    cleanups.push(() => writer.destroy(), () => watcher.destroy())
    const bystander = await joinRawSocket(url, 'plan-sigterm')
    for (let i = 0; i < 200; i++) writer.text.insert(writer.text.length, String(i % 10))
    writer.doc.getMap('waarden').set('eerste', 'zuinig zijn')
    const expected = writer.text.toString()
    await waitUntil(() => watcher.text.toString() === expected && watcher.doc.getMap('waarden').size === 1, 'watcher has every edit (so the relay has handed them to storage)')

    void relay.kill('SIGTERM')
    expect((await bystander.closed).code).toBe(CloseCode.goingAway)
    expect(await relay.exited).toBe(0)

    const storage = new SqliteStorage(dataDir)
    cleanups.push(() => storage.close())
    expect((await storage.size('plan-sigterm')).updates).toBe(1)
    const restored = new Y.Doc()
    Y.applyUpdate(restored, (await storage.load('plan-sigterm'))!)
    expect(restored.getText('t').toString()).toBe(expected)
    expect(restored.getMap('waarden').get('eerste')).toBe('zuinig zijn')
  })
})
