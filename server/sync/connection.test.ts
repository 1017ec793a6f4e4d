import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitUntil } from '../../tests/support/wait.ts'
import { LocalFanOut } from '../fanout/local.ts'
import { createLogger } from '../log.ts'
import { Room } from '../rooms/room.ts'
import { SqliteStorage } from '../storage/sqlite.ts'
import { Connection } from './connection.ts'

/**
 * A read-only connection (what a meelezer's invitation will give) reads the
 * room live but its edits go nowhere. Built from the real parts — room,
 * SQLite, websocket, connection — with the read-only flag set directly,
 * because admission admits everyone read-write until tokens arrive.
 */
describe('a read-only connection', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('receives the room live, but its own edits are not applied, stored or broadcast', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-connection-'))
    const storage = new SqliteStorage(dataDir)
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => storage.close())
    const logger = createLogger('silent')
    const room = await Room.load('plan-readonly', { storage, fanOut: new LocalFanOut(), logger })
    cleanups.push(() => room.close())

    const server: Server = createServer()
    const wss = new WebSocketServer({ server })
    wss.on('connection', (ws, request) => {
      const connection = new Connection(ws, { logger, maxMessagesPerSecond: 1_000, messageBurst: 1_000, keepaliveMs: 30_000 })
      connection.bind(room, { readOnly: request.url?.endsWith('meelezer') ?? false })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())), () => wss.close())
    const base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`

    const connect = (path: string) => {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(base, path, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, // ws implements the browser API the provider uses
        disableBc: true,
      })
      cleanups.push(() => {
        provider.destroy()
        doc.destroy()
      })
      return { doc, provider, text: doc.getText('t') }
    }
    const writer = connect('schrijver')
    const reader = connect('meelezer')
    await waitUntil(() => writer.provider.synced && reader.provider.synced, 'both synced')

    writer.text.insert(0, 'Wat gaan we doen?')
    await waitUntil(() => reader.text.toString() === 'Wat gaan we doen?', 'reader receives the writer\'s edit')

    reader.text.insert(0, 'Niet van mij: ')
    // Frames of one connection are handled in order: once the reader's later awareness
    // has arrived, its edit was handled (and dropped).
    reader.provider.awareness.setLocalStateField('naam', 'meelezer')
    await waitUntil(() => [...room.awareness.getStates().values()].some((state) => state.naam === 'meelezer'), 'relay has the reader\'s awareness')
    writer.text.insert(writer.text.length, ' Samen koken.')
    await waitUntil(() => reader.text.toString().endsWith('Samen koken.'), 'reader receives the next edit')
    expect(writer.text.toString()).toBe('Wat gaan we doen? Samen koken.')

    const inRoom = new Y.Doc()
    for (const update of room.missingFor(Y.encodeStateVector(inRoom))) Y.applyUpdate(inRoom, update)
    expect(inRoom.getText('t').toString()).toBe('Wat gaan we doen? Samen koken.')
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (await storage.load('plan-readonly'))!)
    expect(stored.getText('t').toString()).toBe('Wat gaan we doen? Samen koken.')
  })
})
