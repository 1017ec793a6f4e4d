import type { Sector } from '../../../../shared/plan/index.ts'

/**
 * Soft, warm colours per sector of life. Colour only helps the eye: every
 * sector is also named on the map and in the list.
 */
export const SECTOR_COLORS: Record<Sector, { fill: string; edge: string }> = {
  familie: { fill: '#f3d6c1', edge: '#9a5b34' },
  vrienden: { fill: '#f4e4b0', edge: '#85671a' },
  buurt: { fill: '#d7e8cd', edge: '#4c7040' },
  'werk-school': { fill: '#d3e4ec', edge: '#3e6b80' },
  professionals: { fill: '#e4d9ee', edge: '#6b5088' },
}

/** The inner ring is the strongest tint, the outer the palest. */
export const RING_TINT = [1, 0.68, 0.42] as const
