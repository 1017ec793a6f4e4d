import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { issueRevocation, readRevocation, type Revocation } from '../../shared/capabilities/revocation.ts'
import { issueToken, readToken, type InvitationToken } from '../../shared/capabilities/token.ts'
import { createPlanKey, type PlanKey } from '../../shared/identity/planKey.ts'
import { LiveConnections, REMEMBERED_MS, type LivePeer } from './liveConnections.ts'

let key: PlanKey
let PLAN: string
let piet: InvitationToken
let ans: InvitationToken
let pietRevoked: Revocation

beforeAll(async () => {
  key = await createPlanKey()
  PLAN = key.planId
  piet = readToken(await issueToken(key, { role: 'netwerk', name: 'Piet' }))
  ans = readToken(await issueToken(key, { role: 'netwerk', name: 'Ans' }))
  pietRevoked = readRevocation(await issueRevocation(key, { tokenId: piet.id }))
})

function peer(): LivePeer & { refusals: string[] } {
  const refusals: string[] = []
  return { refusals, refuse: (_code, reason) => refusals.push(reason) }
}


describe('live connections', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('remembers a revocation once however often it is applied again (a recheck after each Redis gap), and forgets it once storage answers for it', () => {
    const live = new LiveConnections()
    for (let recheck = 0; recheck < 100; recheck++) live.revoke(pietRevoked)
    expect(live.remembered).toBe(1)

    // Admitted just before the revocation (its storage check came first): refused as it is added.
    const late = peer()
    live.add(PLAN, piet, late, Date.now())
    expect(late.refusals).toHaveLength(1)

    vi.advanceTimersByTime(REMEMBERED_MS + 1)
    expect(live.remembered).toBe(0)
  })

  it('closes the connections a revocation covers and keeps the others', () => {
    const live = new LiveConnections()
    const [pietsPhone, ansPhone] = [peer(), peer()]
    live.add(PLAN, piet, pietsPhone, Date.now())
    live.add(PLAN, ans, ansPhone, Date.now())
    expect(live.revoke(pietRevoked)).toBe(1)
    expect(pietsPhone.refusals).toHaveLength(1)
    expect(ansPhone.refusals).toHaveLength(0)
  })
})
