import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/**
 * The y-websocket wire format, in one place: every frame is a varuint message
 * type followed by its body, encoded with lib0 (as y-websocket's own server
 * does), so a stock `WebsocketProvider` understands the relay.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** One decoded client frame. `unknown` frames are refused by the caller. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  /**
   * Sync step 2 and update carry the same thing: a Yjs update. `frame` is set
   * when the frame is exactly an update message, so it can be passed on to
   * others as it came (a step 2 must not be: it tells a client it is synced).
   */
  | { type: 'update'; update: Uint8Array; frame?: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

/** A frame is not a y-websocket message the relay accepts. */
export class MalformedMessageError extends Error {
  constructor(detail: string, options?: ErrorOptions) {
    super(`Malformed message: ${detail}`, options)
    this.name = 'MalformedMessageError'
  }
}

/** Decodes one frame from a client; throws `MalformedMessageError` when it is not a message we accept. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder)
        if (step === syncProtocol.messageYjsSyncStep1) return { type: 'syncStep1', stateVector: decoding.readVarUint8Array(decoder) }
        if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder)
          const exact = step === syncProtocol.messageYjsUpdate && !decoding.hasContent(decoder)
          return exact ? { type: 'update', update, frame } : { type: 'update', update }
        }
        throw new MalformedMessageError(`unknown sync step ${step}`)
      }
      case MessageType.awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MessageType.queryAwareness:
        return { type: 'queryAwareness' }
      default:
        throw new MalformedMessageError(`unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError('cannot be decoded', { cause: error })
  }
}

/**
 * Two state vectors as one: per client the higher clock (what one side has
 * said it holds, and what it was sent). Throws `MalformedMessageError` when
 * either cannot be decoded.
 */
export function mergeStateVectors(a: Uint8Array, b: Uint8Array): Uint8Array {
  let merged: Map<number, number>
  let other: Map<number, number>
  try {
    merged = Y.decodeStateVector(a)
    other = Y.decodeStateVector(b)
  } catch (error) {
    throw new MalformedMessageError('not a state vector', { cause: error })
  }
  for (const [client, clock] of other) merged.set(client, Math.max(clock, merged.get(client) ?? 0))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, merged.size)
  for (const [client, clock] of merged) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
  }
  return encoding.toUint8Array(encoder)
}

/** Our sync step 1: "this is what I have", so the client sends what the relay lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsSyncStep1, stateVector)
}

/** Sync step 2: the update a client was missing, in answer to its step 1. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsSyncStep2, update)
}

/** A live document update, broadcast to the other clients of a room. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(syncProtocol.messageYjsUpdate, update)
}

/** An awareness update (cursors, who is here) for the given clients of `awareness`. */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/**
 * What a read-only connection is told once: the y-protocols auth message
 * "permission denied", with a reason that starts with `read-only`. A stock
 * WebsocketProvider logs it; the app shows it in the user's language.
 */
export const READ_ONLY_REASON = 'read-only: this invitation lets you read the plan, not change it'

/** The auth message (permission denied) with a reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.auth)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}
