import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { issueDeletion } from '../../shared/capabilities/deletion.ts'
import { issueRevocation } from '../../shared/capabilities/revocation.ts'
import { readToken } from '../../shared/capabilities/token.ts'
import { needPostgres, needRedis } from '../support/services.ts'
import { startSharedRelays, type SharedRelays } from '../support/sharedRelays.ts'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts'
import { waitUntil } from '../support/wait.ts'
import { ACCESS_UNCHECKED_REASON } from '../../server/access/accessRecheck.ts'
import { refusalOf, type RawSocket } from './support/clients.ts'
import { knock, newTestPlan, type TestPlan } from './support/invitations.ts'

const databaseUrl = await needPostgres()
const redisUrl = await needRedis()

/**
 * Taking access back works whichever instance hears of it: a household's
 * revocation or deletion reaches one relay instance (through the load
 * balancer), while the person it concerns may be connected to another.
 */
describe.skipIf(!databaseUrl || !redisUrl)('revocation and deletion across relay instances', () => {
  let plan: TestPlan
  const cleanups: (() => unknown)[] = []
  beforeAll(async () => {
    plan = await newTestPlan()
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const cluster = async (redis = redisUrl!): Promise<SharedRelays> => {
    const shared = await startSharedRelays(2, { databaseUrl: databaseUrl!, redisUrl: redis }, { requireTokens: true })
    cleanups.push(() => shared.dispose())
    return shared
  }
  const connect = async (url: string, room: string, token: string): Promise<RawSocket> => {
    const socket = await knock(url, room, token)
    cleanups.push(() => socket.ws.terminate())
    expect(socket.closeEvent).toBeUndefined()
    return socket
  }

  it('a revocation sent to one instance closes the revoked connection on the other', async () => {
    const { relays } = await cluster()
    const token = await plan.invite({ room: 'plan', role: 'netwerk', name: 'Buurman Piet' })
    const other = await plan.invite({ room: 'plan', role: 'netwerk', name: 'Tante Ans' })
    const piet = await connect(relays[1]!.url, plan.room('plan'), token)
    const ans = await connect(relays[1]!.url, plan.room('plan'), other)

    const response = await fetch(`${relays[0]!.url}/plans/${plan.planId}/revocations`, {
      method: 'POST',
      body: await issueRevocation(plan.key, { tokenId: readToken(token).id }),
    })
    expect(response.status).toBe(200)
    expect(refusalOf(await piet.closed)).toEqual({ code: 4403, refusal: 'revoked' })
    expect(ans.closeEvent).toBeUndefined()
  })

  it('a deletion sent to one instance closes every connection to the plan on the other', async () => {
    const deleted = await newTestPlan()
    const { relays } = await cluster()
    const token = await deleted.invite({ room: 'plan', role: 'netwerk', name: 'Buurman Piet' })
    const piet = await connect(relays[1]!.url, deleted.room('plan'), token)

    const response = await fetch(`${relays[0]!.url}/plans/${deleted.planId}/deletion`, { method: 'POST', body: await issueDeletion(deleted.key) })
    expect(response.status).toBe(200)
    expect((await piet.closed).code).toBe(4403)
    expect((await knock(relays[1]!.url, deleted.room('plan'), token)).closeEvent?.code).toBe(4403)
  })

  it('a revocation made while Redis was away still closes the connection on the other instance once Redis is back', async () => {
    const target = new URL(redisUrl!)
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) })
    cleanups.push(() => proxy.close())
    const { relays } = await cluster(`redis://127.0.0.1:${proxy.port}`)
    const token = await plan.invite({ room: 'plan', role: 'netwerk', name: 'Buurman Piet' })
    const piet = await connect(relays[1]!.url, plan.room('plan'), token)

    proxy.cut()
    const response = await fetch(`${relays[0]!.url}/plans/${plan.planId}/revocations`, {
      method: 'POST',
      body: await issueRevocation(plan.key, { tokenId: readToken(token).id }),
    })
    expect(response.status).toBe(200)
    proxy.restore()
    expect(refusalOf(await piet.closed)).toEqual({ code: 4403, refusal: 'revoked' })
  })

  it('a revocation and a deletion sent to one instance while Redis is away take effect on the other within the recheck interval, Redis still away', async () => {
    const redisProxy = await proxyTo(redisUrl!, 6379)
    cleanups.push(() => redisProxy.close())
    const shared = await startSharedRelays(1, { databaseUrl: databaseUrl!, redisUrl: redisUrl! }, { requireTokens: true, limits: { accessRecheckMs: 300 } })
    cleanups.push(() => shared.dispose())
    const b = await shared.add({ redisUrl: through(redisProxy, redisUrl!) })
    const [a] = shared.relays
    const deleted = await newTestPlan()
    const token = await plan.invite({ room: 'plan', role: 'netwerk', name: 'Buurman Piet' })
    const other = await plan.invite({ room: 'plan', role: 'netwerk', name: 'Tante Ans' })
    const piet = await connect(b.url, plan.room('plan'), token)
    const ans = await connect(b.url, plan.room('plan'), other)
    const inDeleted = await connect(b.url, deleted.room('plan'), await deleted.invite({ role: 'eigenaar' }))

    redisProxy.cut()
    await waitUntil(async () => !(await (await fetch(`${b.url}/healthz`)).json()).fanOutOk, 'b reports Redis away')
    const revoked = await fetch(`${a!.url}/plans/${plan.planId}/revocations`, { method: 'POST', body: await issueRevocation(plan.key, { tokenId: readToken(token).id }) })
    expect(revoked.status).toBe(200)
    expect((await fetch(`${a!.url}/plans/${deleted.planId}/deletion`, { method: 'POST', body: await issueDeletion(deleted.key) })).status).toBe(200)

    expect(refusalOf(await piet.closed)).toEqual({ code: 4403, refusal: 'revoked' })
    expect(refusalOf(await inDeleted.closed)).toEqual({ code: 4403, refusal: 'deleted' })
    // Redis is still away, and b keeps serving everyone else.
    expect(redisProxy.isOpen).toBe(false)
    expect(ans.closeEvent).toBeUndefined()
  })

  it('an instance that cannot reach Redis, nor check access against storage, for longer than the limit closes its rooms (1013) until it can', async () => {
    const redisProxy = await proxyTo(redisUrl!, 6379)
    const postgresProxy = await proxyTo(databaseUrl!, 5432)
    cleanups.push(() => redisProxy.close(), () => postgresProxy.close())
    /** Whether b lets a new connection in now (it answers 1013 while it cannot check access). */
    const lets = async (): Promise<boolean | number> => {
      const socket = await knock(b.url, plan.room('plan'), token)
      socket.ws.terminate()
      return socket.closeEvent === undefined ? true : socket.closeEvent.code
    }
    const shared = await startSharedRelays(0, { databaseUrl: databaseUrl!, redisUrl: redisUrl! }, { requireTokens: true, limits: { accessRecheckMs: 200, redisOutageLimitMs: 1_000 } })
    cleanups.push(() => shared.dispose())
    const b = await shared.add({ redisUrl: through(redisProxy, redisUrl!), databaseUrl: through(postgresProxy, databaseUrl!) })
    const token = await plan.invite({ room: 'plan', role: 'netwerk', name: 'Buurman Piet' })
    const reader = await connect(b.url, plan.room('plan'), token)

    // Redis alone away: the recheck against storage still works, so b keeps serving.
    redisProxy.cut()
    await waitUntil(async () => !(await (await fetch(`${b.url}/healthz`)).json()).fanOutOk, 'b reports Redis away')
    expect(await lets()).toBe(true)

    postgresProxy.cut()
    expect(await reader.closed).toEqual({ code: 1013, reason: ACCESS_UNCHECKED_REASON })
    expect(await lets()).toBe(1013)

    postgresProxy.restore()
    await waitUntil(async () => (await lets()) === true, 'b serves again once it can check access against storage')
  })
})

/** A proxy in front of a service, to cut it away. */
function proxyTo(url: string, defaultPort: number): Promise<TcpProxy> {
  const target = new URL(url)
  return startTcpProxy({ host: target.hostname, port: Number(target.port || defaultPort) })
}

/** `url` with its host and port replaced by the proxy's. */
function through(proxy: TcpProxy, url: string): string {
  const proxied = new URL(url)
  proxied.hostname = '127.0.0.1'
  proxied.port = String(proxy.port)
  return proxied.toString()
}
