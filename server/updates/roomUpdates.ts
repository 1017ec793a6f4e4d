import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { compactUpdates } from './compactUpdates.ts'
import { KnownDeletes } from './knownDeletes.ts'
import { mergeMany } from './mergeMany.ts'
import { MinHeap } from './minHeap.ts'
import { MalformedUpdateError, readUpdate, referencesOf, type ReadUpdate } from './readUpdate.ts'
import { runsOf, scanStored } from './scanStored.ts'
import { writeUpdate } from './writeUpdate.ts'

/**
 * A compacted state may grow by this many bytes of recent updates before it
 * is compacted again, at least; above it, when the recent updates outgrow the
 * compacted state. Compaction work stays proportional to what was written.
 */
export const COMPACTION_FLOOR_BYTES = 8 * 1024

/** An update with no structs and no deletions: what a room with nothing in it answers. */
export const EMPTY_UPDATE = new Uint8Array([0, 0])

/** What `accept` made of an update. */
export interface Accepted {
  /**
   * The part of the update the room did not hold yet, to store and pass on;
   * undefined when the update brought nothing new (a device repeating what
   * the room has, as every device's sync answer repeats its delete set), or
   * when it is held back (`pending`).
   */
  news: Uint8Array | undefined
  /** Whether `news` is the update exactly as given, so a frame carrying it can be passed on untouched. */
  unchanged: boolean
  /** Whether it waits for structs the room does not hold: then it is held back, neither kept nor passed on (see `pendingBytes`). */
  pending: boolean
  /**
   * Updates held back before that this one completed, in the order they
   * became complete, each with whoever sent it: to store and pass on now,
   * after `news`.
   */
  released: { update: Uint8Array; owner: unknown }[]
}

/** Taking an update in would hold back more than the room may (`maxPendingBytes`): nothing of it was taken in. */
export class PendingLimitError extends Error {
  constructor(readonly maxPendingBytes: number) {
    super(`Updates whose causes never arrived pass what the relay holds for a room (${maxPendingBytes} bytes); nothing more of them is taken`)
    this.name = 'PendingLimitError'
  }
}

/**
 * What each held-back update costs beyond its bytes (its bookkeeping), so
 * that a flood of tiny ones meets the limit too.
 */
export const HELD_OVERHEAD_BYTES = 128

/** Which state a compaction was made from (RoomUpdates.compactionWork): the compacted state it started with and how many recent updates it folds. */
export interface CompactionTicket {
  readonly base: Uint8Array | null
  readonly recent: number
}

/** An update held back until the room holds what it refers to; `update` is undefined once it was dropped. */
interface HeldUpdate {
  update: Uint8Array | undefined
  owner: unknown
}

/**
 * A room's document as Yjs update bytes, never as a Y.Doc (architecture.md,
 * decision 5): a compacted state plus the updates accepted since, merged
 * lazily. Answers what a device lacks by diffing bytes, and keeps on the side
 * only what the bytes cannot say cheaply: for each client the clock up to
 * which the room holds its structs without a gap (the state vector it
 * announces), the ranges it holds beyond a gap (only ever from stored
 * bytes), the deletions it knows, and the updates it holds back.
 *
 * Held back (pending): an update whose structs start beyond what the room
 * holds of their client, or that refers (as origin, right origin or parent)
 * to a struct of another client the room does not hold. No device could
 * show it before its cause arrives, so the room neither keeps nor passes it
 * on: it waits, apart, until the cause arrives (then it is taken in and
 * returned as `released`), or until whoever sent it leaves (`dropHeld`; a
 * device that is welcome sends it again). What waits is bounded per room
 * (`maxPendingBytes` in `accept`), and every update costs work proportional
 * to its own size, never to how much waits: updates whose causes never
 * arrive cannot freeze a room, fill storage or reach anyone.
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
  /** Per client, ranges held beyond a gap (from stored bytes), by where they start. */
  private readonly islands = new Map<number, MinHeap<number>>()
  /** Per client, held-back updates waiting for the room to hold that client up to the key. */
  private readonly waiting = new Map<number, MinHeap<HeldUpdate>>()
  /** Held-back updates by who sent them, to drop when they leave. */
  private readonly heldBy = new Map<unknown, Set<HeldUpdate>>()
  /** Clients whose held clock moved on since held-back updates were last looked at. */
  private readonly advanced: number[] = []
  /** Dropped updates still in `waiting`, cleared out once they outnumber the live ones. */
  private droppedInWaiting = 0
  private readonly deletes = new KnownDeletes()
  private pending = { bytes: 0, updates: 0 }

  /**
   * A room holding what storage gave; throws `MalformedUpdateError` when the
   * stored bytes cannot be read. Reads only which structs they hold and what
   * they delete (scanStored.ts), never their content: opening a room costs
   * little more than reading its row.
   */
  static from(stored: Uint8Array | null): RoomUpdates {
    const updates = new RoomUpdates()
    if (stored === null) return updates
    let scanned
    try {
      scanned = scanStored(stored)
    } catch (cause) {
      throw new MalformedUpdateError('stored bytes cannot be read', { cause })
    }
    updates.base = stored
    // Stored bytes are the room's, gaps and all: what lies beyond a gap is held as an island.
    for (const { client, from, to } of scanned.runs) updates.hold(client, from, to)
    updates.advanced.length = 0
    updates.deletes.add(scanned.deletes)
    return updates
  }

  /** Bytes of held-back updates (see the class docblock) the room holds. */
  get pendingBytes(): number {
    return this.pending.bytes
  }

  /** How many updates are held back. */
  get pendingUpdates(): number {
    return this.pending.updates
  }

  /** Bytes of update data held in memory. */
  get byteLength(): number {
    return (this.base?.byteLength ?? 0) + this.recentBytes + this.pending.bytes
  }

  /**
   * Takes in an update from `owner` (whoever sent it): checks it is well
   * formed (throws `MalformedUpdateError`, and nothing of it is taken in),
   * keeps what is new and says what that is, or holds it back while it waits
   * for its causes. Throws `PendingLimitError`, taking nothing in, when
   * holding it back would take what waits past `maxPendingBytes` (counting
   * HELD_OVERHEAD_BYTES per update). Work and memory are proportional to the
   * update (and to the held-back updates it completes), never to what waits.
   */
  accept(update: Uint8Array, { owner, maxPendingBytes }: { owner?: unknown; maxPendingBytes?: number } = {}): Accepted {
    const read = readUpdate(update)
    if (!this.bringsStructs(read) && this.deletes.covers(read.deletes)) return { news: undefined, unchanged: false, pending: false, released: [] }
    const missing = this.firstMissing(read)
    if (missing !== undefined) {
      const cost = (this.pending.updates + 1) * HELD_OVERHEAD_BYTES + this.pending.bytes + update.byteLength
      if (maxPendingBytes !== undefined && cost > maxPendingBytes) throw new PendingLimitError(maxPendingBytes)
      // A copy: the update may be a view into a socket's buffer, which it would keep alive.
      this.holdBack({ update: update.slice(), owner }, missing)
      return { news: undefined, unchanged: false, pending: true, released: [] }
    }
    const { news, unchanged } = this.take(read, update)
    return { news, unchanged, pending: false, released: this.release() }
  }

  /** Drops every held-back update `owner` sent (it left, or was refused): nothing of them is kept. */
  dropHeld(owner: unknown): void {
    const mine = this.heldBy.get(owner)
    if (mine === undefined) return
    this.heldBy.delete(owner)
    for (const entry of mine) {
      this.pending.bytes -= entry.update!.byteLength
      this.pending.updates--
      entry.update = undefined
      this.droppedInWaiting++
    }
    if (this.droppedInWaiting > this.pending.updates + 64) this.clearDropped()
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
      this.recentMerged ??= mergeMany(this.recent)
      parts.push(whole ? this.recentMerged : Y.diffUpdate(this.recentMerged, stateVector))
    }
    return parts.length > 0 ? parts : [EMPTY_UPDATE]
  }

  /** Whether the recent updates have outgrown the compacted state (see COMPACTION_FLOOR_BYTES). */
  get compactionDue(): boolean {
    return this.recentBytes > Math.max(this.base?.byteLength ?? 0, COMPACTION_FLOOR_BYTES)
  }

  /** Folds the recent updates into the compacted state (compactUpdates.ts), here and now: same content, fewer bytes. */
  compact(): void {
    const work = this.compactionWork()
    if (work !== undefined) this.adoptCompaction(compactUpdates(work.parts), work.ticket)
  }

  /**
   * What a compaction made elsewhere (a worker thread) folds: the compacted
   * state and the recent updates, with the ticket to hand back with its
   * result. Undefined when there is nothing to fold.
   */
  compactionWork(): { parts: Uint8Array[]; ticket: CompactionTicket } | undefined {
    if (this.recent.length === 0) return undefined
    return { parts: this.base === null ? [...this.recent] : [this.base, ...this.recent], ticket: { base: this.base, recent: this.recent.length } }
  }

  /**
   * Takes a compaction's result in place of the state and recent updates it
   * was made from; updates accepted since stay recent. Returns false, and
   * changes nothing, when the state was compacted meanwhile (the result is
   * of a state the room no longer holds).
   */
  adoptCompaction(compacted: Uint8Array, ticket: CompactionTicket): boolean {
    if (ticket.base !== this.base || ticket.recent > this.recent.length) return false
    const folded = this.recent.splice(0, ticket.recent)
    this.base = compacted
    this.recentBytes -= folded.reduce((bytes, update) => bytes + update.byteLength, 0)
    this.recentMerged = undefined
    return true
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
   * The first thing an update waits for, as a client and the clock the room
   * must hold it up to, counting what the update brings itself; undefined
   * when the room could take it in now. Proportional to the update.
   */
  private firstMissing(read: ReadUpdate): { client: number; clock: number } | undefined {
    const reach = new Map<number, number>()
    for (const { client, from, to } of runsOf(read)) {
      const reached = reach.get(client) ?? this.held.get(client) ?? 0
      if (from > reached) return { client, clock: from }
      reach.set(client, this.throughIslands(client, Math.max(reached, to)))
    }
    for (const { client, structs } of read.clients) {
      for (const struct of structs) {
        if (!(struct instanceof Y.Item)) continue
        // Its own earlier structs are held, or in this update: its run joined what is held.
        for (const reference of referencesOf(struct)) {
          if (reference.client === client) continue
          const reached = reach.get(reference.client) ?? this.throughIslands(reference.client, this.held.get(reference.client) ?? 0)
          if (reached <= reference.clock) return { client: reference.client, clock: reference.clock + 1 }
        }
      }
    }
    return undefined
  }

  /** How far the room holds `client` from `reached` on when the islands that touch it join: without changing them. */
  private throughIslands(client: number, reached: number): number {
    const islands = this.islands.get(client)
    if (islands === undefined || islands.size === 0 || islands.peekKey()! > reached) return reached
    const joined: { key: number; value: number }[] = []
    while (islands.size > 0 && islands.peekKey()! <= reached) {
      const island = islands.pop()!
      joined.push(island)
      reached = Math.max(reached, island.value)
    }
    for (const island of joined) islands.push(island.key, island.value)
    return reached
  }

  /** Keeps a complete update: what is new in it joins `recent`, its structs are held, its deletions known. */
  private take(read: ReadUpdate, update: Uint8Array): { news: Uint8Array; unchanged: boolean } {
    let news = read.reordered ? writeUpdate(read.clients, read.deletes) : update
    if (this.repeatsStructs(read)) news = Y.diffUpdate(news, this.stateVector())
    const unchanged = news === update
    // A copy: the update may be a view into a socket's buffer, which it would keep alive.
    if (unchanged) news = update.slice()
    for (const { client, from, to } of runsOf(read)) this.hold(client, from, to)
    this.deletes.add(read.deletes)
    this.recent.push(news)
    this.recentBytes += news.byteLength
    this.recentMerged = undefined
    return { news, unchanged }
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
    this.advanced.push(client)
  }

  private holdBack(entry: HeldUpdate, missing: { client: number; clock: number }): void {
    this.pending.bytes += entry.update!.byteLength
    this.pending.updates++
    let mine = this.heldBy.get(entry.owner)
    if (mine === undefined) this.heldBy.set(entry.owner, (mine = new Set()))
    mine.add(entry)
    this.waitFor(missing, entry)
  }

  /**
   * Takes in the held-back updates that what the room now holds completes
   * (each may complete more), and returns them in that order. Looks only at
   * updates waiting for a client whose held clock moved, up to that clock.
   */
  private release(): { update: Uint8Array; owner: unknown }[] {
    const released: { update: Uint8Array; owner: unknown }[] = []
    while (this.advanced.length > 0) {
      const client = this.advanced.pop()!
      const waiting = this.waiting.get(client)
      const held = this.held.get(client) ?? 0
      while (waiting !== undefined && waiting.size > 0 && waiting.peekKey()! <= held) {
        const entry = waiting.pop()!.value
        if (entry.update === undefined) {
          this.droppedInWaiting--
          continue
        }
        const read = readUpdate(entry.update)
        const missing = this.firstMissing(read)
        if (missing !== undefined) {
          this.waitFor(missing, entry)
          continue
        }
        this.pending.bytes -= entry.update.byteLength
        this.pending.updates--
        this.heldBy.get(entry.owner)?.delete(entry)
        if (this.heldBy.get(entry.owner)?.size === 0) this.heldBy.delete(entry.owner)
        const update = entry.update
        entry.update = undefined
        // It may repeat what arrived meanwhile, or bring only deletions the room knows now.
        if (!this.bringsStructs(read) && this.deletes.covers(read.deletes)) continue
        released.push({ update: this.take(read, update).news, owner: entry.owner })
      }
      if (waiting?.size === 0) this.waiting.delete(client)
    }
    return released
  }

  private waitFor({ client, clock }: { client: number; clock: number }, entry: HeldUpdate): void {
    let waiting = this.waiting.get(client)
    if (waiting === undefined) this.waiting.set(client, (waiting = new MinHeap()))
    waiting.push(clock, entry)
  }

  /** Rebuilds the waiting lists without dropped updates: now and then, so dropping stays cheap on average. */
  private clearDropped(): void {
    for (const [client, waiting] of this.waiting) {
      const kept = new MinHeap<HeldUpdate>()
      while (waiting.size > 0) {
        const { key, value } = waiting.pop()!
        if (value.update !== undefined) kept.push(key, value)
      }
      if (kept.size > 0) this.waiting.set(client, kept)
      else this.waiting.delete(client)
    }
    this.droppedInWaiting = 0
  }
}
