import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { waitUntil } from '../../tests/support/wait.ts'
import { needRedis } from '../../tests/support/services.ts'
import { startTcpProxy, type TcpProxy } from '../../tests/support/tcpProxy.ts'
import { SqliteStorage } from '../storage/sqlite.ts'
import { decodeClientMessage, encodeUpdate } from '../sync/protocol.ts'
import { openFanOut } from './openFanOut.ts'
import { RedisFanOut } from './redis.ts'

const redisUrl = await needRedis()

/** Resolves with the next frame a subscription receives. */
function nextFrame(fanOut: RedisFanOut, room: string): { frame: Promise<Uint8Array>; stop: () => void } {
  let stop = () => {}
  const frame = new Promise<Uint8Array>((resolve) => {
    stop = fanOut.subscribe(room, resolve)
  })
  return { frame, stop }
}

/** The text a sync-update frame carries. */
function textOf(frame: Uint8Array): string {
  const message = decodeClientMessage(frame)
  if (message.type !== 'update') throw new Error(`expected an update, got ${message.type}`)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, message.update)
  return doc.getText('t').toString()
}

function edit(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe.skipIf(!redisUrl)('Redis fan-out between relay instances', () => {
  const url = redisUrl!
  const channelPrefix = `kring-test-${randomBytes(4).toString('hex')}`
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function storage(): Promise<SqliteStorage> {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-fanout-'))
    const store = new SqliteStorage(dataDir)
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => store.close())
    return store
  }

  async function instance(store: SqliteStorage, redis = url): Promise<RedisFanOut> {
    const fanOut = await RedisFanOut.open({ url: redis, storage: store, channelPrefix })
    cleanups.push(() => fanOut.close())
    return fanOut
  }

  async function subscribers(room: string): Promise<number> {
    const redis = new Redis(url)
    try {
      const [, count] = (await redis.pubsub('NUMSUB', `${channelPrefix}:room:${room}`)) as [string, number]
      return count
    } finally {
      redis.disconnect()
    }
  }

  it("passes a room's frames to the other instance, never back to the one that sent them", async () => {
    const store = await storage()
    const [a, b] = [await instance(store), await instance(store)]
    const atA: string[] = []
    a.subscribe('room-live', (frame) => atA.push(textOf(frame)))
    const atB = nextFrame(b, 'room-live')
    await waitUntil(async () => (await subscribers('room-live')) === 2, 'both instances listen to the room')

    await a.publish('room-live', encodeUpdate(edit('van a')))
    expect(textOf(await atB.frame)).toBe('van a')
    // Redis delivers in publish order: had a heard its own frame, it would come before b's.
    await b.publish('room-live', encodeUpdate(edit('van b')))
    await waitUntil(async () => atA.length > 0, 'a hears b')
    expect(atA).toEqual(['van b'])
  })

  it('listens only to rooms that have local clients', async () => {
    const store = await storage()
    const fanOut = await instance(store)
    const stop = fanOut.subscribe('room-held', () => {})
    await waitUntil(async () => (await subscribers('room-held')) === 1, 'the instance listens to the room it holds')
    expect(await subscribers('room-never-held')).toBe(0)

    stop()
    await waitUntil(async () => (await subscribers('room-held')) === 0, 'the instance stops listening')
    expect(fanOut.subscribedRooms).toEqual([])
  })

  it('reports Redis going away, and after it returns hands over from storage what was published meanwhile', async () => {
    const store = await storage()
    const target = new URL(url)
    const proxy: TcpProxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) })
    cleanups.push(() => proxy.close())
    const viaProxy = new URL(url)
    viaProxy.hostname = '127.0.0.1'
    viaProxy.port = String(proxy.port)

    const a = await instance(store)
    const b = await instance(store, viaProxy.toString())
    const received: string[] = []
    b.subscribe('room-gap', (frame) => received.push(textOf(frame)))
    await waitUntil(async () => (await subscribers('room-gap')) === 1, 'b listens to the room')
    expect(await b.healthy()).toBe(true)

    proxy.cut()
    await waitUntil(async () => !(await b.healthy()), 'b reports redis down')
    // The relay stores an update before publishing it; b hears nothing of it now.
    const missed = edit('terwijl Redis weg was')
    await store.append('room-gap', missed)
    await a.publish('room-gap', encodeUpdate(missed))

    proxy.restore()
    await waitUntil(async () => received.includes('terwijl Redis weg was'), 'b catches up from storage')
    // Its two connections come back one by one: healthy once both are.
    await waitUntil(() => b.healthy(), 'b reports redis healthy again')
  })

  it('with KRING_REDIS_KEY, Redis sees no plan text, frames still pass between instances, and nothing published by anyone without the key gets in', async () => {
    const store = await storage()
    const key = randomBytes(32)
    const a = await RedisFanOut.open({ url, storage: store, channelPrefix, frameKey: key })
    const b = await RedisFanOut.open({ url, storage: store, channelPrefix, frameKey: key })
    const stranger = await RedisFanOut.open({ url, storage: store, channelPrefix, frameKey: randomBytes(32) })
    cleanups.push(() => a.close(), () => b.close(), () => stranger.close())
    const atB: string[] = []
    b.subscribe('room-sealed', (frame) => atB.push(textOf(frame)))
    const atStranger: Uint8Array[] = []
    stranger.subscribe('room-sealed', (frame) => atStranger.push(frame))
    // What anyone reading Redis sees: a subscriber of its own.
    const onlooker = new Redis(url)
    cleanups.push(async () => onlooker.disconnect())
    const seen: Buffer[] = []
    onlooker.on('messageBuffer', (_channel: Buffer, message: Buffer) => seen.push(message))
    await onlooker.subscribe(`${channelPrefix}:room:room-sealed`)
    await waitUntil(async () => (await subscribers('room-sealed')) === 3, 'b, the stranger and the onlooker listen')

    await a.publish('room-sealed', encodeUpdate(edit('Opa Henk zijn zorgen')))
    await waitUntil(() => atB.length === 1, 'b opens what a sealed')
    expect(atB).toEqual(['Opa Henk zijn zorgen'])
    await waitUntil(() => seen.length === 1, 'the onlooker saw the message go by')
    expect(seen[0]!.includes(Buffer.from('Opa Henk'))).toBe(false)

    // Someone who can publish on Redis, but has no key, cannot put a change into the room.
    const injector = new Redis(url)
    cleanups.push(async () => injector.disconnect())
    await injector.publish(`${channelPrefix}:room:room-sealed`, Buffer.concat([randomBytes(16), encodeUpdate(edit('ingeschoven'))]))
    await a.publish('room-sealed', encodeUpdate(edit('daarna')))
    await waitUntil(() => atB.length === 2, 'b hears the next sealed frame')
    expect(atB).toEqual(['Opa Henk zijn zorgen', 'daarna'])
    expect(atStranger).toEqual([])
  })

  it('uses the configured channel prefix (KRING_REDIS_CHANNEL_PREFIX), so deployments on one Redis stay apart', async () => {
    const store = await storage()
    const prefix = `kring-elders-${randomBytes(4).toString('hex')}`
    const fanOut = await openFanOut({ redisUrl: url, redisChannelPrefix: prefix, redisKey: undefined }, { storage: store })
    cleanups.push(() => fanOut.close())
    fanOut.subscribe('room-prefixed', () => {})
    const redis = new Redis(url)
    cleanups.push(async () => redis.disconnect())
    await waitUntil(async () => ((await redis.pubsub('NUMSUB', `${prefix}:room:room-prefixed`)) as [string, number])[1] === 1, 'it listens under its own prefix')
    expect(((await redis.pubsub('NUMSUB', 'kring:room:room-prefixed')) as [string, number])[1]).toBe(0)
  })

  it('refuses to start when Redis cannot be reached, naming where it looked', async () => {
    const store = await storage()
    await expect(RedisFanOut.open({ url: 'redis://127.0.0.1:1', storage: store })).rejects.toThrow(
      /Cannot reach Redis at 127\.0\.0\.1:1/,
    )
  })
})
