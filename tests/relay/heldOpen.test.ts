import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { TOO_MANY_CONNECTIONS } from '../../server/http/clientGate.ts'
import { waitUntil } from '../support/wait.ts'
import type { RawSocket } from './support/clients.ts'
import { knock } from './support/invitations.ts'
import { OTHER_ADDRESS, requestFrom, tcpFrom, webSocketFrom } from './support/fromAddress.ts'
import { relaySession } from './support/session.ts'

/**
 * Finding 4 of issue 16: about 20,000 idle POST bodies took every file
 * descriptor, and /healthz and websockets failed for 40 s; /plans had no
 * rate limit. Here the same attack, bounded, from 127.0.0.1, while
 * 127.0.0.2 plays another household.
 */
describe('HTTP that cannot be held open', () => {
  const session = relaySession()

  /** A stock y-websocket client from `address`, synced. */
  async function householdFrom(syncUrl: string, room: string, address: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl, room, doc, {
      WebSocketPolyfill: webSocketFrom(address) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
    })
    await waitUntil(() => provider.synced, `a client from ${address} synced`)
    return { doc, provider }
  }

  it('slow bodies and slow headers from one address: at most its share is held, the rest is turned away, all are cut by the timeouts, and another address is served throughout', async () => {
    const relay = await session.relay({
      config: { limits: { maxConnectionsPerAddress: 40, httpHeadersTimeoutMs: 1_000, httpRequestTimeoutMs: 2_000, maxPlanRequestsPerMinute: 100_000, planRequestBurst: 100_000 } },
    })
    const attackers = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const attacker = await tcpFrom('127.0.0.1', relay.url)
        // Half send a POST whose body never finishes, half headers that never finish.
        attacker.socket.write(
          index % 2 === 0
            ? 'POST /plans/abcdefghijklmnopqrstuv/revocations HTTP/1.1\r\nHost: kring\r\nContent-Length: 1000\r\n\r\nAAAA'
            : 'GET /healthz HTTP/1.1\r\nHost: kring\r\nX-Slow: ',
        )
        return attacker
      }),
    )
    // Everything past the address's share is told so (429) or cut; at most 40 are still held by the relay.
    await waitUntil(() => attackers.filter((attacker) => !attacker.isClosed() && !attacker.received().startsWith('HTTP/1.1 429')).length <= 40, 'connections past the share turned away')
    expect(attackers.some((attacker) => attacker.received().startsWith('HTTP/1.1 429'))).toBe(true)

    // Another household is served meanwhile: /healthz, and a plan edited live.
    const health = await requestFrom(OTHER_ADDRESS, `${relay.url}/healthz`)
    expect(health.status).toBe(200)
    const [writer, reader] = [await householdFrom(relay.syncUrl, 'plan-held-open', OTHER_ADDRESS), await householdFrom(relay.syncUrl, 'plan-held-open', OTHER_ADDRESS)]
    writer.doc.getText('t').insert(0, 'gewoon doorwerken')
    await waitUntil(() => reader.doc.getText('t').toString() === 'gewoon doorwerken', 'the other household exchanges an edit')
    for (const { provider, doc } of [writer, reader]) {
      provider.destroy()
      doc.destroy()
    }

    // The timeouts cut every one of them; then the address is welcome again.
    await waitUntil(() => attackers.every((attacker) => attacker.isClosed()), 'the relay cut every slow request')
    const slowBodies = attackers.filter((_, index) => index % 2 === 0 && !_.received().startsWith('HTTP/1.1 429'))
    expect(slowBodies.every((attacker) => attacker.received() === '' || attacker.received().startsWith('HTTP/1.1 408'))).toBe(true)
    const again = await session.raw(relay, 'plan-held-open')
    expect(again.closeEvent).toBeUndefined()
  })

  it('an address with its maximum of websockets open is refused the next with 4429, another address is not, and one closed makes room', async () => {
    const relay = await session.relay({ config: { limits: { maxConnectionsPerAddress: 5 } } })
    const mine: RawSocket[] = []
    for (let i = 0; i < 5; i++) mine.push(await session.raw(relay, `plan-${i}`))
    expect(mine.every((socket) => socket.closeEvent === undefined)).toBe(true)

    const sixth = await session.rawPath(relay, '/sync/plan-six')
    expect(await sixth.closed).toEqual({ code: CloseCode.rateLimited, reason: TOO_MANY_CONNECTIONS })

    const neighbour = new WebSocket(`${relay.syncUrl}/plan-six`, { localAddress: OTHER_ADDRESS })
    const neighbourAnswered = await new Promise<'admitted' | number>((resolve) => {
      neighbour.once('message', () => resolve('admitted'))
      neighbour.once('close', (code) => resolve(code))
    })
    neighbour.terminate()
    expect(neighbourAnswered).toBe('admitted')

    mine[0]!.ws.close()
    await mine[0]!.closed
    await waitUntil(async () => {
      const attempt = await knock(relay.url, 'plan-six', undefined)
      attempt.ws.terminate()
      return attempt.closeEvent === undefined
    }, 'a place freed by a closed websocket is given to the next')
  })

  it('behind a trusted proxy, the last address of its header counts: a client cannot escape by claiming another', async () => {
    const relay = await session.relay({ config: { clientAddressHeader: 'x-forwarded-for', limits: { maxConnectionsPerAddress: 2 } } })
    const from = async (forwardedFor: string): Promise<number | 'admitted'> => {
      const ws = new WebSocket(`${relay.syncUrl}/plan-proxied`, { headers: { 'x-forwarded-for': forwardedFor } })
      const answer = await new Promise<'admitted' | number>((resolve) => {
        ws.once('message', () => resolve('admitted'))
        ws.once('close', (code) => resolve(code))
      })
      if (answer !== 'admitted') ws.terminate()
      return answer
    }
    expect(await from('203.0.113.7')).toBe('admitted')
    expect(await from('198.51.100.1, 203.0.113.7')).toBe('admitted')
    expect(await from('203.0.113.8, 203.0.113.7')).toBe(CloseCode.rateLimited)
    expect(await from('203.0.113.8')).toBe('admitted')
  })

  it('/plans/* is rate limited per address (429 with Retry-After); another address is still answered', async () => {
    const relay = await session.relay({ config: { limits: { maxPlanRequestsPerMinute: 6, planRequestBurst: 3 } } })
    const post = (address: string) => requestFrom(address, `${relay.url}/plans/abcdefghijklmnopqrstuv/revocations`, { method: 'POST', body: 'not a revocation' })
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await post('127.0.0.1')).status)
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400])
    expect(statuses.slice(3).every((status) => status === 429)).toBe(true)
    const limited = await post('127.0.0.1')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(JSON.parse(limited.text)).toMatchObject({ code: 'rate-limited' })
    expect((await post(OTHER_ADDRESS)).status).toBe(400)
  })

  it('a body is refused (413) where none is taken, and a body said to be longer than an endpoint takes before it is read', async () => {
    const relay = await session.relay({})
    expect((await requestFrom('127.0.0.1', `${relay.url}/healthz`, { method: 'POST', body: 'x'.repeat(10_000) })).status).toBe(413)
    // Says 100 MB and sends nothing: the answer comes without waiting for the body.
    const huge = await tcpFrom('127.0.0.1', relay.url)
    huge.socket.write('POST /plans/abcdefghijklmnopqrstuv/deletion HTTP/1.1\r\nHost: kring\r\nContent-Length: 100000000\r\n\r\n')
    await waitUntil(() => huge.received().startsWith('HTTP/1.1 413'), 'the relay refuses the body it was told of')
    expect(huge.received()).toContain('"code":"too-large"')
    huge.socket.destroy()
  })
})
