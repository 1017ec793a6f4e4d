import { describe, expect, it } from 'vitest'
import { addDays, dayOf, isDay } from './days.ts'

describe('days', () => {
  it('knows a real calendar day from anything else', () => {
    expect(isDay('2024-02-29')).toBe(true)
    expect(isDay('2023-02-29')).toBe(false)
    expect(isDay('2024-13-01')).toBe(false)
    expect(isDay('2024-1-01')).toBe(false)
    expect(isDay(20240101)).toBe(false)
  })

  it('counts days across months and years', () => {
    expect(addDays('2024-12-28', 6 * 7)).toBe('2025-02-08')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(dayOf(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05')
  })
})
