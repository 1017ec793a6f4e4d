import { beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../server/log.ts'
import { fromBase64Url, toBase64Url } from '../../shared/identity/base64url.ts'
import { SYNC_PROTOCOL, syncProtocols, TOKEN_PROTOCOL_PREFIX } from '../../shared/protocol/syncProtocols.ts'
import type { TestRelay } from '../support/testRelay.ts'
import { waitUntil } from '../support/wait.ts'
import { admitted, authReasons, refusalOf, sendAndWait, type RawSocket } from './support/clients.ts'
import { newTestPlan, type TestPlan } from './support/invitations.ts'
import { relaySession } from './support/session.ts'

/**
 * Issue 15: the app shows its invitation in the websocket handshake's
 * subprotocols, not in the URL, which the browser prints whenever a
 * connection fails. The relay lets it in by that token exactly as by a
 * token in the query, answers Kring's subprotocol and never the token's,
 * and still takes the query token of older apps and stock clients.
 */

const session = relaySession()
let plan: TestPlan

beforeAll(async () => {
  plan = await newTestPlan()
})

function enforcingRelay(options: Parameters<typeof session.relay>[0] = {}): Promise<TestRelay> {
  return session.relay({ ...options, config: { requireTokens: true } })
}

/** A raw socket to `room` showing `token` as the app does: in the offered subprotocols, nothing in the URL. */
function offering(relay: TestRelay, room: string, token: string | undefined): Promise<RawSocket> {
  return session.knock(relay, room, undefined, { protocols: syncProtocols(token) })
}

/** A raw socket to `room` showing `token` as older apps and stock clients do: in the query. */
function inQuery(relay: TestRelay, room: string, token: string | undefined): Promise<RawSocket> {
  return session.knock(relay, room, token)
}

describe('relay: an invitation in the handshake', () => {
  it('lets a token offered as a subprotocol in with its role, and answers "kring"', async () => {
    const relay = await enforcingRelay()
    const reader = await offering(relay, plan.room('plan'), await plan.invite({ role: 'meelezer' }))
    expect(admitted(reader)).toBe(true)
    expect(reader.ws.protocol).toBe(SYNC_PROTOCOL)
    await sendAndWait(reader)
    expect(authReasons(reader)).toEqual(['read-only: this invitation lets you read the plan, not change it'])

    const neighbour = await plan.invite({ role: 'netwerk' })
    const writer = await offering(relay, plan.room('netwerk'), neighbour)
    expect(admitted(writer)).toBe(true)
    expect(writer.ws.protocol).toBe(SYNC_PROTOCOL)
    await sendAndWait(writer)
    expect(authReasons(writer)).toEqual([])
    // The network's token does not open the household's own room, however it is shown.
    expect(refusalOf(await (await offering(relay, plan.room('huishouden'), neighbour)).closed)).toEqual({ code: 4403, refusal: 'role-may-not-open' })
  })

  it('refuses a missing, garbage or forged token offered as a subprotocol as it refuses one in the query', async () => {
    const relay = await enforcingRelay()
    const bytes = fromBase64Url(await plan.invite({ role: 'eigenaar' }))
    bytes[bytes.length - 5]! ^= 0x10
    const forged = toBase64Url(bytes)
    const expired = await plan.invite({ role: 'netwerk', issuedAt: Date.now() - 2000, expiresAt: Date.now() - 1000 })
    const theirs = await (await newTestPlan()).invite({ role: 'eigenaar' })
    for (const token of [undefined, 'dit-is-geen-uitnodiging', forged, expired, theirs]) {
      const shown = await offering(relay, plan.room('plan'), token)
      const queried = await inQuery(relay, plan.room('plan'), token)
      expect(refusalOf(await shown.closed), `token ${token}`).toEqual(refusalOf(await queried.closed))
      expect([4401, 4403]).toContain((await shown.closed).code)
      expect(shown.received).toEqual([])
    }
  })

  it('still takes a token in the query, from a raw socket and from a stock y-websocket client', async () => {
    const relay = await enforcingRelay()
    const reader = await inQuery(relay, plan.room('plan'), await plan.invite({ role: 'meelezer' }))
    expect(admitted(reader)).toBe(true)
    await sendAndWait(reader)
    expect(authReasons(reader)).toEqual(['read-only: this invitation lets you read the plan, not change it'])

    const writers = await Promise.all((['eigenaar', 'netwerk'] as const).map(async (role) => session.client(relay, plan.room('plan'), { token: await plan.invite({ role }) })))
    writers[0]!.text.insert(0, 'Samen koken op dinsdag.')
    await waitUntil(() => writers[1]!.text.toString() === 'Samen koken op dinsdag.', 'the query-token clients write together')
  })

  it('takes the subprotocol token before a query token', async () => {
    const relay = await enforcingRelay()
    const reader = await plan.invite({ role: 'meelezer' })
    const both = await session.knock(relay, plan.room('plan'), await plan.invite({ role: 'eigenaar' }), { protocols: syncProtocols(reader) })
    expect(admitted(both)).toBe(true)
    await sendAndWait(both)
    expect(authReasons(both)).toEqual(['read-only: this invitation lets you read the plan, not change it'])
  })

  it('never answers with the token: a client that offers only the token gets no subprotocol and no connection', async () => {
    const relay = await enforcingRelay()
    const token = await plan.invite({ role: 'eigenaar' })
    const socket = await session.knock(relay, plan.room('plan'), undefined, { protocols: [TOKEN_PROTOCOL_PREFIX + token] })
    expect(socket.closeEvent).toBeDefined()
    expect(socket.received).toEqual([])
    expect(socket.ws.protocol).not.toContain(token)
  })

  it('writes no offered token to its log, whether let in or refused', async () => {
    const lines: string[] = []
    const relay = await enforcingRelay({ logger: createLogger('trace', { write: (line: string) => void lines.push(line) }) })
    const tokens = [await plan.invite({ role: 'netwerk' }), await plan.invite({ role: 'professional' })]
    expect(admitted(await offering(relay, plan.room('plan'), tokens[0]))).toBe(true)
    expect(admitted(await offering(relay, plan.room('netwerk'), tokens[1]))).toBe(false)
    expect(admitted(await offering(relay, plan.room('plan'), 'x' + tokens[1]))).toBe(false)
    expect(lines.length).toBeGreaterThan(0)
    for (const token of tokens) expect(lines.join('\n')).not.toContain(token.slice(-40))
  })
})
