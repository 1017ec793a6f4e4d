/**
 * The reference y-websocket server (@y/websocket-server), set up as its own
 * `server.js` does: every websocket to /<room> handled by setupWSConnection.
 * In memory only (no YPERSISTENCE), as it runs by default.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'
import { announce, answerParentQuestions } from './answerParent.ts'
import { traceWhenAsked } from './tailTrace.ts'

traceWhenAsked()

const wss = new WebSocketServer({ noServer: true })
const server = createServer((_request, response) => response.end('okay'))
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request))
})
server.listen(0, '127.0.0.1', () => {
  answerParentQuestions()
  announce((server.address() as AddressInfo).port)
})
