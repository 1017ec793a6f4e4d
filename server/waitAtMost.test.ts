import { afterEach, describe, expect, it, vi } from 'vitest'
import { waitAtMost } from './waitAtMost.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('waitAtMost', () => {
  it('gives the answer that comes in time, and leaves no timer behind', async () => {
    vi.useFakeTimers()
    await expect(waitAtMost(Promise.resolve('ok'), 1_000, 'late')).resolves.toBe('ok')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('gives the fallback once the time is up, while the work goes on', async () => {
    vi.useFakeTimers()
    const never = new Promise<string>(() => {})
    const answer = waitAtMost(never, 1_000, 'late')
    await vi.advanceTimersByTimeAsync(1_000)
    await expect(answer).resolves.toBe('late')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('passes on a failure that comes in time', async () => {
    await expect(waitAtMost(Promise.reject(new Error('kapot')), 1_000, 'late')).rejects.toThrow('kapot')
  })
})
