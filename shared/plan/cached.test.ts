import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Cached } from './cached.ts'
import { fromY } from './changes.ts'

describe('Cached', () => {
  it('gives the same value and derived values until its source changes, then tells its listeners', () => {
    const doc = new Y.Doc()
    const map = doc.getMap<number>('m')
    let computed = 0
    const cached = new Cached([fromY(map)], () => {
      computed++
      return [...map.values()].sort()
    })
    map.set('a', 2)
    const first = cached.get()
    expect(cached.get()).toBe(first)
    const big = cached.per('big', (values) => values.filter((v) => v > 1))
    expect(cached.per('big', () => [])).toBe(big)
    let told = 0
    cached.subscribe(() => told++)
    map.set('b', 1)
    expect(told).toBe(1)
    expect(cached.get()).toEqual([1, 2])
    expect(cached.get()).not.toBe(first)
    expect(cached.per('big', (values) => values.filter((v) => v > 1))).not.toBe(big)
    expect(computed).toBe(2)
  })
})
