import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { compactUpdates } from './compactUpdates.ts'

/**
 * Three writers edit text (with formatting), a map, an array and an XML
 * fragment, now and then passing their changes to each other, so their
 * edits are concurrent and refer into each other's runs. Every update any
 * of them made is kept, in the order made.
 */
type Op =
  | { kind: 'type'; writer: number; at: number; text: string }
  | { kind: 'delete'; writer: number; at: number; length: number }
  | { kind: 'format'; writer: number; at: number; length: number }
  | { kind: 'set'; writer: number; key: string; value: number }
  | { kind: 'unset'; writer: number; key: string }
  | { kind: 'push'; writer: number; value: string }
  | { kind: 'paragraph'; writer: number; text: string }
  | { kind: 'sync'; from: number; to: number }

const writer = fc.integer({ min: 0, max: 2 })
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('type' as const), writer, at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), writer, at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('format' as const), writer, at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('set' as const), writer, key: fc.constantFrom('a', 'b', 'c'), value: fc.integer() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unset' as const), writer, key: fc.constantFrom('a', 'b', 'c') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('push' as const), writer, value: fc.string({ maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), writer, text: fc.string({ minLength: 1, maxLength: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: writer, to: writer }) },
)

interface Session {
  docs: Y.Doc[]
  updates: Uint8Array[]
}

function play(ops: readonly Op[], session: Session = start()): Session {
  for (const step of ops) {
    if (step.kind === 'sync') {
      const [from, to] = [session.docs[step.from]!, session.docs[step.to]!]
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'sync')
      continue
    }
    const doc = session.docs[step.writer]!
    const text = doc.getText('t')
    if (step.kind === 'type') text.insert(step.at % (text.length + 1), step.text)
    else if (step.kind === 'delete' && text.length > 0) {
      const at = step.at % text.length
      text.delete(at, Math.min(step.length, text.length - at))
    } else if (step.kind === 'format' && text.length > 0) {
      const at = step.at % text.length
      text.format(at, Math.min(step.length, text.length - at), { bold: true })
    } else if (step.kind === 'set') doc.getMap('m').set(step.key, step.value)
    else if (step.kind === 'unset') doc.getMap('m').delete(step.key)
    else if (step.kind === 'push') doc.getArray('a').push([step.value])
    else if (step.kind === 'paragraph') {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(step.text)])
      doc.getXmlFragment('x').insert(0, [paragraph])
    }
  }
  return session
}

function start(): Session {
  const session: Session = { docs: [], updates: [] }
  for (let i = 0; i < 3; i++) {
    const doc = new Y.Doc()
    doc.clientID = 100 + i
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'sync') session.updates.push(update)
    })
    session.docs.push(doc)
  }
  return session
}

function docOf(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc
}

function contentOf(doc: Y.Doc): unknown {
  return { t: doc.getText('t').toDelta(), m: doc.getMap('m').toJSON(), a: doc.getArray('a').toJSON(), x: doc.getXmlFragment('x').toString() }
}

describe('compacting updates without a document', () => {
  it('holds exactly the document the updates hold, and devices that edit on from either end the same', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), fc.array(op, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (before, after, groups) => {
        const session = play(before)
        // Compacted in groups, as a relay compacts its log now and then, then once more.
        const size = Math.ceil(session.updates.length / groups)
        const parts = Array.from({ length: groups }, (_, index) => session.updates.slice(index * size, (index + 1) * size)).filter((part) => part.length > 0)
        const compacted = compactUpdates(parts.map((part) => compactUpdates(part)))
        const whole = docOf(...session.updates)
        const fromCompacted = docOf(compacted)
        expect(contentOf(fromCompacted)).toEqual(contentOf(whole))
        expect(Y.encodeStateVector(fromCompacted)).toEqual(Y.encodeStateVector(whole))

        // The writers go on (not having seen everything), concurrently with what was compacted.
        const later = session.updates.length
        play(after, session)
        const newer = session.updates.slice(later)
        for (const update of newer) {
          Y.applyUpdate(whole, update)
          Y.applyUpdate(fromCompacted, update)
        }
        expect(contentOf(fromCompacted)).toEqual(contentOf(whole))
      }),
      { numRuns: 300, seed: 1414 },
    )
  })

  it('is about as small as the document encodes itself, however many edits made it', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const text = doc.getText('t')
    for (let i = 0; i < 5_000; i++) text.insert(text.length, 'abcdefghij'[i % 10]!)
    text.insert(200, 'Opa Henk zijn geheime zorg')
    text.delete(100, 2_000)
    const logged = updates.reduce((sum, update) => sum + update.byteLength, 0)
    const compacted = compactUpdates(updates)
    const encoded = Y.encodeStateAsUpdate(doc)
    expect(compacted.byteLength).toBeLessThan(logged / 10)
    expect(compacted.byteLength).toBeLessThanOrEqual(encoded.byteLength + 16)
    // Nothing of the deleted text is kept.
    expect(Buffer.from(Y.mergeUpdates(updates)).includes('geheime')).toBe(true)
    expect(Buffer.from(compacted).includes('geheime')).toBe(false)
    expect(docOf(compacted).getText('t').toString()).toBe(text.toString())
  })
})
