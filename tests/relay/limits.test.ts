import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { MessageType } from '../../server/sync/protocol.ts'
import { relaySession } from './support/session.ts'
import { waitUntil } from '../support/wait.ts'

/** A valid message that asks for everyone's awareness: harmless, but it counts against the rate limit. */
function queryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.queryAwareness)
  return encoding.toUint8Array(encoder)
}

describe('relay limits: a misbehaving connection is closed with a code saying why, others carry on', () => {
  const session = relaySession()
  const { client, raw, rawPath } = session
  const relayWith = session.relay

  it('an oversized frame closes only that connection (1009); another client in the room keeps syncing', async () => {
    const relay = await relayWith({ config: { limits: { maxMessageBytes: 64 * 1024 } } })
    const alice = await client(relay, 'plan-big')
    const bob = await client(relay, 'plan-big')
    const offender = await raw(relay, 'plan-big')

    offender.ws.send(new Uint8Array(64 * 1024 + 1))
    expect((await offender.closed).code).toBe(CloseCode.messageTooBig)

    alice.text.insert(0, 'nog steeds samen')
    await waitUntil(() => bob.text.toString() === 'nog steeds samen', 'bob receives alice\'s edit')
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true)
  })

  it('a room name with characters a room may not have is refused with 4404', async () => {
    const relay = await relayWith({ config: { limits: { maxRoomNameLength: 40 } } })
    for (const path of ['/sync/has%20space', '/sync/a/b', '/sync/a..b', '/sync/plan%2Fhuishouden', '/sync/plan.geheim', `/sync/${'x'.repeat(41)}`, '/sync/']) {
      const socket = await rawPath(relay, path)
      const closed = await socket.closed
      expect(closed.code, path).toBe(CloseCode.invalidRoomName)
      expect(closed.reason.length).toBeGreaterThan(0)
    }
    // The longest allowed name is fine.
    const longest = await raw(relay, 'x'.repeat(40))
    expect(longest.closeEvent).toBeUndefined()
  })

  it('a websocket to any path but /sync/ is not accepted', async () => {
    const relay = await relayWith({})
    const socket = await rawPath(relay, '/elsewhere')
    expect((await socket.closed).code).toBe(1006) // the handshake never completed
  })

  it('a connection sending faster than the rate limit is closed with 4429; a calm one is not', async () => {
    const relay = await relayWith({ config: { limits: { maxMessagesPerSecond: 5, messageBurst: 10 } } })
    const calm = await client(relay, 'plan-rate')
    const flooder = await raw(relay, 'plan-rate')
    for (let i = 0; i < 50; i++) flooder.ws.send(queryAwareness())
    expect((await flooder.closed).code).toBe(CloseCode.rateLimited)

    calm.text.insert(0, 'rustig')
    expect(calm.provider.wsconnected).toBe(true)
    const check = await client(relay, 'plan-rate')
    expect(check.text.toString()).toBe('rustig')
  })

  it('a relay holding its maximum of rooms refuses a new room with 4503, and opens it once a room is unloaded', async () => {
    const relay = await relayWith({ config: { limits: { maxRooms: 2, roomIdleMs: 20 } } })
    const first = await raw(relay, 'room-1')
    await raw(relay, 'room-2')
    const third = await rawPath(relay, '/sync/room-3')
    expect((await third.closed).code).toBe(CloseCode.relayFull)
    // Existing rooms still take new connections.
    const secondInRoom1 = await raw(relay, 'room-1')
    expect(secondInRoom1.closeEvent).toBeUndefined()

    first.ws.close()
    secondInRoom1.ws.close()
    const later = await waitUntil(
      async () => {
        const attempt = await raw(relay, 'room-3')
        return attempt.closeEvent === undefined ? attempt : undefined
      },
      'room-3 opens once room-1 is unloaded',
    )
    expect(later.received.length).toBeGreaterThan(0)
  })

  it('a room holding its maximum of connections refuses one more with 4503', async () => {
    const relay = await relayWith({ config: { limits: { maxConnectionsPerRoom: 2 } } })
    await raw(relay, 'plan-full')
    await raw(relay, 'plan-full')
    const third = await rawPath(relay, '/sync/plan-full')
    expect((await third.closed).code).toBe(CloseCode.relayFull)
    expect((await raw(relay, 'plan-other')).closeEvent).toBeUndefined()
  })

  it('a frame that is no y-websocket message closes that connection with 4400', async () => {
    const relay = await relayWith({})
    const socket = await raw(relay, 'plan-bad')
    socket.ws.send(new Uint8Array([0, 2, 5, 1, 2])) // an update whose length runs past the frame
    const closed = await socket.closed
    expect(closed.code).toBe(CloseCode.malformedMessage)
    expect(closed.reason).toMatch(/Malformed/)
  })
})
