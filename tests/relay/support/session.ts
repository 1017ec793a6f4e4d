import { afterEach } from 'vitest'
import type * as Y from 'yjs'
import { connectClient, joinRawSocket, openRawSocket, type RawSocket, type TestClient } from './clients.ts'
import { knock } from './invitations.ts'
import { startTestRelay, type TestRelay, type TestRelayOptions } from '../../support/testRelay.ts'

/**
 * Relays, clients and raw sockets for one test file, all closed after each
 * test. Call once at the top of a `describe` (or of the file).
 */
export function relaySession() {
  const relays: TestRelay[] = []
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.terminate()
    for (const client of clients.splice(0)) client.destroy()
    for (const relay of relays.splice(0)) await relay.close()
  })
  return {
    /**
     * A fresh relay on a free port with its own temp data folder. Unlike `npm
     * start`, tokens are not required unless `config` asks for them: these
     * tests are about sync, storage, limits and scale-out in rooms whose names
     * are no plan ids; tests/relay/access.test.ts runs the relay with tokens.
     */
    async relay(options: TestRelayOptions = {}): Promise<TestRelay> {
      const relay = await startTestRelay({ ...options, config: { requireTokens: false, ...options.config } })
      relays.push(relay)
      return relay
    },
    /**
     * A stock y-websocket client on `room`, synced; with `doc`, bringing what
     * that document holds; with `token`, showing that invitation in the query.
     */
    async client(relay: TestRelay, room: string, { doc, token }: { doc?: Y.Doc; token?: string } = {}): Promise<TestClient> {
      const client = await connectClient(relay.syncUrl, room, { doc, token })
      clients.push(client)
      return client
    },
    /** A raw websocket let into `room` (or closed at once, see its closeEvent). */
    async raw(relay: TestRelay, room: string): Promise<RawSocket> {
      const socket = await joinRawSocket(relay.url, room)
      sockets.push(socket)
      return socket
    },
    /**
     * A raw websocket to `room` showing `token` (none when undefined), once the
     * relay has answered: let in or closed, see `knock` for the options. Any
     * relay will do, also one started without this session.
     */
    async knock(relay: Pick<TestRelay, 'url'>, room: string, token: string | undefined, options?: Parameters<typeof knock>[3]): Promise<RawSocket> {
      const socket = await knock(relay.url, room, token, options)
      sockets.push(socket)
      return socket
    },
    /** A raw websocket to any path, open or already closed. */
    async rawPath(relay: TestRelay, path: string): Promise<RawSocket> {
      const socket = await openRawSocket(relay.url, path)
      sockets.push(socket)
      return socket
    },
  }
}
