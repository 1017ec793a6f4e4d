import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { addressKey, clientAddress } from './clientAddress.ts'

function requestFrom(remoteAddress: string, headers: Record<string, string | string[]> = {}): IncomingMessage {
  return { socket: { remoteAddress }, headers } as unknown as IncomingMessage
}

describe('which client a request comes from', () => {
  it('counts an IPv6 client by its /64 (one household router has a whole /64) and an IPv4 address written as IPv6 as itself', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('::ffff:192.0.2.10')).toBe('192.0.2.10')
    expect(addressKey('192.0.2.10')).toBe('192.0.2.10')
  })

  it('believes only the last entry of the trusted proxy header, and only when one is configured', () => {
    const request = requestFrom('10.0.0.2', { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })
    expect(clientAddress(request, 'x-forwarded-for')).toBe('203.0.113.7')
    expect(clientAddress(request, undefined)).toBe('10.0.0.2')
    expect(clientAddress(requestFrom('10.0.0.2', { 'x-forwarded-for': ['198.51.100.1', '203.0.113.9'] }), 'x-forwarded-for')).toBe('203.0.113.9')
    // The proxy did not say: the connection's own peer.
    expect(clientAddress(requestFrom('10.0.0.2'), 'x-forwarded-for')).toBe('10.0.0.2')
  })
})
