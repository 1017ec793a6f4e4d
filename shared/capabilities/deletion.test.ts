import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { createPlanKey, type PlanKey } from '../identity/planKey.ts'
import { issueDeletion, readDeletion, verifyDeletion } from './deletion.ts'
import { issueRevocation } from './revocation.ts'
import { MalformedCapabilityError } from './signed.ts'

const NOW = Date.UTC(2025, 0, 15, 12)
let plan: PlanKey
let otherPlan: PlanKey

beforeAll(async () => {
  plan = await createPlanKey()
  otherPlan = await createPlanKey()
})

describe('deleting a plan', () => {
  it('round-trips a deletion signed by the plan key', async () => {
    const text = await issueDeletion(plan, NOW)
    expect(readDeletion(text)).toEqual({ planId: plan.planId, signedAt: NOW })
    expect(await verifyDeletion(text, plan.planId)).toEqual({ ok: true, deletion: { planId: plan.planId, signedAt: NOW } })
  })

  it('refuses a deletion that is forged, for another plan, or not a deletion', async () => {
    const text = await issueDeletion(plan, NOW)
    const bytes = fromBase64Url(text)
    bytes[bytes.length - 20]! ^= 0x01
    expect(await verifyDeletion(toBase64Url(bytes), plan.planId)).toMatchObject({ ok: false, problem: 'forged' })
    expect(await verifyDeletion(text, otherPlan.planId)).toMatchObject({ ok: false, problem: 'other-plan' })
    expect(await verifyDeletion(await issueRevocation(plan, { issuedBefore: NOW }), plan.planId)).toMatchObject({ ok: false, problem: 'malformed' })
    expect(await verifyDeletion('', plan.planId)).toMatchObject({ ok: false, problem: 'malformed' })
    expect(() => readDeletion(text.slice(0, -2))).toThrow(MalformedCapabilityError)
  })

  it('refuses a deletion whose key is not the plan key', async () => {
    // otherPlan signs a deletion; its own key hashes to its own id, never to this plan's.
    const theirs = await issueDeletion(otherPlan, NOW)
    expect((await verifyDeletion(theirs, plan.planId)).ok).toBe(false)
  })
})
