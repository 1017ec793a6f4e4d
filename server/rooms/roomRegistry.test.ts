import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryPeer } from '../../tests/support/memoryPeer.ts'
import { waitUntil } from '../../tests/support/wait.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { LocalFanOut } from '../fanout/local.ts'
import { createLogger } from '../log.ts'
import { SqliteStorage } from '../storage/sqlite.ts'
import { RelayFullError, RoomRegistry } from './roomRegistry.ts'

describe('the rooms a relay holds', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function setUp({ maxRooms = 10, roomIdleMs = 60_000 } = {}) {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-registry-'))
    const storage = new SqliteStorage(dataDir)
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => storage.close())
    const rooms = new RoomRegistry({ storage, fanOut: new LocalFanOut(), logger: createLogger('silent'), maxRooms, roomIdleMs })
    cleanups.push(() => rooms.close())
    return { rooms, storage }
  }

  it('loads a room once for every join that arrives while it loads', async () => {
    const { rooms } = await setUp()
    const [first, second] = await Promise.all([rooms.open('plan-a'), rooms.open('plan-a')])
    expect(second).toBe(first)
    expect(rooms.roomCount).toBe(1)
  })

  it('unloads a room once it has been empty for roomIdleMs, with its log folded into one row, and loads it whole again', async () => {
    const { rooms, storage } = await setUp({ roomIdleMs: 0 })
    const room = await rooms.open('plan-idle')
    const ans = new MemoryPeer(room).join()
    for (let i = 0; i < 5; i++) ans.text.insert(ans.text.length, `${i}`)
    ans.leave()
    await waitUntil(() => rooms.roomCount === 0, 'the empty room was unloaded')
    await waitUntil(async () => (await storage.size('plan-idle')).updates === 1, 'its log is one row')
    const again = await rooms.open('plan-idle')
    expect(again).not.toBe(room)
    expect(new MemoryPeer(again).join().text.toString()).toBe('01234')
  })

  it('refuses a room beyond maxRooms, and opens it once another was unloaded', async () => {
    const { rooms } = await setUp({ maxRooms: 1, roomIdleMs: 0 })
    const first = await rooms.open('plan-1')
    const peer = new MemoryPeer(first).join()
    await expect(rooms.open('plan-2')).rejects.toBeInstanceOf(RelayFullError)
    peer.leave()
    await waitUntil(async () => rooms.open('plan-2').then(() => true, () => false), 'plan-2 opens once plan-1 is unloaded')
  })

  it('forgets a room whose storage failed, and loads it afresh on the next open', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-registry-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const failing = new SqliteStorage(dataDir)
    const rooms = new RoomRegistry({ storage: failing, fanOut: new LocalFanOut(), logger: createLogger('silent'), maxRooms: 10, roomIdleMs: 60_000 })
    const room = await rooms.open('plan-fails')
    const ans = new MemoryPeer(room).join()
    await failing.close()
    ans.text.insert(0, 'x')
    await waitUntil(() => ans.closed?.code === 1011, 'the peer was closed with 1011')
    expect(rooms.roomCount).toBe(0)
    await rooms.close()
  })

  it('evicts a room at once with the code given (a deleted plan), whoever is in it', async () => {
    const { rooms } = await setUp()
    const room = await rooms.open('plan-gone')
    const [ans, bram] = [new MemoryPeer(room).join(), new MemoryPeer(room).join()]
    await rooms.evict('plan-gone', CloseCode.forbidden, 'deleted: This plan was deleted')
    expect([ans.closed?.code, bram.closed?.code]).toEqual([4403, 4403])
    expect(rooms.roomCount).toBe(0)
  })
})
