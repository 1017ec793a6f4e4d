import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const NONCE_BYTES = 12
const TAG_BYTES = 16

/**
 * Seals what relay instances pass each other through Redis with an operator's
 * key (KRING_REDIS_KEY): AES-256-GCM, a fresh nonce per message, the channel
 * name as associated data. Whoever can read Redis (its traffic, a SUBSCRIBE,
 * a MONITOR) then reads no plan text, and whoever can publish on it cannot
 * put a change into a room or move a frame from one room's channel to
 * another's: what does not open with the key is dropped. Node's own crypto
 * does this in a few lines; a library would add nothing.
 */
export class FrameCipher {
  private readonly key: Buffer

  /** `key`: 32 bytes, the same on every instance. */
  constructor(key: Uint8Array) {
    if (key.byteLength !== 32) throw new RangeError(`A Redis frame key is 32 bytes, got ${key.byteLength}`)
    this.key = Buffer.from(key)
  }

  /** nonce · ciphertext · tag, bound to `channel`. */
  seal(channel: string, message: Uint8Array): Buffer {
    const nonce = randomBytes(NONCE_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce)
    cipher.setAAD(Buffer.from(channel, 'utf8'))
    const sealed = Buffer.concat([cipher.update(message), cipher.final()])
    return Buffer.concat([nonce, sealed, cipher.getAuthTag()])
  }

  /** The message sealed for `channel`, or undefined when it was not sealed with this key for this channel (or was changed). */
  open(channel: string, sealed: Uint8Array): Uint8Array | undefined {
    if (sealed.byteLength < NONCE_BYTES + TAG_BYTES) return undefined
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, NONCE_BYTES))
      decipher.setAAD(Buffer.from(channel, 'utf8'))
      decipher.setAuthTag(bytes.subarray(bytes.byteLength - TAG_BYTES))
      return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.byteLength - TAG_BYTES)), decipher.final()]))
    } catch {
      return undefined
    }
  }
}
