import net from 'node:net'

/**
 * A loopback TCP proxy whose far side can be cut and restored, to play a
 * database, Redis or relay that goes away and comes back. Hand-written because
 * it is a few lines of `net` and a library (toxiproxy) would need a daemon.
 */
export interface TcpProxy {
  /** The proxy's own port on 127.0.0.1. */
  readonly port: number
  /** Where connections go now; change it to move clients to another server. */
  target: { host: string; port: number }
  /** Cuts every open connection and refuses new ones until `restore`. */
  cut(): void
  /** Accepts and forwards connections again. */
  restore(): void
  /** Whether it forwards connections now (not cut). */
  readonly isOpen: boolean
  close(): Promise<void>
}

/** Starts a proxy on a random loopback port forwarding to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let open = true
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy()
      return
    }
    const upstream = net.connect(proxy.target.port, proxy.target.host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo

  const proxy: TcpProxy = {
    port: address.port,
    target,
    cut() {
      open = false
      for (const socket of sockets) socket.destroy()
    },
    restore() {
      open = true
    },
    get isOpen() {
      return open
    },
    close() {
      proxy.cut()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
  return proxy
}
