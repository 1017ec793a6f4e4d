import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sync } from '../../tests/support/planReplicas.ts'
import { oneOf, text, type FieldSource } from './fields.ts'
import { KeyedRecords, members } from './keyedRecords.ts'

type Colour = 'rood' | 'blauw'
interface Spot {
  colour: Colour
  note: string
  tags: string[]
}
const spec = {
  read: (f: FieldSource): Spot | null => {
    const colour = oneOf(f, 'colour', ['rood', 'blauw'] as const, null)
    return colour ? { colour, note: text(f, 'note'), tags: members(f, 'tag', ['a', 'b', 'c']) } : null
  },
}

function replicas(): { a: Y.Doc; b: Y.Doc; ra: KeyedRecords<Spot>; rb: KeyedRecords<Spot> } {
  const a = new Y.Doc()
  const b = new Y.Doc()
  return { a, b, ra: new KeyedRecords(a.getMap('spots'), spec), rb: new KeyedRecords(b.getMap('spots'), spec) }
}

describe('KeyedRecords', () => {
  it('keeps one record per key when two replicas create it at once, merging their fields', () => {
    const { a, b, ra, rb } = replicas()
    ra.set('p1', { colour: 'rood' }, 'ann')
    rb.set('p1', { colour: 'blauw', note: 'van Bob' }, 'bob')
    rb.setMember('p1', 'tag', 'b', true, 'bob')
    ra.setMember('p1', 'tag', 'a', true, 'ann')
    sync(a, b)
    expect(ra.list()).toHaveLength(1)
    expect(ra.list()).toEqual(rb.list())
    expect(ra.get('p1')).toMatchObject({ note: 'van Bob', tags: ['a', 'b'] })
    expect(['rood', 'blauw']).toContain(ra.get('p1')!.colour)
  })

  it('lets a write made while another replica cleared the record survive', () => {
    const { a, b, ra, rb } = replicas()
    ra.set('p1', { colour: 'rood', note: 'oud' }, 'ann')
    sync(a, b)
    ra.clear('p1')
    rb.set('p1', { colour: 'blauw' }, 'bob')
    sync(a, b)
    expect(ra.get('p1')).toMatchObject({ colour: 'blauw', note: '' })
    expect(rb.get('p1')).toEqual(ra.get('p1'))
  })

  it('clears one key without touching a key that starts with it', () => {
    const { ra } = replicas()
    ra.set('x', { colour: 'rood' }, null)
    ra.set('x/y', { colour: 'blauw' }, null)
    ra.clear('x')
    expect(ra.list().map((r) => r.key)).toEqual(['x/y'])
  })

  it('reads foreign values without throwing and keeps what it does not know', () => {
    const { a, ra } = replicas()
    const map = a.getMap('spots')
    map.set('p/colour', 42)
    map.set('q/colour', 'rood')
    map.set('q/note', { nested: true })
    map.set('q/tag.z', true)
    map.set('loose', 'no separator')
    expect(ra.list()).toEqual([expect.objectContaining({ key: 'q', colour: 'rood', note: '', tags: [] })])
    expect(map.get('q/tag.z')).toBe(true)
  })

  it('tells subscribers about changes and keeps the same list object until then', () => {
    const { ra } = replicas()
    let calls = 0
    ra.subscribe(() => calls++)
    ra.set('p', { colour: 'rood' }, null)
    const first = ra.list()
    expect(ra.list()).toBe(first)
    ra.setMember('p', 'tag', 'c', true, null)
    expect(ra.list()).not.toBe(first)
    expect(calls).toBe(2)
  })
})
