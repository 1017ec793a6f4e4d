import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connectClient } from '../relay/support/clients.ts'
import { spawnRelay, type RelayProcess } from '../support/relayProcess.ts'
import { dropPostgresSchema, needPostgres, uniquePostgresSchema } from '../support/services.ts'
import { waitUntil } from '../support/wait.ts'
import { pastTheDurabilityWindow } from './support/durabilityWindow.ts'

const databaseUrl = await needPostgres()

/**
 * The relay passes an edit on before it is on disk, and promises it is on
 * disk within 100 ms (README, "Durability"). Here nobody is left to send it
 * again: the writer has gone, and the relay is killed 150 ms later. After a
 * restart the edit must be there, written by the group commit itself (rooms
 * stay open for ten minutes here, so no unload writes it instead).
 */
describe('an edit is on disk within the durability window', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  const backends: { name: string; env: () => Promise<Record<string, string | undefined>>; skip: boolean }[] = [
    {
      name: 'SQLite',
      skip: false,
      env: async () => {
        const dataDir = await mkdtemp(join(tmpdir(), 'kring-window-'))
        cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
        return { DATA_DIR: dataDir, DATABASE_URL: undefined }
      },
    },
    {
      name: 'PostgreSQL',
      skip: !databaseUrl,
      env: async () => {
        const schema = uniquePostgresSchema()
        cleanups.push(() => dropPostgresSchema(databaseUrl!, schema))
        return { DATABASE_URL: databaseUrl, KRING_TEST_PG_SCHEMA: schema, DATA_DIR: '/nonexistent' }
      },
    },
  ]

  for (const backend of backends) {
    it.skipIf(backend.skip)(`${backend.name}: a client writes and leaves, the relay is killed 150 ms later, and after a restart the edit is there`, async () => {
      const env = { ...(await backend.env()), REDIS_URL: undefined, KRING_ROOM_IDLE_MS: '600000' }
      const relays: RelayProcess[] = []
      cleanups.push(() => Promise.all(relays.map((relay) => relay.kill())))
      const first = await spawnRelay(env)
      relays.push(first)
      const room = `plan-${randomBytes(6).toString('hex')}`
      const syncUrl = `${first.url.replace(/^http/, 'ws')}/sync`
      const writer = await connectClient(syncUrl, room)
      const watcher = await connectClient(syncUrl, room)
      cleanups.push(() => writer.destroy(), () => watcher.destroy())

      writer.text.insert(0, 'op de schijf binnen honderd milliseconden')
      // The relay has taken it in once the watcher has it; then both leave.
      await waitUntil(() => watcher.text.toString() === 'op de schijf binnen honderd milliseconden', 'the watcher has the edit')
      const left = performance.now()
      writer.destroy()
      watcher.destroy()
      await pastTheDurabilityWindow(first, left)
      await first.kill('SIGKILL')

      const second = await spawnRelay(env)
      relays.push(second)
      const newcomer = await connectClient(`${second.url.replace(/^http/, 'ws')}/sync`, room)
      cleanups.push(() => newcomer.destroy())
      expect(newcomer.text.toString()).toBe('op de schijf binnen honderd milliseconden')
    })
  }
})
