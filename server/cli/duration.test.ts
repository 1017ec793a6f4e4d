import { describe, expect, it } from 'vitest'
import { parseDuration } from './duration.ts'

describe('durations on the command line', () => {
  it('reads minutes, hours, days, weeks and never', () => {
    expect(parseDuration('45min')).toBe(45 * 60_000)
    expect(parseDuration('12h')).toBe(12 * 3_600_000)
    expect(parseDuration('30d')).toBe(30 * 86_400_000)
    expect(parseDuration('2w')).toBe(14 * 86_400_000)
    expect(parseDuration('never')).toBeNull()
  })

  it('refuses what it would have to guess at', () => {
    for (const text of ['', '30', '6m', '1y', '0d', '-1d', '1.5d', 'soon']) expect(() => parseDuration(text)).toThrow(/not a duration/)
  })
})
