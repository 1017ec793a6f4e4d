import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { createPlanKey, type PlanKey } from '../identity/planKey.ts'
import { issueDeletion } from './deletion.ts'
import { MalformedCapabilityError } from './signed.ts'
import { issueRevocation, readRevocation, revokes, verifyRevocation } from './revocation.ts'
import { issueToken, readToken } from './token.ts'

const NOW = Date.UTC(2025, 0, 15, 12)
let plan: PlanKey
let otherPlan: PlanKey

beforeAll(async () => {
  plan = await createPlanKey()
  otherPlan = await createPlanKey()
})

describe('revocations', () => {
  it('takes back exactly the one invitation it names', async () => {
    const taken = readToken(await issueToken(plan, { role: 'netwerk' }))
    const kept = readToken(await issueToken(plan, { role: 'netwerk' }))
    const check = await verifyRevocation(await issueRevocation(plan, { tokenId: taken.id }, NOW), plan.planId)
    if (!check.ok) throw new Error(check.reason)
    expect(check.revocation).toMatchObject({ planId: plan.planId, scope: { tokenId: taken.id }, signedAt: NOW })
    expect(revokes(check.revocation, taken)).toBe(true)
    expect(revokes(check.revocation, kept)).toBe(false)
  })

  it('takes back every invitation signed before a moment, and none after', async () => {
    const before = readToken(await issueToken(plan, { role: 'eigenaar', issuedAt: NOW - 1 }))
    const after = readToken(await issueToken(plan, { role: 'eigenaar', issuedAt: NOW }))
    const revocation = readRevocation(await issueRevocation(plan, { issuedBefore: NOW }))
    expect(revokes(revocation, before)).toBe(true)
    expect(revokes(revocation, after)).toBe(false)
  })

  it('never takes back an invitation of another plan', async () => {
    const theirs = readToken(await issueToken(otherPlan, { role: 'netwerk', issuedAt: NOW - 1 }))
    expect(revokes(readRevocation(await issueRevocation(plan, { issuedBefore: NOW })), theirs)).toBe(false)
  })

  it('refuses a revocation that is forged, for another plan, or not a revocation', async () => {
    const text = await issueRevocation(plan, { issuedBefore: NOW })
    const bytes = fromBase64Url(text)
    bytes[bytes.length - 1]! ^= 0x80
    expect(await verifyRevocation(toBase64Url(bytes), plan.planId)).toMatchObject({ ok: false, problem: 'forged' })
    expect(await verifyRevocation(text, otherPlan.planId)).toMatchObject({ ok: false, problem: 'other-plan' })
    expect(await verifyRevocation(await issueDeletion(plan), plan.planId)).toMatchObject({ ok: false, problem: 'malformed' })
    expect(await verifyRevocation(await issueToken(plan, { role: 'netwerk' }), plan.planId)).toMatchObject({ ok: false, problem: 'malformed' })
    expect(() => readRevocation(text + 'A')).toThrow(MalformedCapabilityError)
  })
})

describe('revocations and deletions of the first release', () => {
  it('still verify, and still take back the tokens they named', async () => {
    const { default: fixture } = await import('./fixtures/release1.json', { with: { type: 'json' } })
    const check = await verifyRevocation(fixture.revocationBefore, fixture.key.planId)
    if (!check.ok) throw new Error(check.reason)
    // Signed at the moment the tokens were issued: it takes back tokens issued before, not those.
    expect(revokes(check.revocation, readToken(fixture.tokens.netwerk))).toBe(false)
    const { verifyDeletion } = await import('./deletion.ts')
    expect((await verifyDeletion(fixture.deletion, fixture.key.planId)).ok).toBe(true)
  })
})
