import { describe, expect, it } from 'vitest'
import { NewPlansPerAddress } from './newPlansPerAddress.ts'

describe('new plans per address', () => {
  it('counts a plan once, refuses more than the limit within an hour, and lets the address open plans again an hour later', () => {
    let now = 1_000_000
    const quota = new NewPlansPerAddress(2, () => now)
    expect(quota.take('192.0.2.1', 'plan-a')).toBe(true)
    expect(quota.take('192.0.2.1', 'plan-a')).toBe(true)
    expect(quota.take('192.0.2.1', 'plan-b')).toBe(true)
    expect(quota.take('192.0.2.1', 'plan-c')).toBe(false)
    expect(quota.take('192.0.2.1', 'plan-b')).toBe(true)
    expect(quota.take('192.0.2.2', 'plan-c')).toBe(true)
    now += 60 * 60 * 1000 + 1
    expect(quota.take('192.0.2.1', 'plan-c')).toBe(true)
    quota.close()
  })
})
