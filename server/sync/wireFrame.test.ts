import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { waitUntil } from '../../tests/support/wait.ts'
import { createLogger } from '../log.ts'
import { Connection } from './connection.ts'
import { preparedFrame, wireFrame } from './wireFrame.ts'

/** A server side websocket with the socket it was upgraded on, and a stock ws client that collects what it receives. */
async function pair(perMessageDeflate: boolean, cleanups: (() => unknown)[]) {
  const server: Server = createServer()
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate })
  const accepted = new Promise<{ ws: WebSocket; socket: Duplex }>((resolve) =>
    server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => resolve({ ws, socket }))),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, { perMessageDeflate })
  const received: { bytes: Uint8Array; binary: boolean }[] = []
  client.on('message', (data: RawData, binary) => received.push({ bytes: new Uint8Array(data as Buffer), binary }))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => client.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  cleanups.push(() => client.terminate(), () => wss.close(), () => server.close())
  return { ...(await accepted), received, closed }
}

/** A connection on `ws` that writes what goes to many peers to `socket` as prepared frames. */
function connectionOn(ws: WebSocket, socket: Duplex, cleanups: (() => unknown)[]): Connection {
  const connection = new Connection(ws, { logger: createLogger('silent'), maxMessagesPerSecond: 1_000, messageBurst: 1_000, keepaliveMs: 30_000, socket })
  cleanups.push(() => connection.close(1000, 'done'))
  return connection
}

/** A message of `length` bytes whose every byte says where it is. */
const message = (length: number, seed: number) => Uint8Array.from({ length }, (_, index) => (index * 31 + seed) % 256)

describe('a frame prepared once for every peer', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('reaches a stock websocket client as the binary message it carries, at every length the header encodes differently', async () => {
    const { socket, received } = await pair(false, cleanups)
    // 7-bit lengths up to 125, 16-bit up to 65535, 64-bit beyond.
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 300_000]
    for (const [seed, length] of lengths.entries()) socket.write(wireFrame(message(length, seed)))
    await waitUntil(() => received.length === lengths.length, 'every prepared frame to arrive', { describe: () => `${received.length} messages` })
    expect(received.map(({ bytes }) => bytes.byteLength)).toEqual(lengths)
    for (const [seed, length] of lengths.entries()) expect(received[seed]).toEqual({ bytes: message(length, seed), binary: true })
  })

  it('carries each message it is asked for, never the one prepared before it', () => {
    const first = message(10, 1)
    const second = message(10, 2)
    expect(preparedFrame(first)).toEqual(wireFrame(first))
    expect(preparedFrame(second)).toEqual(wireFrame(second))
    expect(preparedFrame(first)).toEqual(wireFrame(first))
  })

  it('leaves a connection in the order it was sent, mixed with frames ws makes itself', async () => {
    const { ws, socket, received } = await pair(false, cleanups)
    const connection = connectionOn(ws, socket, cleanups)
    const sent = [70_000, 3, 200, 0, 90_000, 5].map((length, seed) => message(length, seed))
    for (const [index, bytes] of sent.entries()) connection.send(bytes, index % 2 === 0)
    await waitUntil(() => received.length === sent.length, 'every message sent to arrive', { describe: () => `${received.length} messages` })
    expect(received.map(({ bytes }) => bytes)).toEqual(sent)
  })

  it('is framed by ws instead when the connection agreed on compression, so nothing overtakes what ws still compresses', async () => {
    const { ws, socket, received } = await pair(true, cleanups)
    expect(ws.extensions).not.toBe('')
    const connection = connectionOn(ws, socket, cleanups)
    // ws compresses a large message (a plan sent on joining) on a thread of its own and holds back what it sends after it meanwhile.
    const sent = [new Uint8Array(500_000).fill(7), message(10, 1), message(20, 2)]
    connection.send(sent[0]!)
    for (const bytes of sent.slice(1)) connection.send(bytes, true)
    await waitUntil(() => received.length === sent.length, 'every message sent to arrive', { describe: () => `${received.length} messages` })
    expect(received.map(({ bytes }) => bytes)).toEqual(sent)
  })

  it('is not written once the connection is closing: nothing follows the close frame on the wire', async () => {
    const { ws, socket, received, closed } = await pair(false, cleanups)
    const connection = connectionOn(ws, socket, cleanups)
    connection.send(message(10, 1), true)
    connection.close(4400, 'Bye')
    // A client stops reading at the close frame, so what follows it can only be seen in what the socket was given.
    const closeFrameEnds = (socket as Socket).bytesWritten
    connection.send(message(10, 2), true)
    connection.send(message(10, 3))
    expect((socket as Socket).bytesWritten).toBe(closeFrameEnds)
    expect(await closed).toEqual({ code: 4400, reason: 'Bye' })
    expect(received.map(({ bytes }) => bytes)).toEqual([message(10, 1)])
  })
})
