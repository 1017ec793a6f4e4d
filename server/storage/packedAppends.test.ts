import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { packAppends, PackedAppends, unpackAppends } from './packedAppends.ts'

const anAppend = fc.record({ room: fc.string({ unit: 'grapheme', maxLength: 80 }), update: fc.uint8Array({ maxLength: 300 }) })

describe('packed appends', () => {
  it('unpack to the rooms and updates packed, in order, whatever their names and bytes', () => {
    fc.assert(
      fc.property(fc.array(anAppend, { maxLength: 40 }), (appends) => {
        const unpacked = unpackAppends(packAppends(appends))
        expect(unpacked.map(({ room, update }) => ({ room, update: [...update] }))).toEqual(appends.map(({ room, update }) => ({ room, update: [...update] })))
      }),
    )
  })

  it('count what was pushed and hand over a buffer of their own, copied from the edits', () => {
    const group = new PackedAppends()
    const update = new Uint8Array([1, 2, 3])
    group.push({ room: 'plan-a/partnerschapskaart', update })
    group.push({ room: 'plan-a/netwerkatlas', update: new Uint8Array() })
    expect(group.length).toBe(2)
    const bytes = group.bytes()
    expect(bytes.byteOffset).toBe(0)
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength)
    // What was pushed was copied: changing the edit afterwards changes nothing packed.
    update[0] = 9
    expect([...unpackAppends(bytes)[0]!.update]).toEqual([1, 2, 3])
  })
})
