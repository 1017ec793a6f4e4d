import type { Duplex } from 'node:stream'
import { WebSocket, type RawData } from 'ws'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RefusalReason, RelayMetrics } from '../metrics/relayMetrics.ts'
import { PlanFullError } from '../quotas/planBytes.ts'
import { EMPTY_UPDATE, PendingLimitError } from '../updates/roomUpdates.ts'
import type { Room, RoomPeer } from '../rooms/room.ts'
import { claimsAnotherPerson } from './presenceClaims.ts'
import { decodeClientMessage, encodePermissionDenied, encodeSyncStep1, encodeSyncStep2, encodeUpdate, MalformedMessageError, mergeStateVectors, READ_ONLY_REASON, type ClientMessage } from './protocol.ts'
import { TokenBucket } from './rateLimit.ts'
import { preparedFrame } from './wireFrame.ts'

export interface ConnectionOptions {
  logger: Logger
  metrics?: RelayMetrics
  maxMessagesPerSecond: number
  messageBurst: number
  /** How often to ping; a client that has not answered the previous ping by then is dropped. */
  keepaliveMs: number
  /**
   * What may wait to be sent to this client, in bytes (KRING_MAX_BUFFERED_BYTES):
   * past it the client is not reading, and is closed with 4408. One frame
   * larger than this (a whole plan on joining) still goes when nothing waits.
   */
  maxBufferedBytes?: number
  /**
   * The socket the websocket runs on (the upgrade's): a frame that goes to
   * many peers is framed once for all of them (wireFrame.ts) and written to
   * it as it is. Without it, or when the handshake agreed on an extension,
   * every frame goes through ws.
   */
  socket?: Duplex
}

/**
 * Adapts one websocket to a room, speaking the y-websocket protocol: answers
 * the client's sync step 1, sends the relay's own, passes updates and
 * awareness to the room, and answers awareness queries. Created right after
 * the upgrade: frames that arrive before `bind` wait (the socket is paused,
 * and frames already read are kept in order).
 *
 * A frame that is not a valid message closes this connection with 4400, a
 * client that sends too fast is closed with 4429; the relay itself never
 * throws on a client's bytes. Frames over the size limit are refused by ws
 * itself (`maxPayload`), which closes with 1009.
 */
export class Connection implements RoomPeer {
  private room: Room | undefined
  private readOnly = false
  /** The person this connection's invitation names: its presence may say it is this person, and no one else. */
  private person: string | null = null
  private readonly early: Uint8Array[] = []
  private closed = false
  private dropQueued = false
  private answeredPing = true
  private readonly bucket: TokenBucket
  private readonly keepalive: NodeJS.Timeout
  /** Where prepared frames are written (ConnectionOptions.socket); undefined when every frame goes through ws. */
  private readonly rawSocket: Duplex | undefined
  /** The room's version and state vector when this connection's last sync request was answered in full. */
  private answered: { version: number; stateVector: Uint8Array } | undefined

  constructor(
    private readonly ws: WebSocket,
    private readonly options: ConnectionOptions,
  ) {
    this.bucket = new TokenBucket(options.maxMessagesPerSecond, options.messageBurst)
    // An extension (compression) would change how frames look and make ws queue its own writes: then ws frames everything.
    this.rawSocket = ws.extensions === '' ? options.socket : undefined
    ws.on('message', (data) => this.receive(toBytes(data)))
    ws.on('close', () => this.onClosed())
    ws.on('error', (error: Error & { code?: string }) => this.onSocketError(error))
    ws.on('pong', () => {
      this.answeredPing = true
    })
    this.keepalive = setInterval(() => this.ping(), options.keepaliveMs)
    this.keepalive.unref()
    ws.pause()
  }

  /** Whether the connection has ended (or is ending). */
  get isClosed(): boolean {
    return this.closed
  }

  /** Whether the relay closed this connection for what it sent: its updates still queued in the room are dropped. */
  get discarded(): boolean {
    return this.dropQueued
  }

  /**
   * Joins `room`: sends the relay's sync step 1 and everyone's awareness, then
   * handles the frames that arrived meanwhile. With `readOnly` (a meelezer),
   * the client is told so once, up front, with the y-protocols auth message,
   * and its document updates are dropped: not applied, stored or broadcast.
   * Its awareness (presence) still passes. With `person` (the invitation
   * names one), awareness that says it is anyone else is dropped (issue 11).
   */
  bind(room: Room, { readOnly, person = null }: { readOnly: boolean; person?: string | null }): void {
    if (this.closed) return
    this.room = room
    this.readOnly = readOnly
    this.person = person
    room.join(this)
    if (this.closed) return
    this.send(encodeSyncStep1(room.stateVector()))
    if (readOnly) this.send(encodePermissionDenied(READ_ONLY_REASON))
    const awareness = room.awarenessFrame()
    if (awareness !== undefined) this.send(awareness)
    for (const frame of this.early.splice(0)) this.handle(frame)
    this.ws.resume()
  }

  /**
   * Sends a message. One that goes `toMany` peers (a broadcast) is framed for
   * the websocket once for all of them (wireFrame.ts) and written to the
   * socket as it is. ws writes its own frames to the same socket at once,
   * never queued (no extension is in use), so every frame still leaves in the
   * order it was sent; once the websocket is closing nothing is sent.
   */
  send(frame: Uint8Array, toMany = false): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    const { maxBufferedBytes } = this.options
    if (maxBufferedBytes !== undefined && this.ws.bufferedAmount > 0 && this.ws.bufferedAmount + frame.byteLength > maxBufferedBytes) {
      // It does not read what it is sent: nothing more is queued for it, and it is told why behind what waits.
      this.refuse(CloseCode.tooSlow, 'Too much is waiting to be sent to this connection; it does not read. Reconnect', 'too_slow')
      return
    }
    this.options.metrics?.message('out', frame.byteLength)
    // No callback: a write that fails destroys the socket, and ws reports that as a close like any other.
    // A callback would cost every frame to every peer a closure of its own, and a tick of its own
    // where Node would finish several writes to one socket in one.
    if (toMany && this.rawSocket !== undefined) this.rawSocket.write(preparedFrame(frame))
    else this.ws.send(frame)
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.ws.close(code, closeReason(reason))
    // A paused socket would never read the client's answering close frame.
    this.ws.resume()
    this.leaveRoom()
  }

  /** Closes with a code and counts why. */
  refuse(code: number, reason: string, metric: RefusalReason): void {
    if (this.closed) return
    this.options.metrics?.refusedConnection(metric)
    this.options.logger.info({ room: this.room?.name, code, reason: metric }, 'connection closed by the relay')
    this.close(code, reason)
  }

  private receive(frame: Uint8Array): void {
    if (this.closed) return
    this.options.metrics?.message('in', frame.byteLength)
    if (!this.bucket.take()) {
      this.refuse(CloseCode.rateLimited, 'Too many messages; slow down and reconnect', 'rate_limited')
      return
    }
    if (this.room === undefined) this.early.push(frame)
    else this.handle(frame)
  }

  private handle(frame: Uint8Array): void {
    if (this.closed || this.room === undefined) return
    let message: ClientMessage
    try {
      message = decodeClientMessage(frame)
    } catch (error) {
      this.onRoomError(error)
      return
    }
    const room = this.room
    switch (message.type) {
      case 'syncStep1':
        this.answerSyncRequest(room, message.stateVector)
        break
      case 'update':
        if (this.readOnly) return
        try {
          // Usually taken in at once; a promise only while the plan's quota waits for a compaction.
          room.receiveUpdate(this, message.update, message.frame)?.catch((error: unknown) => this.onRoomError(error))
        } catch (error) {
          this.onRoomError(error)
        }
        break
      case 'awareness':
        try {
          if (this.person !== null && claimsAnotherPerson(message.update, this.person)) {
            // Presence that says it is someone else never reaches the others; the connection stays (an old app version may say nothing wrong on purpose).
            this.options.metrics?.refusedAwareness()
            this.options.logger.info({ room: room.name }, 'dropped presence that claims another person')
            return
          }
          room.receiveAwareness(this, message.update)
        } catch (error) {
          this.onRoomError(error)
        }
        break
      case 'queryAwareness': {
        const awareness = room.awarenessFrame()
        if (awareness !== undefined) this.send(awareness)
        break
      }
    }
  }

  /**
   * Answers a sync request at most once per state of the room: what this
   * connection was sent in an earlier answer is not sent again, so a burst
   * of requests cannot make the relay send a plan over and over. A request
   * while the room has not changed since the last answer gets an empty one:
   * everything was sent already, or is on its way.
   */
  private answerSyncRequest(room: Room, stateVector: Uint8Array): void {
    let missing: Uint8Array[]
    try {
      const known = this.answered
      if (known !== undefined && known.version === room.version) {
        missing = [EMPTY_UPDATE]
      } else {
        missing = room.missingFor(known === undefined ? stateVector : mergeStateVectors(stateVector, known.stateVector))
        this.answered = { version: room.version, stateVector: room.stateVector() }
      }
    } catch (error) {
      this.onRoomError(error)
      return
    }
    const [first, ...rest] = missing
    this.send(encodeSyncStep2(first!))
    for (const update of rest) this.send(encodeUpdate(update))
  }

  private onRoomError(error: unknown): void {
    if (error instanceof MalformedMessageError) {
      this.refuse(CloseCode.malformedMessage, error.message, 'malformed_message')
      return
    }
    if (error instanceof PlanFullError) {
      // What it sent after this is not taken either: the room drops it.
      this.dropQueued = true
      this.refuse(CloseCode.planTooLarge, error.message, 'plan_full')
      return
    }
    if (error instanceof PendingLimitError) {
      // Nor anything it sent after this; what it sent before that still waits goes as it leaves (Room.leave).
      this.dropQueued = true
      this.refuse(CloseCode.pendingTooLarge, error.message, 'pending_too_large')
      return
    }
    // Storage failures close the whole room (and this connection) in Room itself.
    this.options.logger.error({ room: this.room?.name, err: errorSummary(error) }, 'a message could not be handled')
  }

  private onSocketError(error: Error & { code?: string }): void {
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      // ws has already answered with 1009 (message too big) and is closing the socket.
      this.options.metrics?.refusedConnection('message_too_big')
      this.options.logger.info({ room: this.room?.name, code: 1009 }, 'connection sent a frame over the size limit')
      return
    }
    this.options.logger.warn({ room: this.room?.name, err: errorSummary(error) }, 'websocket error')
  }

  private ping(): void {
    if (!this.answeredPing) {
      this.ws.terminate()
      return
    }
    this.answeredPing = false
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping()
  }

  private onClosed(): void {
    this.closed = true
    clearInterval(this.keepalive)
    this.early.length = 0
    this.leaveRoom()
  }

  private leaveRoom(): void {
    this.room?.leave(this)
  }
}

/** A close frame's reason holds at most 123 bytes (RFC 6455); a longer sentence is cut, not thrown on. */
function closeReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason
  let cut = reason.slice(0, 123)
  while (Buffer.byteLength(cut) > 123) cut = cut.slice(0, -1)
  return cut
}

/** ws hands frames over as a Buffer, an ArrayBuffer or fragments, depending on binaryType. */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return data
}
