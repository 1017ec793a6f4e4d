import { fileURLToPath } from 'node:url'
import { RELAY_NODE_FLAGS } from '../../server/nodeFlags.ts'
import { lowerHelperThreads } from '../../server/workers/backgroundPriority.ts'
import { spawnChildServer, type ChildServer } from '../../tests/support/childServer.ts'

/** A server under test: how to start it and where its rooms are. */
export interface ServerKind {
  name: string
  /** The script in bench/servers/. */
  script: string
  /** The websocket URL of a room, given the server's port. */
  roomUrl(port: number, room: string): string
  /** The base URL a WebsocketProvider takes (it appends /<room>). */
  providerUrl(port: number): string
  /**
   * How a client speaks to it: the y-websocket protocol, or Hocuspocus's
   * (every message prefixed with the document's name, an auth message first).
   */
  protocol?: 'y-websocket' | 'hocuspocus'
  /** Added to the server's environment. */
  env?: Record<string, string>
}

export const KRING: ServerKind = {
  name: 'Kring relay',
  script: 'kring.ts',
  roomUrl: (port, room) => `ws://127.0.0.1:${port}/sync/${room}`,
  providerUrl: (port) => `ws://127.0.0.1:${port}/sync`,
}

export const REFERENCE: ServerKind = {
  name: '@y/websocket-server',
  script: 'reference.ts',
  roomUrl: (port, room) => `ws://127.0.0.1:${port}/${room}`,
  providerUrl: (port) => `ws://127.0.0.1:${port}`,
}

export const RAW: ServerKind = {
  name: 'raw ws broadcast',
  script: 'rawBroadcast.ts',
  roomUrl: (port, room) => `ws://127.0.0.1:${port}/${room}`,
  providerUrl: (port) => `ws://127.0.0.1:${port}`,
}

/** Hocuspocus keeps every document on one websocket; the room is named in each message. */
const HOCUSPOCUS_URLS = {
  roomUrl: (port: number) => `ws://127.0.0.1:${port}`,
  providerUrl: (port: number) => `ws://127.0.0.1:${port}`,
}

export const HOCUSPOCUS: ServerKind = {
  name: 'Hocuspocus in memory',
  script: 'hocuspocus.ts',
  ...HOCUSPOCUS_URLS,
  protocol: 'hocuspocus',
}

export const HOCUSPOCUS_SQLITE: ServerKind = {
  name: 'Hocuspocus with SQLite',
  script: 'hocuspocus.ts',
  ...HOCUSPOCUS_URLS,
  protocol: 'hocuspocus',
  env: { HOCUSPOCUS_SQLITE: '1' },
}

/** The previous design's load path (a Y.Doc per room), on Kring's storage: bench/servers/documentPerRoom.ts. */
export const DOCUMENT_PER_ROOM: ServerKind = { ...KRING, name: 'previous design (a Y.Doc per room)', script: 'documentPerRoom.ts' }

export interface RunningServer extends ChildServer {
  kind: ServerKind
  roomUrl(room: string): string
  providerUrl: string
  /** Heap plus off-heap bytes the process holds after a full GC. */
  memory(): Promise<number>
  /** CPU time the process has used so far, all its threads, in microseconds. */
  cpuMicros(): Promise<number>
}

/** Starts a server in its own process; `env` adds to the environment (DATA_DIR, DATABASE_URL, ...). */
export async function startServer(kind: ServerKind, env: Record<string, string | undefined> = {}): Promise<RunningServer> {
  const child = await spawnChildServer(fileURLToPath(new URL(`../servers/${kind.script}`, import.meta.url)), {
    // Tracing only when a benchmark asks for it (tailAnatomy.ts): a shell's KRING_BENCH_TRACE would let the traces grow unasked.
    env: { LOG_LEVEL: 'silent', KRING_BENCH_TRACE: undefined, ...kind.env, ...env },
    // Every server, not only Kring's relay, with the Node flags `npm start` gives the relay: they
    // size V8's young generation, which any Node server may do, so the figures compare the servers.
    // And without V8's memory reducer, which collects a few seconds after a process falls idle: here
    // a server falls idle when its turn ends, and its collection took cores from the server measured
    // next (Kring's relay, idle, ran 0.7–3.7 ms during each of the reference's slowest edits in a
    // hundred: `npm run bench -- cores`, bench/RESULTS.md). What a server holds is measured after a full
    // collection the benchmark asks for (memory()), which the reducer does not change.
    nodeArgs: ['--expose-gc', ...RELAY_NODE_FLAGS, '--no-memory-reducer'],
  })
  // Every server, as with the flags, with the threads beside its event loop lowered as `npm start` lowers the relay's (start.ts).
  lowerHelperThreads(child.pid)
  return {
    ...child,
    kind,
    roomUrl: (room) => kind.roomUrl(child.port, room),
    providerUrl: kind.providerUrl(child.port),
    async memory() {
      const usage = await child.ask<{ heapUsed: number; external: number }>('memory')
      return usage.heapUsed + usage.external
    },
    cpuMicros: () => child.ask<number>('cpu'),
  }
}
