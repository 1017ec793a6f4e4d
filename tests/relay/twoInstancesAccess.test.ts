import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { issueDeletion } from '../../shared/capabilities/deletion.ts'
import { issueRevocation } from '../../shared/capabilities/revocation.ts'
import { readToken } from '../../shared/capabilities/token.ts'
import { needPostgres, needRedis } from '../support/services.ts'
import { startSharedRelays, type SharedRelays } from '../support/sharedRelays.ts'
import { startTcpProxy } from '../support/tcpProxy.ts'
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
})
