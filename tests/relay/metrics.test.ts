import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ConfigOverrides } from '../../server/config.ts'
import { encodeUpdate } from '../../server/sync/protocol.ts'
import { connectClient, joinRawSocket, openRawSocket, type TestClient } from './support/clients.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { waitUntil } from '../support/wait.ts'

/** One sample of a Prometheus text exposition, e.g. `kring_connections` or `kring_messages_total{direction="in"}`. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

/** What the operator sets as KRING_METRICS_TOKEN in these tests. */
const TOKEN = 'metrics-token-for-tests-only'

async function scrape(relay: TestRelay, token: string | null = TOKEN): Promise<{ status: number; contentType: string | null; body: string }> {
  const response = await fetch(`${relay.url}/metrics`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } })
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() }
}

describe('GET /metrics: what an operator watches', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const relayFor = async (config: ConfigOverrides = { metricsToken: TOKEN }): Promise<TestRelay> => {
    const relay = await startTestRelay({ config: { requireTokens: false, ...config } })
    cleanups.push(() => relay.close())
    return relay
  }
  const client = async (relay: TestRelay, room: string): Promise<TestClient> => {
    const connected = await connectClient(relay.syncUrl, room)
    cleanups.push(() => connected.destroy())
    return connected
  }

  it('counts connections, rooms, messages and bytes both ways, storage writes and refusals by reason', async () => {
    const relay = await relayFor()
    const writer = await client(relay, 'plan-metrics')
    const reader = await client(relay, 'plan-metrics')
    writer.text.insert(0, 'Samen een plan maken')
    await waitUntil(() => reader.text.toString() === 'Samen een plan maken', 'reader has the edit')
    const refused = await openRawSocket(relay.url, '/sync/geen%20geldige%20naam')
    await refused.closed
    // Passed on at once, stored beside that: the commit follows within the durability window.
    const { status, contentType, body } = await waitUntil(
      async () => {
        const scraped = await scrape(relay)
        return (sample(scraped.body, 'kring_storage_write_seconds_count{operation="append",outcome="ok"}') ?? 0) >= 1 && scraped
      },
      'the edit committed to storage',
    )
    expect(status).toBe(200)
    expect(contentType).toMatch(/^text\/plain/)
    expect(sample(body, 'kring_connections')).toBe(2)
    expect(sample(body, 'kring_rooms_open')).toBe(1)
    for (const direction of ['in', 'out']) {
      expect(sample(body, `kring_messages_total{direction="${direction}"}`)).toBeGreaterThan(0)
      expect(sample(body, `kring_message_bytes_total{direction="${direction}"}`)).toBeGreaterThan('Samen een plan maken'.length)
    }
    expect(sample(body, 'kring_connections_refused_total{reason="invalid_room_name"}')).toBe(1)
    expect(body).toContain('process_resident_memory_bytes')
  })

  it('keeps the numbers of two relays in one process apart', async () => {
    const busy = await relayFor()
    const idle = await relayFor()
    await client(busy, 'plan-busy')
    await waitUntil(async () => sample((await scrape(busy)).body, 'kring_connections') === 1, 'busy relay counts its client')
    const idleBody = (await scrape(idle)).body
    expect(sample(idleBody, 'kring_connections')).toBe(0)
    expect(sample(idleBody, 'kring_rooms_open')).toBe(0)
  })

  it('counts a broadcast once per client it reaches, with the bytes that went out', async () => {
    const relay = await relayFor()
    const [sender, receiver] = [await joinRawSocket(relay.url, 'plan-count'), await joinRawSocket(relay.url, 'plan-count')]
    cleanups.push(() => [sender, receiver].forEach((socket) => socket.ws.terminate()))
    const before = (await scrape(relay)).body
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'één keer geteld')
    const received = receiver.received.length
    sender.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
    await waitUntil(() => receiver.received.length > received, 'the other client received the edit')

    const after = (await scrape(relay)).body
    // A series prom-client has not shown yet counts as 0.
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0)
    expect(delta('kring_messages_total{direction="out"}')).toBe(1)
    expect(delta('kring_message_bytes_total{direction="out"}')).toBe(receiver.received.at(-1)!.byteLength)
    expect(delta('kring_messages_total{direction="in"}')).toBe(1)
  })

  it('is served on the app\'s port only with the operator\'s bearer token, and not at all without one', async () => {
    const relay = await relayFor()
    expect((await scrape(relay, null)).status).toBe(401)
    const wrong = await scrape(relay, 'metrics-token-for-tests-onlY')
    expect(wrong.status).toBe(401)
    expect(wrong.body).not.toContain('nodejs_')
    expect((await scrape(relay)).status).toBe(200)
    expect(sample((await scrape(relay)).body, 'kring_http_requests_refused_total{reason="metrics_unauthorized"}')).toBe(2)

    const closed = await relayFor({})
    const answer = await scrape(closed)
    expect(answer.status).toBe(404)
    expect(answer.body).not.toContain('nodejs_')
  })

  it("collects Node's own figures only where /metrics is served, so an idle relay nobody watches does not wake to sample its event loop", async () => {
    const watched = await relayFor()
    expect((await scrape(watched)).body).toContain('nodejs_eventloop_lag_p99_seconds')
    const unwatched = await relayFor({})
    expect(await unwatched.relay.metrics.registry.metrics()).not.toContain('nodejs_')
    // Its own figures are there all the same.
    expect(await unwatched.relay.metrics.registry.metrics()).toContain('kring_connections 0')
  })

  it('is served on a port of its own (KRING_METRICS_PORT), and then not on the app\'s port', async () => {
    const relay = await relayFor({ metricsPort: 0 })
    expect(relay.relay.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(relay.relay.metricsUrl).not.toBe(relay.url)
    const response = await fetch(`${relay.relay.metricsUrl}/metrics`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('kring_connections 0')
    expect((await fetch(`${relay.relay.metricsUrl}/healthz`)).status).toBe(404)
    expect((await scrape(relay)).status).toBe(404)
  })
})
