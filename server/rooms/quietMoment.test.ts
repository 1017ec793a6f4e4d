import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QuietMoment } from './quietMoment.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A quiet moment that counts how often it ran. */
function counting(quietMs: number, atLatestMs: number) {
  const ran = { times: 0 }
  const quiet = new QuietMoment(() => ran.times++, { quietMs, atLatestMs })
  return { quiet, ran }
}

/** Checks that it runs exactly `ms` from now: not a millisecond before. */
function expectToRunIn(ran: { times: number }, ms: number) {
  const before = ran.times
  vi.advanceTimersByTime(ms - 1)
  expect(ran.times).toBe(before)
  vi.advanceTimersByTime(1)
  expect(ran.times).toBe(before + 1)
}

describe('a quiet moment', () => {
  it('runs what fell due once the room has had no edit for quietMs, once however often it fell due', () => {
    const { quiet, ran } = counting(2_000, 10_000)
    quiet.edited()
    quiet.due()
    quiet.due()
    expectToRunIn(ran, 2_000)
    vi.advanceTimersByTime(60_000)
    expect(ran.times).toBe(1)
  })

  it('waits while edits keep coming, and runs in the first pause long enough', () => {
    const { quiet, ran } = counting(2_000, 10_000)
    quiet.due()
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(1_000)
      quiet.edited()
    }
    expectToRunIn(ran, 2_000)
  })

  it('runs atLatestMs after it fell due when the editing never pauses', () => {
    const { quiet, ran } = counting(2_000, 10_000)
    quiet.due()
    for (let at = 0; at < 9_900; at += 100) {
      quiet.edited()
      vi.advanceTimersByTime(100)
    }
    expect(ran.times).toBe(0)
    quiet.edited()
    vi.advanceTimersByTime(100)
    expect(ran.times).toBe(1)
  })

  it('with quietMs 0 runs after the turn it fell due in, not within it', () => {
    const { quiet, ran } = counting(0, 0)
    quiet.due()
    expect(ran.times).toBe(0)
    vi.runAllTicks()
    vi.advanceTimersToNextTimer()
    expect(ran.times).toBe(1)
  })

  it('can fall due again after running', () => {
    const { quiet, ran } = counting(1_000, 5_000)
    quiet.due()
    vi.advanceTimersByTime(1_000)
    quiet.due()
    vi.advanceTimersByTime(1_000)
    expect(ran.times).toBe(2)
  })

  it('runs nothing once stopped, not even what falls due after', () => {
    const { quiet, ran } = counting(1_000, 5_000)
    quiet.due()
    quiet.stop()
    quiet.due()
    vi.advanceTimersByTime(10_000)
    expect(ran.times).toBe(0)
  })

  it('looks first at atLatestMs when that is the shorter', () => {
    const { quiet, ran } = counting(5_000, 1_000)
    quiet.due()
    quiet.edited()
    vi.advanceTimersByTime(1_000)
    expect(ran.times).toBe(1)
  })
})
