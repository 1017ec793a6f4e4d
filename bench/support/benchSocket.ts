import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { encodeSyncStep1, MessageType } from '../../server/sync/protocol.ts'
import type { RunningServer } from './servers.ts'

const SYNC_UPDATE = 2

/** Hocuspocus's message type for authentication, and its sub-type for a token (@hocuspocus/common, auth.ts). */
const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_AUTH_TOKEN = 0

/**
 * A bare websocket client of the y-websocket protocol, light enough that a
 * few hundred fit in the benchmark process: it sends prepared frames and
 * notes when each document update arrives, by the update's id.
 *
 * To Hocuspocus it speaks Hocuspocus's dialect of the same protocol: every
 * message, both ways, starts with the document's name (a lib0 string),
 * and the first names the document with a token. The prefix is added to
 * what is sent and taken off what arrives here, so the benchmarks see the
 * same frames from every server.
 */
export class BenchSocket {
  /** Called with the id of every document update received, and when (performance.now()). */
  onUpdate: ((id: string, at: number) => void) | undefined
  /** Called with every frame received. */
  onFrame: ((frame: Uint8Array) => void) | undefined
  /**
   * Resolves with the first frame the server sends. Set up as the socket
   * opens: a greeting can arrive in the same read as the handshake answer,
   * before any code awaiting `open` runs.
   */
  readonly greeting: Promise<Uint8Array>

  private constructor(
    private readonly ws: WebSocket,
    /** The document's name as Hocuspocus prefixes it; undefined for y-websocket servers. */
    private readonly prefix: Uint8Array | undefined,
  ) {
    ws.binaryType = 'nodebuffer'
    const strip = (data: Buffer): Uint8Array => (prefix === undefined ? data : data.subarray(prefix.byteLength))
    // Hocuspocus says nothing until asked: its greeting is the answer to the sync step 1 `open` sends.
    this.greeting = new Promise((resolve) => {
      const greeted = (data: Buffer) => {
        const frame = strip(data)
        if (prefix !== undefined && !(frame[0] === MessageType.sync && frame[1] === 1)) return
        ws.off('message', greeted)
        resolve(frame)
      }
      ws.on('message', greeted)
    })
    ws.on('message', (raw: Buffer) => {
      const at = performance.now()
      const data = strip(raw)
      this.onFrame?.(data)
      if (this.onUpdate === undefined) return
      const id = updateIdOf(data)
      if (id !== undefined) this.onUpdate(id, at)
    })
    ws.on('error', () => {})
  }

  /** Opens a socket to `room` on `server` (presenting an invitation `token` when given); to Hocuspocus, it authenticates and asks for the document at once. */
  static open(server: RunningServer, room: string, token?: string): Promise<BenchSocket> {
    const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`
    const ws = new WebSocket(server.roomUrl(room) + query, { perMessageDeflate: false })
    const prefix = server.kind.protocol === 'hocuspocus' ? documentName(room) : undefined
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        const socket = new BenchSocket(ws, prefix)
        if (prefix !== undefined) {
          socket.send(hocuspocusToken())
          socket.send(encodeSyncStep1(new Uint8Array([0])))
        }
        resolve(socket)
      })
      ws.once('error', reject)
    })
  }

  send(frame: Uint8Array): void {
    if (this.prefix === undefined) this.ws.send(frame)
    else {
      const prefixed = new Uint8Array(this.prefix.byteLength + frame.byteLength)
      prefixed.set(this.prefix)
      prefixed.set(frame, this.prefix.byteLength)
      this.ws.send(prefixed)
    }
  }

  close(): void {
    this.ws.terminate()
  }
}

/**
 * The id of the document update in a frame: "<client>:<clock>" of its first
 * struct, which every server passes on unchanged (the relays re-encode the
 * update, but the struct keeps its client and clock). Undefined for frames
 * that carry no update (sync step 1, awareness).
 */
export function updateIdOf(frame: Uint8Array): string | undefined {
  if (frame[0] !== MessageType.sync || frame[1] !== SYNC_UPDATE) return undefined
  const decoder = decoding.createDecoder(frame)
  decoding.readVarUint(decoder) // message type
  decoding.readVarUint(decoder) // sync step
  decoding.readVarUint(decoder) // length of the update
  if (decoding.readVarUint(decoder) === 0) return undefined // clients with structs
  decoding.readVarUint(decoder) // structs of the first client
  const client = decoding.readVarUint(decoder)
  const clock = decoding.readVarUint(decoder)
  return `${client}:${clock}`
}

/** A document's name as Hocuspocus starts every message with it. */
function documentName(room: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, room)
  return encoding.toUint8Array(encoder)
}

/** Hocuspocus's auth message (after the prefix): a token, empty here, since no hook checks it. */
function hocuspocusToken(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH)
  encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN)
  encoding.writeVarString(encoder, '')
  return encoding.toUint8Array(encoder)
}
