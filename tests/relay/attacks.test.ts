import { mkdtemp, rm } from 'node:fs/promises'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { SqliteStorage } from '../../server/storage/sqlite.ts'
import { encodeUpdate, MessageType } from '../../server/sync/protocol.ts'
import type { MemoryAnswer } from '../support/answerMemory.ts'
import { spawnRelay, type RelayProcess } from '../support/relayProcess.ts'
import { waitUntil } from '../support/wait.ts'
import { connectClient, joinRawSocket, type RawSocket, type TestClient } from './support/clients.ts'

/**
 * Findings 1 and 2 of issue 16, as the outside test ran them, bounded in
 * count and time, against a relay in a process of its own (so its memory can
 * be read) on SQLite: the attacker is closed with the named code, another
 * plan's people are served throughout (every update they send arrives),
 * the relay's memory stays within a stated bound, and nothing of the attack
 * is stored or reaches anyone.
 */

const MB = 1024 * 1024
const METRICS_TOKEN = 'attack-tests-metrics-token'

/** Text no compression or compaction makes smaller. */
function noise(length: number, seed: number): string {
  let state = seed
  let text = ''
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    text += state.toString(36)
  }
  return text.slice(0, length)
}

/** What the relay process keeps alive after a full collection: its heap and the buffers outside it. */
async function relayMemory(relay: RelayProcess): Promise<number> {
  const { heapUsed, external } = await relay.ask<MemoryAnswer>('memory')
  return heapUsed + external
}

/** Sync step 1 with an empty state vector: "send me the whole plan". Three bytes. */
function syncRequest(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]))
  return encoding.toUint8Array(encoder)
}

/** Stops reading from the relay, as a client that never reads would: what the relay sends piles up at its end. */
function stopReading(socket: RawSocket): void {
  ;(socket.ws as unknown as { _socket: Socket })._socket.pause()
}

function startReading(socket: RawSocket): void {
  ;(socket.ws as unknown as { _socket: Socket })._socket.resume()
}

describe('an attacker cannot stall or fill the relay for everyone', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function relayWith(env: Record<string, string> = {}): Promise<{ relay: RelayProcess; dataDir: string; syncUrl: string }> {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-attack-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const relay = await spawnRelay({ DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined, KRING_METRICS_TOKEN: METRICS_TOKEN, ...env })
    cleanups.push(() => relay.kill())
    return { relay, dataDir, syncUrl: `${relay.url.replace(/^http/, 'ws')}/sync` }
  }
  const client = async (syncUrl: string, room: string): Promise<TestClient> => {
    const connected = await connectClient(syncUrl, room)
    cleanups.push(() => connected.destroy())
    return connected
  }
  const raw = async (url: string, room: string): Promise<RawSocket> => {
    const socket = await joinRawSocket(url, room)
    cleanups.push(() => socket.ws.terminate())
    return socket
  }
  /** What the room stores, read from the relay's SQLite file by a handle of our own. */
  const stored = async (dataDir: string, room: string): Promise<{ bytes: number; text: string }> => {
    const storage = await SqliteStorage.open(dataDir)
    try {
      const state = await storage.load(room)
      const doc = new Y.Doc()
      if (state !== null) Y.applyUpdate(doc, state)
      return { bytes: (await storage.size(room)).bytes, text: doc.getText('t').toString() }
    } finally {
      await storage.close()
    }
  }
  /** Another plan's two people, typing `count` edits; resolves once every one of them reached the other. */
  const otherPlanServed = async (syncUrl: string, count: number): Promise<void> => {
    const [writer, reader] = [await client(syncUrl, 'plan-ander'), await client(syncUrl, 'plan-ander')]
    const arrived = () => reader.doc.getArray<number>('edits').length
    for (let i = 0; i < count; i++) {
      writer.doc.getArray<number>('edits').push([i])
      await new Promise((resolve) => setImmediate(resolve))
    }
    await waitUntil(() => arrived() === count, `all ${count} edits of another plan arrive`, { describe: () => `${arrived()} arrived` })
  }

  it('finding 1: updates whose causes never arrive are held back, not stored or passed on; past KRING_MAX_PENDING_BYTES the sender is closed with 4422', { timeout: 120_000 }, async () => {
    const { relay, dataDir, syncUrl } = await relayWith()
    const watcher = await client(syncUrl, 'plan-aanval')
    const before = await relayMemory(relay)

    // The attacker's cause (its first character) is never sent; 150 updates of 100 kB build on it.
    const attacker = await raw(relay.url, 'plan-aanval')
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x')
    const sent = 150
    const served = otherPlanServed(syncUrl, 100)
    for (let i = 0; i < sent; i++) {
      const stateBefore = Y.encodeStateVector(doc)
      doc.getText('t').insert(doc.getText('t').length, noise(100_000, i + 1))
      if (attacker.ws.readyState === attacker.ws.OPEN) attacker.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc, stateBefore)))
    }
    const closed = await attacker.closed
    expect(closed.code).toBe(CloseCode.pendingTooLarge)
    expect(closed.reason).toMatch(/causes never arrived/)
    await served

    // Bound: what the relay keeps alive grew by less than 16 MB (the outside test saw 1.1 GB), the attacker gone.
    expect(await relayMemory(relay)).toBeLessThan(before + 16 * MB)
    // Nothing of it was stored, reached the watcher, or reaches a newcomer.
    expect(await stored(dataDir, 'plan-aanval')).toEqual({ bytes: 0, text: '' })
    expect(watcher.text.toString()).toBe('')
    expect(watcher.doc.store.pendingStructs).toBeNull()
    const newcomer = await client(syncUrl, 'plan-aanval')
    expect(newcomer.doc.store.pendingStructs).toBeNull()
    expect(newcomer.text.toString()).toBe('')
  })

  it('finding 1: random bytes inside a well-framed update are refused as malformed (4400), and nothing of them is stored', async () => {
    const { relay, dataDir } = await relayWith()
    for (let seed = 1; seed <= 20; seed++) {
      const attacker = await raw(relay.url, 'plan-ruis')
      const junk = new TextEncoder().encode(noise(2_000, seed))
      junk[0] = 1 // one client, so Yjs reads on into the junk
      attacker.ws.send(encodeUpdate(junk))
      expect((await attacker.closed).code).toBe(CloseCode.malformedMessage)
    }
    expect((await stored(dataDir, 'plan-ruis')).bytes).toBe(0)
  })

  it('finding 2: a reader that stops reading and sends 400 sync requests for a 1 MB plan is answered once, not 400 times', { timeout: 120_000 }, async () => {
    const { relay, syncUrl } = await relayWith()
    const author = await client(syncUrl, 'plan-groot')
    author.text.insert(0, noise(MB, 7))
    const check = await client(syncUrl, 'plan-groot')
    expect(check.text.length).toBe(MB)
    check.destroy()
    const before = await relayMemory(relay)

    const reader = await raw(relay.url, 'plan-groot')
    stopReading(reader)
    for (let i = 0; i < 400; i++) reader.ws.send(syncRequest())
    await otherPlanServed(syncUrl, 50)
    // The outside test saw 550 MB; one answer of the plan is about 1 MB.
    expect(await relayMemory(relay)).toBeLessThan(before + 16 * MB)

    startReading(reader)
    await waitUntil(() => reader.received.filter((frame) => frame[0] === MessageType.sync && frame[1] === 1).length === 400, 'every request was answered')
    const answers = reader.received.filter((frame) => frame[0] === MessageType.sync && frame[1] === 1)
    expect(answers.filter((frame) => frame.byteLength > 1_000)).toHaveLength(1)
    expect(reader.closeEvent).toBeUndefined()
  })

  it('finding 2: a reader that never reads while a writer sends 24 MB is closed with 4408 once KRING_MAX_BUFFERED_BYTES waits for it', { timeout: 120_000 }, async () => {
    const { relay, syncUrl } = await relayWith({ KRING_MAX_BUFFERED_BYTES: String(2 * MB), KRING_MAX_PLAN_BYTES: String(64 * MB) })
    const reader = await raw(relay.url, 'plan-stroom')
    const before = await relayMemory(relay)
    stopReading(reader)

    const writer = await raw(relay.url, 'plan-stroom')
    const doc = new Y.Doc()
    for (let i = 0; i < 24; i++) {
      const stateBefore = Y.encodeStateVector(doc)
      doc.getText('t').insert(doc.getText('t').length, noise(MB, i + 1))
      writer.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc, stateBefore)))
    }
    await otherPlanServed(syncUrl, 50)
    // The plan itself is 24 MB and the relay holds it; what waits for the reader is cut at 2 MB (the outside test saw 435 MB for 50 MB).
    await waitUntil(async () => /kring_connections_refused_total\{reason="too_slow"\} 1/.test(await metrics(relay)), 'the relay closed the reader')
    expect(await relayMemory(relay)).toBeLessThan(before + 24 * MB + 8 * MB)

    startReading(reader)
    expect((await reader.closed).code).toBe(CloseCode.tooSlow)
    expect(writer.closeEvent).toBeUndefined()
  })
})

/** The relay process's metrics, read through the tests' own token. */
async function metrics(relay: RelayProcess): Promise<string> {
  const response = await fetch(`${relay.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  return response.text()
}
