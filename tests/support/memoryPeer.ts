import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Room, RoomPeer } from '../../server/rooms/room.ts'
import { encodeSyncStep1, encodeUpdate, MessageType } from '../../server/sync/protocol.ts'

/**
 * A device on a room without a network, for tests of the room itself (as
 * tldraw's sync-core tests its rooms over a TestSocketPair): a Y.Doc on one
 * end, the room on the other, and between them the same y-websocket frames a
 * socket would carry, delivered at once and in order. The device reads every
 * frame it gets with y-protocols, as a WebsocketProvider does.
 */
export class MemoryPeer implements RoomPeer {
  readonly doc = new Y.Doc()
  /** Every frame the room sent, in order. */
  readonly frames: Uint8Array[] = []
  /** Set once the room closed this peer. */
  closed: { code: number; reason: string } | undefined

  constructor(private readonly room: Room) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.room.receiveUpdate(this, update, encodeUpdate(update))
    })
  }

  get text(): Y.Text {
    return this.doc.getText('t')
  }

  /** Joins the room and syncs both ways, as a device does on connecting. */
  join(): this {
    this.room.join(this)
    this.receive(encodeSyncStep1(this.room.stateVector()))
    const [first, ...rest] = this.room.missingFor(Y.encodeStateVector(this.doc))
    this.receive(syncFrame(syncProtocol.messageYjsSyncStep2, first!))
    for (const update of rest) this.receive(encodeUpdate(update))
    return this
  }

  leave(): void {
    this.room.leave(this)
  }

  send(frame: Uint8Array): void {
    if (this.closed !== undefined) return
    this.frames.push(frame)
    this.receive(frame)
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason }
  }

  /** Reads a frame as a device does: sync messages into the doc (answering a step 1), awareness ignored. */
  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.sync) return
    const answer = encoding.createEncoder()
    encoding.writeVarUint(answer, MessageType.sync)
    syncProtocol.readSyncMessage(decoder, answer, this.doc, this)
    // A sync step 1 from the room asks what it lacks: the device answers with a step 2.
    if (encoding.length(answer) > 1) {
      const reply = decoding.createDecoder(encoding.toUint8Array(answer))
      decoding.readVarUint(reply)
      decoding.readVarUint(reply)
      this.room.receiveUpdate(this, decoding.readVarUint8Array(reply))
    }
  }
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}
