import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { createPlanKey, type PlanKey } from '../identity/planKey.ts'
import { issueRegistration, readRegistration, verifyRegistration } from './registration.ts'
import { issueToken, readToken, verifyToken } from './token.ts'

let plan: PlanKey
let other: PlanKey

beforeAll(async () => {
  plan = await createPlanKey()
  other = await createPlanKey()
})

describe('registering an invitation with the relay', () => {
  it('records what the invitation says (person, role, room, expiry, name, id), never the token itself', async () => {
    const token = await issueToken(plan, { role: 'netwerk', name: 'Bram', person: 'bram-id', expiresAt: Date.UTC(2026, 0, 1) })
    const invitation = readToken(token)
    const text = await issueRegistration(plan, invitation)
    const check = await verifyRegistration(text, plan.planId)
    if (!check.ok) throw new Error(check.reason)
    const { publicKey: _a, text: _t, ...fields } = check.registration
    const { publicKey: _b, ...expected } = invitation
    expect(fields).toEqual(expected)
    expect(readRegistration(text).person).toBe('bram-id')
    // Whoever reads the list cannot get in with it: as a token it is refused.
    expect(await verifyToken(text, { room: plan.planId, now: Date.now() })).toMatchObject({ ok: false, code: 4401 })
    // Nor does swapping the kind byte turn it into a token: the signature covers the kind.
    const bytes = fromBase64Url(text)
    bytes[1] = 6
    expect(await verifyToken(toBase64Url(bytes), { room: plan.planId, now: Date.now() })).toMatchObject({ ok: false, code: 4401 })
  })

  it('is taken only from the plan key and for its own plan', async () => {
    const invitation = readToken(await issueToken(plan, { role: 'meelezer' }))
    await expect(issueRegistration(other, invitation)).rejects.toThrow(RangeError)
    expect(await verifyRegistration(await issueRegistration(plan, invitation), other.planId)).toMatchObject({ ok: false, problem: 'other-plan' })
    expect(await verifyRegistration('rommel', plan.planId)).toMatchObject({ ok: false, problem: 'malformed' })
  })
})
