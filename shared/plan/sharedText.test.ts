import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Changes } from './changes.ts'
import { SharedText } from './sharedText.ts'

/** Two replicas of one text, syncing on demand. */
function twoReplicas() {
  const [a, b] = [new Y.Doc(), new Y.Doc()]
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  }
  return { a: SharedText.of(a.getText('t')), b: SharedText.of(b.getText('t')), sync }
}

describe('SharedText', () => {
  it('is one object per Y.Text, so views can subscribe to it', () => {
    const doc = new Y.Doc()
    expect(SharedText.of(doc.getText('t'))).toBe(SharedText.of(doc.getText('t')))
  })

  it('sends a text field edit as one splice, so words typed elsewhere at the same time are kept', () => {
    const { a, b, sync } = twoReplicas()
    a.edit('We wonen hier.', 14)
    sync()
    a.edit('Wij wonen hier.', 3) // "We" → "Wij" at the start
    b.edit('We wonen hier. Al tien jaar.', 28) // a sentence added at the end
    sync()
    expect(a.toString()).toBe('Wij wonen hier. Al tien jaar.')
    expect(b.toString()).toBe(a.toString())
  })

  it('keeps an anchor on its character while someone else types before it', () => {
    const { a, b, sync } = twoReplicas()
    a.insert(0, 'Oma komt op zondag.')
    sync()
    const caret = a.anchor('Oma komt '.length)
    b.insert(0, 'Soms: ')
    sync()
    expect(a.indexOf(caret)).toBe('Soms: Oma komt '.length)
  })

  it('tells its listeners about every change, local or remote, until they stop', () => {
    const { a, b, sync } = twoReplicas()
    let told = 0
    const stop = a.subscribe(() => told++)
    a.insert(0, 'x')
    b.insert(0, 'y')
    sync()
    expect(told).toBe(2)
    stop()
    a.insert(0, 'z')
    expect(told).toBe(2)
  })
})

describe('Changes', () => {
  it('tells every listener of a round, also when one stops listening while being told', () => {
    const changes = new Changes()
    const heard: string[] = []
    const stopFirst = changes.subscribe(() => {
      heard.push('first')
      stopFirst()
    })
    changes.subscribe(() => heard.push('second'))
    changes.notify()
    changes.notify()
    expect(heard).toEqual(['first', 'second', 'second'])
  })
})
