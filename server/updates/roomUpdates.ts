import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { compactUpdates } from './compactUpdates.ts'
import { KnownDeletes } from './knownDeletes.ts'
import { MinHeap } from './minHeap.ts'
import { MalformedUpdateError, readUpdate, referencesOf, type ReadUpdate } from './readUpdate.ts'
import { writeUpdate } from './writeUpdate.ts'

/**
 * A compacted state may grow by this many bytes of recent updates before it
 * is compacted again, at least; above it, when the recent updates outgrow the
 * compacted state. Compaction work stays proportional to what was written.
 */
export const COMPACTION_FLOOR_BYTES = 8 * 1024

/** An update with no structs and no deletions: what a room with nothing in it answers. */
const EMPTY_UPDATE = new Uint8Array([0, 0])

/** What `accept` made of an update. */
export interface Accepted {
  /**
   * The part of the update the room did not hold yet, to store and pass on;
   * undefined when the update brought nothing new (a device repeating what
   * the room has, as every device's sync answer repeats its delete set).
   */
  news: Uint8Array | undefined
  /** Whether `news` is the update exactly as given, so a frame carrying it can be passed on untouched. */
  unchanged: boolean
  /** Whether it refers to structs the room does not hold (see `pendingBytes`). */
  pending: boolean
}

/** An update that waits for structs the room does not hold: for each client, the clock the room must hold up to. */
interface PendingUpdate {
  bytes: number
  needs: Map<number, number>
}

/**
 * A room's document as Yjs update bytes, never as a Y.Doc (architecture.md,
 * decision 5): a compacted state plus the updates accepted since, merged
 * lazily. Answers what a device lacks by diffing bytes, and keeps on the side
 * only what the bytes cannot say cheaply: for each client the clock up to
 * which the room holds its structs without a gap (the state vector it
 * announces), the ranges it holds beyond a gap, the deletions it knows, and
 * which accepted updates are pending.
 *
 * Pending: an update whose structs start beyond a gap, or that refers (as
 * origin, right origin or parent) to a struct of another client the room
 * does not hold. A device holding it cannot show it until the cause
 * arrives; the room stores and passes it on anyway, so whoever has the cause
 * completes it. `pendingBytes` counts what waits, and every accepted update
 * costs work proportional to its own size, never to how much is pending,
 * so a room can bound what waits per room.
 */
export class RoomUpdates {
  /** The compacted state (as loaded, or as last compacted); null while empty. */
  private base: Uint8Array | null = null
  /** Updates accepted since `base` was made, each its own copy. */
  private recent: Uint8Array[] = []
  private recentBytes = 0
  /** `recent` merged into one, until the next update arrives. */
  private recentMerged: Uint8Array | undefined
  /** Per client, the clock up to which structs are held without a gap. */
  private readonly held = new Map<number, number>()
  /** Per client, ranges held beyond a gap, by where they start. */
  private readonly islands = new Map<number, MinHeap<number>>()
  /** Per client, pending updates waiting for the room to hold that client up to the key. */
  private readonly waiting = new Map<number, MinHeap<PendingUpdate>>()
  private readonly deletes = new KnownDeletes()
  private pending = { bytes: 0, updates: 0 }

  /** A room holding what storage gave; throws `MalformedUpdateError` when the stored bytes are no Yjs update. */
  static from(stored: Uint8Array | null): RoomUpdates {
    const updates = new RoomUpdates()
    if (stored === null) return updates
    const read = readUpdate(stored)
    updates.base = stored
    const waits = updates.track(read, 0)
    if (waits !== undefined) {
      // Count what of the stored state waits, not the whole state: the part beyond what is held without a gap.
      waits.bytes = Y.diffUpdate(stored, updates.stateVector()).byteLength
      updates.pending.bytes += waits.bytes
    }
    updates.deletes.add(read.deletes)
    return updates
  }

  /** Bytes of pending updates (see the class docblock) the room holds. */
  get pendingBytes(): number {
    return this.pending.bytes
  }

  /** How many accepted updates are pending. */
  get pendingUpdates(): number {
    return this.pending.updates
  }

  /** Bytes of update data held in memory. */
  get byteLength(): number {
    return (this.base?.byteLength ?? 0) + this.recentBytes
  }

  /**
   * Takes in an update: checks it is well formed (throws
   * `MalformedUpdateError`, and nothing of it is taken in), keeps what is new
   * and says what that is. Work and memory are proportional to the update.
   */
  accept(update: Uint8Array): Accepted {
    const read = readUpdate(update)
    if (!this.bringsStructs(read) && this.deletes.covers(read.deletes)) return { news: undefined, unchanged: false, pending: false }
    let news = read.reordered ? writeUpdate(read.clients, read.deletes) : update
    if (this.repeatsStructs(read)) news = Y.diffUpdate(news, this.stateVector())
    const unchanged = news === update
    // A copy: the update may be a view into a socket's buffer, which it would keep alive.
    if (unchanged) news = update.slice()
    const pending = this.track(read, news.byteLength) !== undefined
    this.deletes.add(read.deletes)
    this.recent.push(news)
    this.recentBytes += news.byteLength
    this.recentMerged = undefined
    return { news, unchanged, pending }
  }

  /** The state vector of what the room holds (for its sync step 1): per client, up to the first gap. */
  stateVector(): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, this.held.size)
    for (const [client, clock] of this.held) {
      encoding.writeVarUint(encoder, client)
      encoding.writeVarUint(encoder, clock)
    }
    return encoding.toUint8Array(encoder)
  }

  /**
   * What a device with `stateVector` lacks, as one or two updates (the
   * compacted state's part, then the recent updates' part), diffed on the
   * bytes. Throws `MalformedUpdateError` when the state vector cannot be read.
   */
  missingFor(stateVector: Uint8Array): Uint8Array[] {
    let has: Map<number, number>
    try {
      has = Y.decodeStateVector(stateVector)
    } catch (cause) {
      throw new MalformedUpdateError('not a state vector', { cause })
    }
    // A device that holds nothing of this room gets the bytes as they are: no diff to compute.
    const whole = [...has].every(([client, clock]) => clock === 0 || (!this.held.has(client) && !this.islands.has(client)))
    const parts: Uint8Array[] = []
    if (this.base !== null) parts.push(whole ? this.base : Y.diffUpdate(this.base, stateVector))
    if (this.recent.length > 0) {
      this.recentMerged ??= Y.mergeUpdates(this.recent)
      parts.push(whole ? this.recentMerged : Y.diffUpdate(this.recentMerged, stateVector))
    }
    return parts.length > 0 ? parts : [EMPTY_UPDATE]
  }

  /** Whether the recent updates have outgrown the compacted state (see COMPACTION_FLOOR_BYTES). */
  get compactionDue(): boolean {
    return this.recentBytes > Math.max(this.base?.byteLength ?? 0, COMPACTION_FLOOR_BYTES)
  }

  /** Folds the recent updates into the compacted state (compactUpdates.ts): same content, fewer bytes. */
  compact(): void {
    if (this.recent.length === 0) return
    this.base = compactUpdates(this.base === null ? this.recent : [this.base, ...this.recent])
    this.recent = []
    this.recentBytes = 0
    this.recentMerged = undefined
  }

  /** Whether any struct reaches beyond what the room holds without a gap. */
  private bringsStructs(read: ReadUpdate): boolean {
    return read.clients.some(({ client, structs }) => {
      const last = structs[structs.length - 1]!
      return last.id.clock + last.length > (this.held.get(client) ?? 0)
    })
  }

  /** Whether some structs are held already (then only the rest is kept and passed on). */
  private repeatsStructs(read: ReadUpdate): boolean {
    return read.clients.some(({ client, structs }) => structs[0]!.id.clock < (this.held.get(client) ?? 0))
  }

  /**
   * Notes the update's structs as held (extending each client's gapless
   * clock, or as islands beyond a gap) and, when it refers to what is not
   * held, files it as pending under one missing client. Returns its pending
   * entry, or undefined when it is complete.
   */
  private track(read: ReadUpdate, bytes: number): PendingUpdate | undefined {
    const needs = new Map<number, number>()
    const need = (client: number, clock: number) => needs.set(client, Math.max(needs.get(client) ?? 0, clock))
    for (const { client, structs } of read.clients) {
      let runStart: number | undefined
      for (const struct of structs) {
        if (struct instanceof Y.Skip) {
          if (runStart !== undefined) this.hold(client, runStart, struct.id.clock)
          runStart = undefined
          continue
        }
        runStart ??= struct.id.clock
        if (struct instanceof Y.Item) {
          for (const reference of referencesOf(struct)) if (reference.client !== client) need(reference.client, reference.clock + 1)
        }
      }
      const last = structs[structs.length - 1]!
      if (runStart !== undefined) this.hold(client, runStart, last.id.clock + last.length)
      need(client, last.id.clock + last.length)
    }
    const missing = this.firstMissing(needs)
    if (missing === undefined) return undefined
    const entry: PendingUpdate = { bytes, needs }
    this.pending.bytes += bytes
    this.pending.updates++
    this.waitFor(missing, needs.get(missing)!, entry)
    return entry
  }

  private hold(client: number, from: number, to: number): void {
    const held = this.held.get(client) ?? 0
    if (from > held) {
      let islands = this.islands.get(client)
      if (islands === undefined) this.islands.set(client, (islands = new MinHeap()))
      islands.push(from, to)
      return
    }
    if (to <= held) return
    let reached = to
    // Islands that now touch what is held join it.
    const islands = this.islands.get(client)
    while (islands !== undefined && islands.size > 0 && islands.peekKey()! <= reached) reached = Math.max(reached, islands.pop()!.value)
    if (islands?.size === 0) this.islands.delete(client)
    this.held.set(client, reached)
    this.wake(client, reached)
  }

  /** Pending updates waiting for `client` up to at most `held`: each waits for its next missing client, or is pending no more. */
  private wake(client: number, held: number): void {
    const waiting = this.waiting.get(client)
    while (waiting !== undefined && waiting.size > 0 && waiting.peekKey()! <= held) {
      const entry = waiting.pop()!.value
      const missing = this.firstMissing(entry.needs)
      if (missing !== undefined) {
        this.waitFor(missing, entry.needs.get(missing)!, entry)
      } else {
        this.pending.bytes -= entry.bytes
        this.pending.updates--
      }
    }
    if (waiting?.size === 0) this.waiting.delete(client)
  }

  private waitFor(client: number, clock: number, entry: PendingUpdate): void {
    let waiting = this.waiting.get(client)
    if (waiting === undefined) this.waiting.set(client, (waiting = new MinHeap()))
    waiting.push(clock, entry)
  }

  private firstMissing(needs: Map<number, number>): number | undefined {
    for (const [client, clock] of needs) if ((this.held.get(client) ?? 0) < clock) return client
    return undefined
  }
}
