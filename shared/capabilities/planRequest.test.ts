import { describe, expect, it } from 'vitest'
import { createPlanKey } from '../identity/planKey.ts'
import { importDigest, issuePlanRequest, MAX_REQUEST_LIFETIME_MS, readPlanRequest, verifyPlanRequest } from './planRequest.ts'

describe('signed plan requests (export, import)', () => {
  it('are verified for their plan, within their short life, each with its own nonce', async () => {
    const key = await createPlanKey()
    const now = 1_800_000_000_000
    const text = await issuePlanRequest(key, 'exportRequest', { now })
    const check = await verifyPlanRequest(text, 'exportRequest', key.planId, now + 1000)
    expect(check).toMatchObject({ ok: true, request: { kind: 'exportRequest', planId: key.planId, signedAt: now, expiresAt: now + MAX_REQUEST_LIFETIME_MS } })
    expect(readPlanRequest(await issuePlanRequest(key, 'exportRequest', { now }), 'exportRequest').nonce).not.toBe(readPlanRequest(text, 'exportRequest').nonce)
  })

  it('refuses one signed by another key, for another plan, of another kind, or out of date', async () => {
    const [key, other] = await Promise.all([createPlanKey(), createPlanKey()])
    const now = 1_800_000_000_000
    const text = await issuePlanRequest(key, 'exportRequest', { now })
    expect(await verifyPlanRequest(await issuePlanRequest(other, 'exportRequest', { now }), 'exportRequest', key.planId, now)).toMatchObject({ ok: false, problem: 'other-plan' })
    expect(await verifyPlanRequest(text, 'importRequest', key.planId, now)).toMatchObject({ ok: false, problem: 'malformed' })
    expect(await verifyPlanRequest(text, 'exportRequest', key.planId, now + MAX_REQUEST_LIFETIME_MS + 1)).toMatchObject({ ok: false, problem: 'expired' })
    expect(await verifyPlanRequest(text, 'exportRequest', key.planId, now - 10 * 60_000)).toMatchObject({ ok: false, problem: 'expired' })
    expect(await verifyPlanRequest('nonsense', 'exportRequest', key.planId, now)).toMatchObject({ ok: false, problem: 'malformed' })
  })

  it('binds an import to its content', async () => {
    const key = await createPlanKey()
    const digest = await importDigest({ plan: new Uint8Array([1, 2, 3]) })
    const check = await verifyPlanRequest(await issuePlanRequest(key, 'importRequest', { digest }), 'importRequest', key.planId, Date.now())
    expect(check.ok && [...check.request.digest]).toEqual([...digest])
    expect([...(await importDigest({ plan: new Uint8Array([1, 2, 4]) }))]).not.toEqual([...digest])
  })
})
