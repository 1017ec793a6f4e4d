import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { WebSocket, type ClientOptions } from 'ws'

/**
 * A client on another loopback address: Linux answers all of 127.0.0.0/8 on
 * the loopback interface, so a socket bound to 127.0.0.2 reaches the relay
 * on 127.0.0.1 as a second client address, for tests of per-address limits.
 */
export const OTHER_ADDRESS = '127.0.0.2'

/** A `WebSocket` class whose sockets come from `address` (for `WebsocketProvider`'s WebSocketPolyfill). */
export function webSocketFrom(address: string): new (url: string | URL, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[], options?: ClientOptions) {
      super(url, protocols ?? [], { ...options, localAddress: address })
    }
  }
}

/** One HTTP request from `address`, answered as status, headers and text (never throws on a status). */
export function requestFrom(
  address: string,
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers, localAddress: address, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString() }))
      response.on('error', reject)
    })
    sent.on('error', reject)
    sent.end(body)
  })
}

/** A raw TCP connection from `address` to the relay at `url`, once connected, recording what it receives and when it closes. */
export async function tcpFrom(address: string, url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void>; isClosed: () => boolean }> {
  const { hostname, port } = new URL(url)
  const socket = connect({ host: hostname, port: Number(port), localAddress: address })
  const chunks: Buffer[] = []
  let isClosed = false
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true
      resolve()
    }),
  )
  await new Promise<void>((resolve) => {
    socket.once('connect', () => resolve())
    socket.once('close', () => resolve())
  })
  return { socket, received: () => Buffer.concat(chunks).toString(), closed, isClosed: () => isClosed }
}
