import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { MessageType } from '../../server/sync/protocol.ts'

const SYNC_UPDATE = 2

/**
 * A bare websocket client of the y-websocket protocol, light enough that a
 * few hundred fit in the benchmark process: it sends prepared frames and
 * notes when each document update arrives, by the update's id.
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

  private constructor(private readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    this.greeting = new Promise((resolve) => ws.once('message', (data: Buffer) => resolve(data)))
    ws.on('message', (data: Buffer) => {
      const at = performance.now()
      this.onFrame?.(data)
      if (this.onUpdate === undefined) return
      const id = updateIdOf(data)
      if (id !== undefined) this.onUpdate(id, at)
    })
    ws.on('error', () => {})
  }

  static open(url: string): Promise<BenchSocket> {
    const ws = new WebSocket(url, { perMessageDeflate: false })
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new BenchSocket(ws)))
      ws.once('error', reject)
    })
  }

  send(frame: Uint8Array): void {
    this.ws.send(frame)
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
