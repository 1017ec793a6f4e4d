import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makePlan } from '../../bench/support/plan.ts'
import { readUpdate } from './readUpdate.ts'
import { runsOf, scanStored, type Run } from './scanStored.ts'

/** What the full reader (Y.decodeUpdate, readUpdate.ts) says an update holds, in scanStored's terms. */
function asRead(update: Uint8Array) {
  const read = readUpdate(update)
  return { runs: sorted(runsOf(read)), deletes: read.deletes }
}

const sorted = (runs: Run[]) => [...runs].sort((a, b) => a.client - b.client || a.from - b.from)
const scanned = (update: Uint8Array) => {
  const { runs, deletes } = scanStored(update)
  return { runs: sorted(runs), deletes }
}

/** A document with every kind of content Yjs writes, some of it deleted again. */
function everyKindOfContent(): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = 7
  const text = doc.getText('verhaal')
  text.insert(0, 'Oma komt op woensdag 👵🏽 en kookt.')
  text.format(0, 3, { bold: true })
  text.insertEmbed(4, { image: 'kaart.png' })
  text.delete(10, 5)
  const list = doc.getArray<unknown>('lijst')
  list.insert(0, [1, 'twee', { drie: [3] }, null, true, new Uint8Array([1, 2, 3])])
  list.delete(1, 2)
  const map = doc.getMap<unknown>('kaart')
  map.set('naam', 'Ans')
  map.set('naam', 'Bram') // the first value is deleted
  map.set('buren', new Y.Map())
  map.set('sub', new Y.Doc())
  const xml = doc.getXmlFragment('notities')
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.setAttribute('class', 'kort')
  paragraph.insert(0, [new Y.XmlText('een')])
  // A hook is a kind of XmlElement to Yjs, though its types do not say so.
  xml.insert(0, [paragraph, new Y.XmlHook('kaart') as unknown as Y.XmlElement])
  return Y.encodeStateAsUpdate(doc)
}

describe('scanning stored bytes without reading their content', () => {
  it('finds the same structs and deletions as the full reader, for every kind of content', () => {
    const update = everyKindOfContent()
    expect(scanned(update)).toEqual(asRead(update))
    expect(scanned(update).deletes.size).toBeGreaterThan(0)
  })

  it('finds the same for a plan written the way people write (1 MB, two writers, gaps of garbage-collected deletions)', () => {
    const plan = makePlan(256 * 1024)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, plan)
    doc.getText('t').insert(0, 'tweede schrijver')
    doc.getText('t').delete(0, 7)
    const gcd = Y.encodeStateAsUpdate(doc)
    for (const update of [plan, gcd]) expect(scanned(update)).toEqual(asRead(update))
  })

  it('finds the gaps (Skips) in merged updates whose middle is missing, as runs apart', () => {
    const doc = new Y.Doc()
    doc.clientID = 3
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (const word of ['een ', 'twee ', 'drie ', 'vier ']) doc.getText('t').insert(doc.getText('t').length, word)
    const withGap = Y.mergeUpdates([updates[0]!, updates[2]!, updates[3]!])
    const { runs } = scanStored(withGap)
    expect(runs).toEqual([
      { client: 3, from: 0, to: 4 },
      { client: 3, from: 9, to: 19 },
    ])
    expect(scanned(withGap)).toEqual(asRead(withGap))
  })

  it('agrees with the full reader on random edits by several writers, merged in any order', () => {
    const edit = fc.record({ writer: fc.nat(3), at: fc.nat(), text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), remove: fc.nat(4), drop: fc.boolean() })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        const writers = [1, 2, 3, 4].map((id) => {
          const doc = new Y.Doc()
          doc.clientID = id
          return doc
        })
        const kept: Uint8Array[] = []
        for (const { writer, at, text, remove, drop } of edits) {
          const doc = writers[writer]!
          const before = Y.encodeStateVector(doc)
          const shared = doc.getText('t')
          shared.insert(at % (shared.length + 1), text)
          if (remove > 0 && shared.length > remove) shared.delete(at % (shared.length - remove), remove)
          const update = Y.encodeStateAsUpdate(doc, before)
          if (!drop) kept.push(update)
          for (const other of writers) if (other !== doc) Y.applyUpdate(other, update)
        }
        if (kept.length === 0) return
        const merged = Y.mergeUpdates(kept)
        expect(scanned(merged)).toEqual(asRead(merged))
      }),
      { numRuns: 200 },
    )
  })

  it('throws on bytes that are no update', () => {
    expect(() => scanStored(new TextEncoder().encode('geen update, maar tekst'))).toThrow()
    expect(() => scanStored(everyKindOfContent().subarray(0, 40))).toThrow()
  })
})
