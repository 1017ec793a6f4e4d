import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { SqliteStorage } from '../../server/storage/sqlite.ts'
import { connectClient, joinRawSocket, type TestClient } from './support/clients.ts'
import { waitUntil } from './support/waitUntil.ts'

const RELAY_PROCESS = fileURLToPath(new URL('./support/relayProcess.ts', import.meta.url))

/** Starts the relay as a child process on a free port; resolves with its address once it listens. */
async function spawnRelay(dataDir: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', RELAY_PROCESS], {
    // SQLite in the temp folder, whatever the developer's shell says about PostgreSQL or Redis;
    // this test is about shutdown, so clients come without invitation tokens.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '', REDIS_URL: '', KRING_REQUIRE_TOKENS: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`relay process exited with ${code} before listening`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; address?: string } = {}
      try {
        entry = JSON.parse(line) as typeof entry
      } catch {
        return // not a log line
      }
      if (entry.msg === 'relay listening' && entry.address !== undefined) resolve(entry.address)
    })
  })
  return { child, url, exited }
}

describe('relay process and signals', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('on SIGTERM it closes clients with 1001, stores and compacts every room, and exits 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const { child, url, exited } = await spawnRelay(dataDir)
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })
    const syncUrl = `${url.replace(/^http/, 'ws')}/sync`

    const writer: TestClient = await connectClient(syncUrl, 'plan-sigterm')
    const watcher: TestClient = await connectClient(syncUrl, 'plan-sigterm')
    cleanups.push(() => writer.destroy(), () => watcher.destroy())
    const bystander = await joinRawSocket(url, 'plan-sigterm')
    for (let i = 0; i < 200; i++) writer.text.insert(writer.text.length, String(i % 10))
    writer.doc.getMap('waarden').set('eerste', 'zuinig zijn')
    const expected = writer.text.toString()
    await waitUntil(() => watcher.text.toString() === expected && watcher.doc.getMap('waarden').size === 1, {
      message: 'watcher has every edit (so the relay stored them)',
    })

    child.kill('SIGTERM')
    expect((await bystander.closed).code).toBe(CloseCode.goingAway)
    expect(await exited).toBe(0)

    const storage = new SqliteStorage(dataDir)
    cleanups.push(() => storage.close())
    expect((await storage.size('plan-sigterm')).updates).toBe(1)
    const restored = new Y.Doc()
    Y.applyUpdate(restored, (await storage.load('plan-sigterm'))!)
    expect(restored.getText('t').toString()).toBe(expected)
    expect(restored.getMap('waarden').get('eerste')).toBe('zuinig zijn')
  })
})
