import type { Strength } from '../../../../shared/plan/index.ts'

/**
 * Warm colours for what an event did: amber for strength given, terracotta
 * for strength it cost. Always shown with the words, never colour alone.
 */
export const STRENGTH_COLORS: Record<Strength | 'none', { band: string; fill: string; text: string }> = {
  'gaf-kracht': { band: '#e2a23a', fill: '#fff5e1', text: '#7a4f00' },
  'kostte-kracht': { band: '#b9583c', fill: '#fbebe4', text: '#8a3a22' },
  allebei: { band: '#cf7d3b', fill: '#fdf0e2', text: '#7a4314' },
  none: { band: '#cdbfae', fill: '#ffffff', text: '#4f5b60' },
}
