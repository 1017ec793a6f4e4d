/**
 * The floor: a websocket server that passes every frame it receives to the
 * other sockets on the same path, untouched. No document, no storage.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { announce, answerParentQuestions } from './answerParent.ts'

const rooms = new Map<string, Set<WebSocket>>()
const wss = new WebSocketServer({ noServer: true })
const server = createServer((_request, response) => response.end('okay'))
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const name = request.url ?? '/'
    const room = rooms.get(name) ?? new Set<WebSocket>()
    rooms.set(name, room)
    room.add(ws)
    ws.on('message', (data, isBinary) => {
      for (const other of room) if (other !== ws) other.send(data, { binary: isBinary })
    })
    ws.on('close', () => room.delete(ws))
  })
})
server.listen(0, '127.0.0.1', () => {
  answerParentQuestions()
  announce((server.address() as AddressInfo).port)
})
