import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { MessageType } from '../../server/sync/protocol.ts'
import type { RawSocket } from './support/clients.ts'
import { relaySession } from './support/session.ts'
import { waitUntil } from '../support/wait.ts'

/** Random bytes, and random bodies behind real message and sync-step headers so they reach the deeper decoders. */
const frameArbitrary = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 300 }),
  fc
    .tuple(fc.constantFrom(0, 1, 2, 3, 127, 200), fc.constantFrom(0, 1, 2, 3), fc.uint8Array({ maxLength: 300 }), fc.boolean())
    .map(([type, step, body, lengthPrefixed]) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, type)
      if (type === MessageType.sync) encoding.writeVarUint(encoder, step)
      if (lengthPrefixed) encoding.writeVarUint8Array(encoder, body)
      else encoding.writeUint8Array(encoder, body)
      return encoding.toUint8Array(encoder)
    }),
)

/** Sync step 1 with an empty state vector: the relay always answers it, so an answer means earlier frames were handled. */
function probe(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]))
  return encoding.toUint8Array(encoder)
}

describe('relay under random frames', () => {
  const session = relaySession()

  it('1,000 random frames over several connections leave the relay serving every room, /healthz ok', async () => {
    const relay = await session.relay()
    const frames = fc.sample(frameArbitrary, { numRuns: 1_000, seed: 4_400 })
    const rooms = ['fuzz-0', 'fuzz-1', 'fuzz-2', 'fuzz-3']
    const closeCodes: number[] = []
    let connections = 0

    // One sender per room, so every answer a sender gets is to its own frames.
    await Promise.all(
      rooms.map(async (room, index) => {
        let socket: RawSocket | undefined
        for (const frame of frames.filter((_, i) => i % rooms.length === index)) {
          if (socket === undefined || socket.closeEvent !== undefined) {
            if (socket?.closeEvent !== undefined) closeCodes.push(socket.closeEvent.code)
            socket = await session.raw(relay, room)
            connections++
          }
          const answered = socket.received.length
          socket.ws.send(frame)
          socket.ws.send(probe())
          const current = socket
          await waitUntil(() => current.closeEvent !== undefined || current.received.length > answered, `relay handled a random frame in ${room}`)
        }
        if (socket?.closeEvent !== undefined) closeCodes.push(socket.closeEvent.code)
      }),
    )

    // Bad frames closed their own connection with 4400, nothing else: no crash (1006), no internal error (1011).
    expect(closeCodes.length).toBeGreaterThan(10)
    expect(new Set(closeCodes)).toEqual(new Set([CloseCode.malformedMessage]))
    expect(connections).toBeGreaterThan(10)

    const health = await fetch(`${relay.url}/healthz`)
    expect(health.status).toBe(200)
    expect(((await health.json()) as { ok: boolean }).ok).toBe(true)

    for (const room of ['elsewhere', ...rooms]) {
      const writer = await session.client(relay, room)
      const reader = await session.client(relay, room)
      writer.text.insert(0, `nog altijd in ${room}`)
      await waitUntil(() => reader.text.toString().includes(`nog altijd in ${room}`), `room ${room} still syncs`)
      writer.destroy()
      reader.destroy()
    }
  })
})
