/**
 * A message framed for the websocket wire once, to be written as it is to
 * every peer's socket it is broadcast to (Connection.send): what uWebSockets
 * calls publishing a prepared message. ws frames every `send` anew, which
 * for an edit passed on to 49 peers means 49 headers, 49 corked two-part
 * writes and the garbage of each, and the young-generation collections that
 * garbage brings are among the slowest edits of a busy room
 * (bench/RESULTS.md). ws has no prepared message of its own (its Sender is
 * neither documented nor typed), so the header is written here: a server's
 * frame is the simplest of RFC 6455 (section 5.2), final, unmasked, with no
 * extension bits, which the relay guarantees by offering no extension
 * (relay.ts, `perMessageDeflate: false`).
 */

/** Opcode 0x2 (binary) with the FIN bit: a whole binary message in one frame. */
const FINAL_BINARY = 0x82
/** Payload lengths up to this fit in the header's second byte. */
const SHORT_LENGTH_MAX = 125
/** Marks a 16-bit length, up to this, in the next two bytes. */
const MEDIUM_LENGTH = 126
const MEDIUM_LENGTH_MAX = 0xffff
/** Marks a 64-bit length in the next eight bytes. */
const LONG_LENGTH = 127

/** The last message prepared, and its frame: a broadcast asks for the same message once per peer, one after the other. */
let last: { message: Uint8Array; frame: Buffer } | undefined

/**
 * `message` framed (wireFrame), made once for as many peers in a row as ask
 * for the same message (the same array, which nobody changes once sent).
 */
export function preparedFrame(message: Uint8Array): Buffer {
  if (last?.message !== message) last = { message, frame: wireFrame(message) }
  return last.frame
}

/** `message` as one final, unmasked binary websocket frame, header and payload in one buffer. */
export function wireFrame(message: Uint8Array): Buffer {
  const length = message.byteLength
  const headerBytes = length <= SHORT_LENGTH_MAX ? 2 : length <= MEDIUM_LENGTH_MAX ? 4 : 10
  // allocUnsafe: small frames come from Node's pool, and every byte is written below.
  const frame = Buffer.allocUnsafe(headerBytes + length)
  frame[0] = FINAL_BINARY
  if (headerBytes === 2) frame[1] = length
  else if (headerBytes === 4) {
    frame[1] = MEDIUM_LENGTH
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = LONG_LENGTH
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(message, headerBytes)
  return frame
}
