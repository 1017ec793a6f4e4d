import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { Plan } from '../shared/plan/index.ts'
import { storyParagraphs } from './support/plan.ts'
import type { RunningServer } from './support/servers.ts'

export interface ReconnectBytes {
  /** Bytes the reconnecting client sent and received until it and the server agreed again. */
  reconnect: number
  /** The plan's size (`Y.encodeStateAsUpdate`). */
  plan: number
  /** The size of the offline edits themselves (`Y.encodeStateAsUpdate` against the state before them). */
  edits: number
}

/** A WebSocket class for WebsocketProvider that counts the bytes it sends and receives. */
function countingWebSocket(counter: { bytes: number }): typeof globalThis.WebSocket {
  class CountingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: Buffer | ArrayBuffer) => {
        counter.bytes += data.byteLength
      })
    }

    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      counter.bytes += (data as ArrayBufferLike | ArrayBufferView).byteLength ?? 0
      ;(super.send as (...args: unknown[]) => void)(data, ...rest)
    }
  }
  return CountingWebSocket as unknown as typeof globalThis.WebSocket // ws implements the browser API the provider uses
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('benchmark waited 60 s for a client to sync')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/**
 * A stock WebsocketProvider holding `plan` goes offline, makes 100 small
 * edits at random places, and comes back while another client watches: the
 * bytes it exchanges until the watcher has its edits should follow the edits,
 * not the plan.
 */
export async function bytesOnReconnect(server: RunningServer, room: string, plan: Uint8Array): Promise<ReconnectBytes> {
  const counter = { bytes: 0 }
  const options = { disableBc: true, maxBackoffTime: 100 }
  const doc = new Y.Doc()
  Y.applyUpdate(doc, plan)
  const traveller = new WebsocketProvider(server.providerUrl, room, doc, { ...options, WebSocketPolyfill: countingWebSocket(counter) })
  const watcherDoc = new Y.Doc()
  const watcher = new WebsocketProvider(server.providerUrl, room, watcherDoc, {
    ...options,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  const story = (d: Y.Doc) => Plan.open(d).story.toString()
  try {
    await until(() => traveller.synced && watcher.synced && story(watcherDoc) === story(doc))
    traveller.disconnect()
    const before = Y.encodeStateVector(doc)
    const paragraphs = storyParagraphs(doc)
    for (let i = 0; i < 100; i++) {
      const text = paragraphs[(i * 31) % paragraphs.length]!
      text.insert((i * 7919) % text.length, `edit ${i} `)
    }
    const edits = Y.encodeStateAsUpdate(doc, before).byteLength
    counter.bytes = 0
    traveller.connect()
    await until(() => traveller.synced && story(watcherDoc) === story(doc))
    return { reconnect: counter.bytes, plan: plan.byteLength, edits }
  } finally {
    for (const provider of [traveller, watcher]) {
      provider.destroy()
      // The provider leaves its awareness (and the awareness's timer) to its owner.
      provider.awareness.destroy()
      provider.doc.destroy()
    }
  }
}
