import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MalformedUpdateError } from './readUpdate.ts'
import { compactUpdates } from './compactUpdates.ts'
import { HELD_OVERHEAD_BYTES, PendingLimitError, RoomUpdates } from './roomUpdates.ts'

/** A writer whose every change is handed out as an update. */
class Writer {
  readonly doc = new Y.Doc()
  readonly updates: Uint8Array[] = []
  constructor(clientID: number) {
    this.doc.clientID = clientID
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'received') this.updates.push(update)
    })
  }
  type(text: string, at = this.text.length): Uint8Array {
    this.text.insert(at, text)
    return this.updates[this.updates.length - 1]!
  }
  get text(): Y.Text {
    return this.doc.getText('t')
  }
  receive(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, 'received')
  }
}

/** What a device holding `device` (a state vector of what it has) ends with after taking the room's answer. */
function catchUp(device: Y.Doc, room: RoomUpdates): Y.Doc {
  for (const part of room.missingFor(Y.encodeStateVector(device))) Y.applyUpdate(device, part)
  return device
}

describe('a room as update bytes', () => {
  it('passes on what is new, and nothing for what it holds already (a device repeating its state on connect)', () => {
    const room = RoomUpdates.from(null)
    const ans = new Writer(1)
    const first = ans.type('Samen ')
    expect(room.accept(first)).toMatchObject({ unchanged: true, pending: false })
    expect(room.accept(first).news).toBeUndefined()
    const deletion = (ans.text.delete(0, 1), ans.updates[ans.updates.length - 1]!)
    expect(room.accept(deletion).news).toBeDefined()
    // Ans reconnects: her answer holds no new struct and the delete set the room knows.
    expect(room.accept(Y.encodeStateAsUpdate(ans.doc, room.stateVector())).news).toBeUndefined()
    // A state with old and new structs: only the new part is kept and passed on.
    ans.type('plan')
    const whole = Y.encodeStateAsUpdate(ans.doc)
    const accepted = room.accept(whole)
    expect(accepted.unchanged).toBe(false)
    expect(accepted.news!.byteLength).toBeLessThan(whole.byteLength)
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('amen plan')
  })

  it('counts an update whose cause has not arrived as pending, and no longer once it has', () => {
    const room = RoomUpdates.from(null)
    const ans = new Writer(1)
    const early = ans.type('a')
    const late = ans.type('b')
    expect(room.accept(late)).toMatchObject({ pending: true })
    expect(room.pendingBytes).toBe(late.byteLength)
    expect(room.pendingUpdates).toBe(1)
    // The room does not claim what it holds only beyond a gap.
    expect(Y.decodeStateVector(room.stateVector()).get(1)).toBeUndefined()
    expect(room.accept(early)).toMatchObject({ pending: false })
    expect(room.pendingBytes).toBe(0)
    expect(Y.decodeStateVector(room.stateVector()).get(1)).toBe(2)
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('ab')
  })

  it('counts an update that refers to another writer\'s text it has not seen as pending', () => {
    const room = RoomUpdates.from(null)
    const [ans, bram] = [new Writer(1), new Writer(2)]
    const ansText = ans.type('Ans schreef dit')
    bram.receive(ansText)
    const bramsReply = bram.type(' en Bram dit')
    expect(room.accept(bramsReply)).toMatchObject({ pending: true })
    expect(room.accept(ansText)).toMatchObject({ pending: false })
    expect(room.pendingBytes).toBe(0)
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('Ans schreef dit en Bram dit')
  })

  it('holds an update back while its cause is missing: no device is given it, and it is released, once, when the cause arrives', () => {
    const room = RoomUpdates.from(null)
    const ans = new Writer(1)
    const early = ans.type('Samen ')
    const late = ans.type('koken')
    expect(room.accept(late, { owner: 'bram' })).toMatchObject({ news: undefined, pending: true, released: [] })
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('')
    expect(room.byteLength).toBe(late.byteLength)
    const accepted = room.accept(early, { owner: 'ans' })
    expect(accepted.news).toBeDefined()
    expect(accepted.released).toHaveLength(1)
    expect(accepted.released[0]!.owner).toBe('bram')
    expect(room.pendingBytes).toBe(0)
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('Samen koken')
    // Sent again (a device reconnecting), it brings nothing new.
    expect(room.accept(late)).toMatchObject({ news: undefined, pending: false, released: [] })
  })

  it('drops what whoever sent it held back when they leave: nothing of it is kept, even when its cause arrives later', () => {
    const room = RoomUpdates.from(null)
    const ans = new Writer(1)
    const early = ans.type('a')
    const late = ans.type('b')
    room.accept(late, { owner: 'aanvaller' })
    room.dropHeld('aanvaller')
    expect(room.pendingBytes).toBe(0)
    expect(room.pendingUpdates).toBe(0)
    expect(room.accept(early).released).toEqual([])
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('a')
  })

  it('bounds what it holds back: past maxPendingBytes an update is refused and nothing of it taken in, while complete updates and causes still are', () => {
    const room = RoomUpdates.from(null)
    const attacker = new Writer(9)
    attacker.type('oorzaak')
    const held: Uint8Array[] = []
    for (let i = 0; i < 20; i++) held.push(attacker.type('x'.repeat(1_000)))
    const limit = 8 * 1_200
    let refusedAt = -1
    for (const [index, update] of held.entries()) {
      try {
        room.accept(update, { owner: 'aanvaller', maxPendingBytes: limit })
      } catch (error) {
        expect(error).toBeInstanceOf(PendingLimitError)
        refusedAt = index
        break
      }
    }
    expect(refusedAt).toBeGreaterThan(0)
    const pendingThen = room.pendingBytes
    expect(pendingThen + room.pendingUpdates * HELD_OVERHEAD_BYTES).toBeLessThanOrEqual(limit)
    expect(() => room.accept(held[refusedAt]!, { owner: 'aanvaller', maxPendingBytes: limit })).toThrow(PendingLimitError)
    expect(room.pendingBytes).toBe(pendingThen)
    // Someone else's complete edit is taken as ever.
    expect(room.accept(new Writer(1).type('gewoon'), { owner: 'ans', maxPendingBytes: limit }).news).toBeDefined()
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('gewoon')
  })

  it('refuses bytes that are no update, or an item that refers to a later struct of its own writer, and keeps nothing of them', () => {
    const room = RoomUpdates.from(null)
    room.accept(new Writer(1).type('blijft'))
    const before = room.stateVector()
    for (const junk of [new Uint8Array([1, 2, 3]), new TextEncoder().encode('geen update'), selfReferringUpdate()]) {
      expect(() => room.accept(junk)).toThrow(MalformedUpdateError)
    }
    expect(room.stateVector()).toEqual(before)
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('blijft')
  })

  it('takes a compaction made elsewhere only of the state it still holds: a late result of an older state changes nothing', () => {
    const room = RoomUpdates.from(null)
    const ans = new Writer(1)
    room.accept(ans.type('Samen '))
    const older = room.compactionWork()!
    room.compact()
    room.accept(ans.type('sterk'))
    const held = room.byteLength
    expect(room.adoptCompaction(compactUpdates(older.parts), older.ticket)).toBe(false)
    expect(room.byteLength).toBe(held)
    expect(catchUp(new Y.Doc(), room).getText('t').toString()).toBe('Samen sterk')
  })

  it('gives any device exactly what it lacks, whatever order updates arrived in and whatever was compacted, here or in a worker while updates went on arriving', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ writer: fc.integer({ min: 0, max: 2 }), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 4 }), remove: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.constantFrom('never', 'at once', 'elsewhere'),
        (edits, order, deviceHas, compactHalfway) => {
          const writers = [new Writer(11), new Writer(12), new Writer(13)]
          for (const [index, edit] of edits.entries()) {
            const writer = writers[edit.writer]!
            if (edit.remove && writer.text.length > 0) writer.text.delete(edit.at % writer.text.length, 1)
            else writer.type(edit.text, edit.at % (writer.text.length + 1))
            // Now and then a writer sees another's work, so edits refer into each other.
            if (index % 3 === 0) writers[(edit.writer + 1) % 3]!.receive(Y.encodeStateAsUpdate(writer.doc))
          }
          const all = writers.flatMap((writer) => writer.updates)
          const shuffled = shuffle(all, order)
          const room = RoomUpdates.from(null)
          let elsewhere: ReturnType<RoomUpdates['compactionWork']>
          for (const [index, update] of shuffled.entries()) {
            room.accept(update)
            if (index !== shuffled.length >> 1) continue
            if (compactHalfway === 'at once') room.compact()
            // As in a worker thread: made from the state now, taken in after the rest arrived.
            if (compactHalfway === 'elsewhere') elsewhere = room.compactionWork()
          }
          if (elsewhere !== undefined) expect(room.adoptCompaction(compactUpdates(elsewhere.parts), elsewhere.ticket)).toBe(true)
          expect(room.pendingBytes).toBe(0)
          const everything = new Y.Doc()
          for (const update of all) Y.applyUpdate(everything, update)
          expect(Object.fromEntries(Y.decodeStateVector(room.stateVector()))).toEqual(Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(everything))))
          // A device holding some of the updates catches up to everything.
          const device = new Y.Doc()
          for (const index of deviceHas) Y.applyUpdate(device, all[index % all.length]!)
          expect(catchUp(device, room).getText('t').toString()).toBe(everything.getText('t').toString())
          // And the room, reloaded from its compacted bytes, is the same room.
          room.compact()
          const reloaded = RoomUpdates.from(room.missingFor(new Uint8Array([0]))[0]!)
          expect(catchUp(new Y.Doc(), reloaded).getText('t').toString()).toBe(everything.getText('t').toString())
        },
      ),
      { numRuns: 200, seed: 1401 },
    )
  })
})

function shuffle<T>(items: readonly T[], order: readonly number[]): T[] {
  const result = [...items]
  for (const [index, pick] of order.entries()) {
    const i = index % result.length
    const j = pick % result.length
    ;[result[i], result[j]] = [result[j]!, result[i]!]
  }
  return result
}

/** An update whose only item claims to follow a later struct of its own writer: Yjs throws on it. */
function selfReferringUpdate(): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const item = new Y.Item(Y.createID(7, 0), null, Y.createID(7, 5), null, null, null, null, new Y.ContentString('x'))
  const bytes = [1, 1, 7, 0]
  item.write(encoder, 0)
  return Uint8Array.from([...bytes, ...encoder.toUint8Array(), 0])
}
