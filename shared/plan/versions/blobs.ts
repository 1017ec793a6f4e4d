import type * as Y from 'yjs'
import { digest } from 'lib0/hash/sha256'
import { toBase64Url } from '../../identity/base64url.ts'

/**
 * Content-addressed storage for versions: text stored under the hash of its
 * bytes. A version is a tree of such texts (the plan → its containers →
 * their items), so saving a version writes only what changed since any
 * earlier one: an unchanged item, or a whole unchanged section, is already
 * there under its hash. On a cheap phone a version then costs a few hundred
 * bytes plus what changed, not a copy of the plan.
 *
 * Why not Yjs snapshots: they need garbage collection off in every replica
 * (deleted content kept forever), so the document would grow with every
 * edit ever made, not with its content (architecture.md, decision 5).
 *
 * Two devices storing the same text at once write the same key with the
 * same value, so the merge keeps one copy of it either way.
 */
export class Blobs {
  private readonly parsed = new Map<string, unknown>()

  constructor(private readonly map: Y.Map<unknown>) {}

  /** Stores a text (if not there yet) and returns its hash. */
  put(text: string): string {
    const hash = hashOf(text)
    if (this.map.get(hash) !== text) this.map.set(hash, text)
    return hash
  }

  /** The JSON stored under a hash, parsed; undefined when it is not here (not synced yet, or damaged). */
  json(hash: unknown): unknown {
    if (typeof hash !== 'string') return undefined
    if (this.parsed.has(hash)) return this.parsed.get(hash)
    const text = this.map.get(hash)
    if (typeof text !== 'string' || hashOf(text) !== hash) return undefined
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return undefined
    }
    // Immutable by construction: the same hash always holds the same text.
    this.parsed.set(hash, value)
    return value
  }
}

/** 120 bits of SHA-256 (lib0's) over the UTF-8 text, as 20 base64url characters. */
export function hashOf(text: string): string {
  return toBase64Url(digest(new TextEncoder().encode(text)).subarray(0, 15))
}
