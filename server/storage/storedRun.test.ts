import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinRun, splitRun } from './storedRun.ts'

describe('a run of stored updates', () => {
  it('splits into the updates joined, in order, whatever their bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 400 }), { maxLength: 40 }), (updates) => {
        expect(splitRun(joinRun(updates)).map((update) => [...update])).toEqual(updates.map((update) => [...update]))
      }),
    )
  })

  it('refuses bytes cut short', () => {
    const run = joinRun([new Uint8Array(10), new Uint8Array(200)])
    expect(() => splitRun(run.subarray(0, run.byteLength - 1))).toThrow()
  })
})
