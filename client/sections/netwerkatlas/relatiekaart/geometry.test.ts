import { describe, expect, it } from 'vitest'
import { RINGS, SECTORS } from '../../../../shared/plan/index.ts'
import { MAP, cellAt, placeInCell, polar, ringRoom, sectorAngles } from './geometry.ts'

describe('relatiekaart geometry', () => {
  it('finds the ring and sector at the middle of every cell, and nothing in the household or outside', () => {
    for (const ring of RINGS) {
      for (const sector of SECTORS) {
        const [inner, outer] = ringRoom(ring)
        const [start, end] = sectorAngles(sector)
        expect(cellAt(polar((inner + outer) / 2, (start + end) / 2))).toEqual({ ring, sector })
      }
    }
    expect(cellAt({ x: 0, y: 0 })).toBeNull()
    expect(cellAt({ x: MAP.half, y: MAP.half })).toBeNull()
    // Familie is at the top.
    expect(cellAt({ x: 0, y: -70 })?.sector).toBe('familie')
  })

  it('gives pills in one cell places that do not overlap while there is room', () => {
    const widths = [70, 60, 80, 66]
    const spots = placeInCell('verder-weg', 'buurt', widths)
    for (let i = 0; i < spots.length; i++) {
      for (let j = i + 1; j < spots.length; j++) {
        const dx = Math.abs(spots[i]!.x - spots[j]!.x) - (widths[i]! + widths[j]!) / 2
        const dy = Math.abs(spots[i]!.y - spots[j]!.y) - MAP.pillHeight
        expect(dx >= 0 || dy >= 0).toBe(true)
      }
      expect(cellAt(spots[i]!)).toEqual({ ring: 'verder-weg', sector: 'buurt' })
    }
  })
})
