import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MERGE_FAN_IN, mergeMany } from './mergeMany.ts'

/** Every update two writers make typing and deleting, in turns, each seeing the other's edits. */
function typedUpdates(steps: readonly { writer: number; at: number; text: string; remove: number }[]): Uint8Array[] {
  const docs = [new Y.Doc(), new Y.Doc()]
  const updates: Uint8Array[] = []
  docs.forEach((doc, index) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'other') return
      updates.push(update)
      Y.applyUpdate(docs[1 - index]!, update, 'other')
    }),
  )
  for (const { writer, at, text, remove } of steps) {
    const shared = docs[writer]!.getText('plan')
    const position = at % (shared.length + 1)
    shared.insert(position, text)
    const removable = Math.min(remove, shared.length - position - text.length)
    if (removable > 0) shared.delete(position + text.length, removable)
  }
  return updates
}

function documentOf(update: Uint8Array): { text: string; state: Uint8Array; pending: boolean } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return { text: doc.getText('plan').toString(), state: Y.encodeStateAsUpdate(doc), pending: doc.store.pendingStructs !== null }
}

const steps = fc.array(fc.record({ writer: fc.integer({ min: 0, max: 1 }), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }), remove: fc.nat({ max: 3 }) }), {
  minLength: 1,
  maxLength: 200,
})

describe('mergeMany', () => {
  it('holds the same document as one Y.mergeUpdates of them all, in any order, repeated or not', () => {
    fc.assert(
      // Shuffled, a round's group may miss an update that a later group holds: the gaps rounds must get right.
      fc.property(steps, fc.array(fc.nat(), { maxLength: 400 }), fc.boolean(), (played, shuffle, repeated) => {
        let updates = typedUpdates(played)
        if (repeated) updates = [...updates, ...updates.slice(0, updates.length >> 1)]
        for (const [index, pick] of shuffle.slice(0, updates.length).entries()) {
          const other = index + (pick % (updates.length - index))
          ;[updates[index], updates[other]] = [updates[other]!, updates[index]!]
        }
        expect(documentOf(mergeMany(updates))).toEqual(documentOf(Y.mergeUpdates(updates)))
      }),
      { numRuns: 200, seed: 8 },
    )
  })

  it('keeps an update whose causes are missing as waiting, as Y.mergeUpdates does', () => {
    const updates = typedUpdates(Array.from({ length: MERGE_FAN_IN * 3 }, (_, at) => ({ writer: at % 2, at, text: 'ab', remove: 1 })))
    const withGap = updates.filter((_, index) => index !== 5)
    const merged = documentOf(mergeMany(withGap))
    expect(merged).toEqual(documentOf(Y.mergeUpdates(withGap)))
    expect(merged.pending).toBe(true)
  })

  it('gives a single update back as it is', () => {
    const [only] = typedUpdates([{ writer: 0, at: 0, text: 'x', remove: 0 }])
    expect(mergeMany([only!])).toBe(only)
  })
})
