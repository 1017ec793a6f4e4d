/**
 * The load path of Kring's relay before issue 14, kept to measure the new one
 * against in the same run: a room loads what storage holds (the same
 * storage, as `npm start` opens it) into a Y.Doc, and answers a sync step 1
 * by encoding that document again (`Y.encodeStateAsUpdate`), as the relay's
 * room did up to commit 47d20e3. Only loading and the first sync are served:
 * this is no relay, it is the previous design's cost of opening a plan.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { loadConfig } from '../../server/config.ts'
import { openStorage } from '../../server/storage/openStorage.ts'
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2 } from '../../server/sync/protocol.ts'
import { announce, answerParentQuestions } from './answerParent.ts'

const storage = await openStorage(loadConfig(), { postgresSchema: process.env.KRING_BENCH_PG_SCHEMA })
const documents = new Map<string, Promise<Y.Doc>>()

async function loadDocument(room: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const stored = await storage.load(room)
  if (stored !== null) Y.applyUpdate(doc, stored)
  return doc
}

const wss = new WebSocketServer({ noServer: true })
const server = createServer((_request, response) => response.end('okay'))
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const room = (request.url ?? '/').replace(/^\/sync\//, '')
    let doc = documents.get(room)
    if (doc === undefined) documents.set(room, (doc = loadDocument(room)))
    // Frames wait for the document, in the order they came, as the old room's queue made them.
    let queue = doc.then((loaded) => {
      ws.send(encodeSyncStep1(Y.encodeStateVector(loaded)))
      return loaded
    })
    ws.on('message', (data: Buffer) => {
      queue = queue.then((loaded) => {
        const message = decodeClientMessage(new Uint8Array(data))
        if (message.type === 'syncStep1') ws.send(encodeSyncStep2(Y.encodeStateAsUpdate(loaded, message.stateVector)))
        return loaded
      })
    })
  })
})
server.listen(0, '127.0.0.1', () => {
  answerParentQuestions()
  announce((server.address() as AddressInfo).port)
})
