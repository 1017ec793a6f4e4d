import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteStorage } from '../../server/storage/sqlite.ts'
import { relaySession } from './support/session.ts'
import { waitUntil } from '../support/wait.ts'

describe('relay storage', () => {
  const session = relaySession()

  it('after 5,000 single-character edits, storage soon holds at most 3x the size of the document itself', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    const storage = new SqliteStorage(dataDir)
    // A fast typist: far above the default rate limit, which is about people, not this test.
    const relay = await session.relay({ dataDir, storage, config: { limits: { maxMessagesPerSecond: 100_000, messageBurst: 100_000 } } })
    const typist = await session.client(relay, 'plan-typing')
    const watcher = await session.client(relay, 'plan-typing')

    const alphabet = 'abcdefghijklmnopqrstuvwxyz '
    for (let i = 0; i < 5_000; i++) typist.text.insert(typist.text.length, alphabet[i % alphabet.length]!)
    // Each edit is handed to storage as it is passed on, and size() waits for those writes.
    // Generous bound: on two shared cores with other test files running this takes up to ~15 s.
    await waitUntil(() => watcher.text.length === 5_000, 'watcher has all 5,000 characters', { timeoutMs: 60_000 })

    const documentBytes = Y.encodeStateAsUpdate(typist.doc).byteLength
    // Storage compacts in a pause between edits (KRING_COMPACT_WHEN_QUIET_MS after the last one), not while they come.
    const stored = await waitUntil(async () => {
      const size = await storage.size('plan-typing')
      return size.bytes <= 3 * documentBytes && size
    }, 'storage compacted to at most 3x the document')
    expect(stored.bytes).toBeLessThanOrEqual(3 * documentBytes)
    expect(watcher.text.toString()).toBe(typist.text.toString())
  }, 90_000)

  it('when storage stops taking writes, the room closes for its peers with 1011 and /healthz says 503; once it can store again, the edit is there', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    const storage = new SqliteStorage(dataDir)
    const relay = await session.relay({ dataDir, storage })
    const writer = await session.client(relay, 'plan-disk')
    const reader = await session.client(relay, 'plan-disk')
    const closes = { writer: [] as number[], reader: [] as number[] }
    writer.provider.on('connection-close', (event) => closes.writer.push(event?.code ?? 0))
    reader.provider.on('connection-close', (event) => closes.reader.push(event?.code ?? 0))

    await storage.close() // as if the disk went away under the relay
    writer.text.insert(0, 'niet opgeslagen')
    await waitUntil(() => closes.writer.includes(1011), 'writer closed with 1011')
    await waitUntil(() => closes.reader.includes(1011), 'reader closed with 1011')
    const health = await fetch(`${relay.url}/healthz`)
    expect(health.status).toBe(503)
    expect(((await health.json()) as { ok: boolean }).ok).toBe(false)

    // The disk is back (a restart on the same data): the writer sends again what the relay lacks.
    await relay.restart()
    await waitUntil(() => writer.provider.synced && reader.provider.synced, 'both reconnected')
    const newcomer = await session.client(relay, 'plan-disk')
    expect(newcomer.text.toString()).toBe('niet opgeslagen')
    await waitUntil(() => reader.text.toString() === 'niet opgeslagen', 'reader has the edit')
  })

  it('a room whose stored data is unreadable is refused with a reason that names nothing private; other rooms carry on', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    const seed = new SqliteStorage(dataDir)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'geheime notitie')
    await seed.append('plan-broken', Y.encodeStateAsUpdate(doc))
    await seed.append('plan-broken', new TextEncoder().encode('geheime notitie, maar kapot'))
    await seed.close()

    const relay = await session.relay({ dataDir })
    const socket = await session.rawPath(relay, '/sync/plan-broken')
    const closed = await socket.closed
    expect(closed.code).toBe(1011)
    expect(closed.reason).not.toMatch(/geheim|notitie|plan-broken/)

    const fine = await session.client(relay, 'plan-fine')
    fine.text.insert(0, 'werkt')
    const again = await session.client(relay, 'plan-fine')
    expect(again.text.toString()).toBe('werkt')
  })
})
