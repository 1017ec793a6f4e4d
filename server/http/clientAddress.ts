import type { IncomingMessage } from 'node:http'
import { isIPv4, isIPv6 } from 'node:net'

/**
 * The client a request comes from, as the per-address limits count it
 * (server/http/addressLimits.ts): the connection's own peer, or, with
 * `trustedHeader` set (KRING_CLIENT_ADDRESS_HEADER), the last address in
 * that header, which is the one the operator's own proxy wrote. Earlier
 * entries are whatever the client claimed and are never believed.
 */
export function clientAddress(request: IncomingMessage, trustedHeader: string | undefined): string {
  if (trustedHeader !== undefined) {
    const value = request.headers[trustedHeader]
    const last = (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',').at(-1)?.trim()
    if (last) return addressKey(last)
  }
  return addressKey(request.socket.remoteAddress ?? 'unknown')
}

/**
 * What one client is, for counting: an IPv4 address as it is, an IPv6
 * address by its /64 network (one household's router hands out a whole /64,
 * so counting single IPv6 addresses would count nothing), an IPv4 address
 * written as IPv6 (`::ffff:1.2.3.4`) as the IPv4 address. Anything else is
 * kept as written.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (isIPv4(address)) return address
  if (!isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

/** The eight groups of an IPv6 address, `::` filled in, zone dropped. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = 8 - left.length - right.length
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right]
  return groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
}
