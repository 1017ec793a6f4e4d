import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setImmediate as nextTurn, setTimeout } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { MemoryPeer } from '../../tests/support/memoryPeer.ts'
import { waitUntil } from '../../tests/support/wait.ts'
import { LocalFanOut } from '../fanout/local.ts'
import { createLogger } from '../log.ts'
import { SqliteStorage } from '../storage/sqlite.ts'
import { MalformedMessageError } from '../sync/protocol.ts'
import { workerCompactor, type Compactor } from '../updates/compactor.ts'
import { COMPACTION_FLOOR_BYTES } from '../updates/roomUpdates.ts'
import type { QuietTimes } from './quietMoment.ts'
import { Room } from './room.ts'

/**
 * The room itself, over in-memory peers (tests/support/memoryPeer.ts) and a
 * real SQLite file: what reaches whom in which order, what storage holds,
 * and what a storage failure does. The same room over real websockets is
 * tested in tests/relay/.
 */
describe('a room', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function setUp(name = 'plan-room', compactWhen?: QuietTimes, compactor?: Compactor) {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-room-'))
    const storage = new SqliteStorage(dataDir)
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => storage.close())
    const failed: Room[] = []
    const room = await Room.load(name, { storage, fanOut: new LocalFanOut(), logger: createLogger('silent'), onFailed: (room) => failed.push(room), compactWhen, compactor })
    cleanups.push(() => room.close())
    return { room, storage, failed, peer: () => new MemoryPeer(room).join() }
  }

  /** The updates (as text typed) a peer received live, in order. */
  const typedBy = (peer: MemoryPeer) => peer.frames.filter((frame) => frame[0] === 0 && frame[1] === 2).length

  it('passes each update to every other peer at once, in the order it arrived, and never back to its sender', async () => {
    const { peer } = await setUp()
    const [ans, bram, cees] = [peer(), peer(), peer()]
    for (const letter of 'kring') ans.text.insert(ans.text.length, letter)
    bram.text.insert(0, '» ')
    expect(bram.text.toString()).toBe('» kring')
    expect(cees.text.toString()).toBe('» kring')
    expect(ans.text.toString()).toBe('» kring')
    expect(typedBy(ans)).toBe(1)
    expect(typedBy(bram)).toBe(5)
    expect(typedBy(cees)).toBe(6)
    // Cees saw Ans's letters in the order she typed them: each frame applied cleanly, nothing pending.
    expect(cees.doc.store.pendingStructs).toBeNull()
  })

  it('answers a device that joins with everything taken in before, before, while and after compacting in memory (in a worker thread)', async () => {
    const { room, peer } = await setUp()
    const ans = peer()
    const long = 'x'.repeat(64)
    for (let i = 0; i < (2 * COMPACTION_FLOOR_BYTES) / long.length; i++) ans.text.insert(ans.text.length, long)
    ans.text.delete(0, 128)
    const typed = room.heldBytes
    expect(peer().text.toString()).toBe(ans.text.toString())
    await nextTurn()
    // The compaction is under way elsewhere: the room goes on taking updates and answering.
    ans.text.insert(0, 'ook nu: ')
    expect(peer().text.toString()).toBe(ans.text.toString())
    await waitUntil(() => room.heldBytes < typed, 'the room compacted what it holds in memory')
    expect(peer().text.toString()).toBe(ans.text.toString())
  })

  it('passes on nothing of a repeat, and refuses a malformed update without passing anything on', async () => {
    const { room, peer } = await setUp()
    const [ans, bram] = [peer(), peer()]
    ans.text.insert(0, 'één keer')
    const before = bram.frames.length
    room.receiveUpdate(ans, Y.encodeStateAsUpdate(ans.doc))
    expect(() => room.receiveUpdate(ans, new TextEncoder().encode('geen update'))).toThrow(MalformedMessageError)
    expect(bram.frames.length).toBe(before)
    expect(peer().text.toString()).toBe('één keer')
  })

  it('keeps a log in storage until it outgrows the compacted state, then folds it into one row', async () => {
    const { storage, peer } = await setUp('plan-log')
    const ans = peer()
    for (let i = 0; i < 10; i++) ans.text.insert(ans.text.length, 'kort ')
    expect((await storage.size('plan-log')).updates).toBe(10)
    const long = 'y'.repeat(256)
    for (let i = 0; i < (2 * COMPACTION_FLOOR_BYTES) / long.length; i++) ans.text.insert(ans.text.length, long)
    await waitUntil(async () => (await storage.size('plan-log')).updates < 10, 'storage compacted the log')
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (await storage.load('plan-log'))!)
    expect(stored.getText('t').toString()).toBe(ans.text.toString())
  })

  it('compacts what fell due in a pause between edits, not while they come', async () => {
    const long = 'z'.repeat(256)
    const typePastThreshold = (peer: MemoryPeer) => {
      for (let i = 0; i < (2 * COMPACTION_FLOOR_BYTES) / long.length; i++) peer.text.insert(peer.text.length, long)
    }
    // No pause comes within the test: nothing is compacted, in memory or in storage, however long it waits.
    const compactedInMemory: number[] = []
    const counting: Compactor = { compact: (parts) => (compactedInMemory.push(parts.length), workerCompactor.compact(parts)) }
    const busy = await setUp('plan-busy', { quietMs: 3_600_000, atLatestMs: 3_600_000 }, counting)
    const compactedInStorage = vi.spyOn(busy.storage, 'compact')
    typePastThreshold(busy.peer())
    const heldAsTyped = busy.room.heldBytes
    await setTimeout(200)
    expect((await busy.storage.size('plan-busy')).updates).toBeGreaterThan(1)
    expect(compactedInStorage).not.toHaveBeenCalled()
    expect(compactedInMemory).toEqual([])
    expect(busy.room.heldBytes).toBe(heldAsTyped)
    // A short pause: both compact once the typing stops.
    const pausing = await setUp('plan-pausing', { quietMs: 50, atLatestMs: 3_600_000 })
    typePastThreshold(pausing.peer())
    await waitUntil(async () => (await pausing.storage.size('plan-pausing')).updates === 1, 'storage compacted in the pause')
    await waitUntil(() => pausing.room.heldBytes < heldAsTyped, 'memory compacted in the pause')
  })

  it('closes every peer with 1011 when storage fails, passes on nothing after, and tells whoever holds it', async () => {
    const { room, storage, failed, peer } = await setUp()
    const [ans, bram] = [peer(), peer()]
    await storage.close() // the disk went away
    ans.text.insert(0, 'niet opgeslagen')
    await waitUntil(() => ans.closed !== undefined && bram.closed !== undefined, 'both peers closed')
    expect(ans.closed?.code).toBe(1011)
    expect(bram.closed?.code).toBe(1011)
    expect(failed).toEqual([room])
    expect(room.isOpen).toBe(false)
    const frames = bram.frames.length
    const late = new Y.Doc()
    late.getText('t').insert(0, 'te laat')
    room.receiveUpdate(ans, Y.encodeStateAsUpdate(late))
    expect(bram.frames.length).toBe(frames)
  })

  it('on closing, stores everything it took in as one row and closes its peers with 1001', async () => {
    const { room, storage, peer } = await setUp('plan-closing')
    const ans = peer()
    for (let i = 0; i < 20; i++) ans.text.insert(ans.text.length, `${i} `)
    await room.close()
    expect(ans.closed?.code).toBe(1001)
    expect((await storage.size('plan-closing')).updates).toBe(1)
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (await storage.load('plan-closing'))!)
    expect(stored.getText('t').toString()).toBe(ans.text.toString())
  })
})
