import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { refusalCodeOf, type RefusalCode } from '../../../shared/capabilities/refusals.ts'
import { WebsocketProvider } from 'y-websocket'
import { MessageType } from '../../../server/sync/protocol.ts'
import * as Y from 'yjs'
import { waitUntil } from '../../support/wait.ts'

/** A stock y-websocket client on one room, as any app built on Yjs would connect. */
export interface TestClient {
  doc: Y.Doc
  text: Y.Text
  provider: WebsocketProvider
  destroy(): void
}

/**
 * Connects a stock `WebsocketProvider` (ws as its WebSocket) to `room` and
 * waits until it has synced with the relay. BroadcastChannel is off, so
 * clients in one test process can only meet through the relay. With `token`,
 * it presents that invitation in the query, `params: { token }`, as older
 * apps and stock clients do (the app offers it as a subprotocol instead).
 * With `doc`, the client brings what that document holds (as a device
 * opening a plan from its own storage does).
 */
export async function connectClient(
  syncUrl: string,
  room: string,
  { waitForSync = true, token, doc = new Y.Doc() }: { waitForSync?: boolean; token?: string; doc?: Y.Doc } = {},
): Promise<TestClient> {
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, // ws implements the browser API the provider uses
    disableBc: true,
    maxBackoffTime: 200,
    params: token === undefined ? {} : { token },
  })
  let destroyed = false
  const client: TestClient = {
    doc,
    text: doc.getText('t'),
    provider,
    destroy() {
      if (destroyed) return
      destroyed = true
      provider.destroy()
      provider.awareness.destroy()
      doc.destroy()
    },
  }
  if (waitForSync) await waitUntil(() => provider.synced, `client synced with room ${room}`)
  return client
}

/** A raw websocket to the relay, recording what it receives and how it closed. */
export interface RawSocket {
  ws: WebSocket
  received: Uint8Array[]
  /** Set once the socket has closed. */
  closeEvent: { code: number; reason: string } | undefined
  /** Resolves when the socket has closed, with the code and reason the relay gave. */
  closed: Promise<{ code: number; reason: string }>
}

/**
 * Opens a websocket to `path` (e.g. `/sync/room`), from `localAddress` and
 * offering `protocols` when given, and waits until it is open (or closed at once).
 */
export async function openRawSocket(baseUrl: string, path: string, { localAddress, protocols = [] }: { localAddress?: string; protocols?: string[] } = {}): Promise<RawSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`, protocols, localAddress === undefined ? {} : { localAddress })
  const socket: RawSocket = { ws, received: [], closeEvent: undefined, closed: undefined as unknown as Promise<{ code: number; reason: string }> }
  ws.binaryType = 'arraybuffer'
  ws.on('message', (data) => socket.received.push(new Uint8Array(data as ArrayBuffer)))
  ws.on('error', () => {}) // the close event carries what the tests look at
  socket.closed = new Promise((resolve) => {
    ws.on('close', (code, reason) => {
      socket.closeEvent = { code, reason: reason.toString() }
      resolve(socket.closeEvent)
    })
  })
  await new Promise<void>((resolve) => {
    ws.once('open', () => resolve())
    ws.once('close', () => resolve())
  })
  return socket
}

/** Opens a raw socket to a room and waits until the relay has let it in (its sync step 1 arrived). */
export async function joinRawSocket(baseUrl: string, room: string): Promise<RawSocket> {
  const socket = await openRawSocket(baseUrl, `/sync/${room}`)
  await waitUntil(() => socket.received.length > 0 || socket.closeEvent !== undefined, `relay answered on room ${room}`)
  return socket
}

/** A close as the app reads it: the close code and the refusal's name (shared/capabilities/refusals.ts). */
export function refusalOf(closed: { code: number; reason: string }): { code: number; refusal: RefusalCode | undefined } {
  return { code: closed.code, refusal: refusalCodeOf(closed.reason) }
}

/** Whether the relay let the socket in (it sent its sync step 1) rather than closing it. */
export function admitted(socket: RawSocket): boolean {
  return socket.closeEvent === undefined && socket.received.length > 0
}

/** The reasons in the y-protocols auth messages (permission denied) a socket received. */
export function authReasons(socket: RawSocket): string[] {
  return socket.received
    .filter((frame) => frame[0] === MessageType.auth)
    .map((frame) => {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      return decoding.readVarString(decoder)
    })
}

/** Sends a frame (if any), then a sync step 1 probe, and waits for the relay's answer to the probe (or the close). */
export function sendAndWait(socket: RawSocket, frame?: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (socket.ws.readyState !== socket.ws.OPEN) return resolve()
    const done = () => {
      socket.ws.off('message', onMessage)
      socket.ws.off('close', done)
      resolve()
    }
    const onMessage = (data: ArrayBuffer) => {
      const bytes = new Uint8Array(data)
      if (bytes[0] === MessageType.sync && bytes[1] === 1) done()
    }
    socket.ws.on('message', onMessage)
    socket.ws.on('close', done)
    if (frame !== undefined) socket.ws.send(frame)
    socket.ws.send(Uint8Array.of(MessageType.sync, 0, 1, 0))
  })
}
