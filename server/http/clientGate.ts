import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Logger } from '../log.ts'
import type { RelayMetrics } from '../metrics/relayMetrics.ts'
import { AddressConnections } from '../quotas/addressConnections.ts'
import { addressKey, clientAddress } from './clientAddress.ts'

export interface ClientGateOptions {
  /** KRING_CLIENT_ADDRESS_HEADER: set when a trusted reverse proxy stands in front (see clientAddress.ts). */
  clientAddressHeader: string | undefined
  /** KRING_MAX_CONNECTIONS_PER_ADDRESS. */
  maxConnectionsPerAddress: number
  logger: Logger
  metrics?: RelayMetrics
}

/** How long a client turned away for too many connections is asked to wait. */
const RETRY_AFTER_SECONDS = 10

/** The sentence every refusal for too many connections carries. */
export const TOO_MANY_CONNECTIONS = 'Too many connections from your address; close some and try again later'

/** How long a connection over the limit may take to send its first request before it is cut. */
const TURN_AWAY_GRACE_MS = 2_000

/**
 * The relay's front door per client address (KRING_MAX_CONNECTIONS_PER_ADDRESS):
 * one address cannot hold more than its share of sockets open, whether as
 * websockets, slow request bodies or idle connections.
 *
 * Clients that reach the relay directly are counted per TCP connection: one
 * too many is not counted, is answered 429 (a websocket: closed with 4429)
 * on its first request, and is cut if that does not come at once, so a
 * flood of idle sockets cannot use up file descriptors. Behind a trusted
 * proxy (which holds those sockets itself) the client's address is only
 * known from the request, so requests under way and websockets are counted
 * instead.
 */
export class ClientGate {
  private readonly connections: AddressConnections
  private readonly direct: boolean
  /** Direct connections over the limit, waiting for their first request to be told so. */
  private readonly turnedAway = new WeakSet<Socket>()

  constructor(private readonly options: ClientGateOptions) {
    this.connections = new AddressConnections(options.maxConnectionsPerAddress)
    this.direct = options.clientAddressHeader === undefined
  }

  /** The client a request comes from (see clientAddress.ts). */
  addressOf(request: IncomingMessage): string {
    return clientAddress(request, this.options.clientAddressHeader)
  }

  /** Counts `server`'s TCP connections per peer, when clients connect directly. Call once, before it listens. */
  watch(server: Server): void {
    if (!this.direct) return
    server.on('connection', (socket: Socket) => {
      const release = this.connections.add(addressKey(socket.remoteAddress ?? 'unknown'))
      if (release !== undefined) {
        socket.once('close', release)
        return
      }
      this.options.metrics?.refusedConnection('too_many_connections')
      this.turnedAway.add(socket)
      setTimeout(() => socket.destroy(), TURN_AWAY_GRACE_MS).unref()
    })
  }

  /**
   * Lets a plain HTTP request through, counting it until its answer is sent
   * when behind a proxy. Returns false, having answered 429, when its
   * address has its maximum open.
   */
  holdRequest(request: IncomingMessage, response: ServerResponse): boolean {
    const release = this.direct ? (this.turnedAway.has(request.socket) ? undefined : () => {}) : this.count(request)
    if (release === undefined) {
      response
        .writeHead(429, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(RETRY_AFTER_SECONDS), Connection: 'close' })
        .end(JSON.stringify({ code: 'too-many-connections', error: TOO_MANY_CONNECTIONS }) + '\n')
      return false
    }
    response.once('close', release)
    return true
  }

  /**
   * Lets a websocket through: returns the function to call when it closes,
   * or undefined when its address has its maximum open (the caller closes
   * it with 4429, saying why).
   */
  holdUpgrade(request: IncomingMessage): (() => void) | undefined {
    if (this.direct) return this.turnedAway.has(request.socket) ? undefined : () => {}
    return this.count(request)
  }

  /** Connections counted for an address now (for tests and logs). */
  openFrom(address: string): number {
    return this.connections.countOf(address)
  }

  private count(request: IncomingMessage): (() => void) | undefined {
    const release = this.connections.add(this.addressOf(request))
    if (release === undefined) this.options.metrics?.refusedConnection('too_many_connections')
    return release
  }
}
