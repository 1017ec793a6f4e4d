import { describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { createPlanKey } from '../identity/planKey.ts'
import { issueAdmission, readAdmission, verifyAdmission } from './admission.ts'
import { issueDeletion } from './deletion.ts'
import { readCapability } from './signed.ts'
import { readToken } from './token.ts'

const NOW = Date.UTC(2026, 2, 1, 9)

async function operator() {
  const key = await createPlanKey()
  return { key, publicKey: toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey))) }
}

describe('plan admissions, signed by a deployment\'s operator', () => {
  it('let in any plan, or only the plan they name, until they expire', async () => {
    const { key, publicKey } = await operator()
    const plan = (await createPlanKey()).planId
    const any = await issueAdmission(key, { issuedAt: NOW, expiresAt: NOW + 1000 })
    expect(await verifyAdmission(any, { operatorKey: publicKey, planId: plan, now: NOW })).toMatchObject({ ok: true, admission: { planId: null, operatorKey: publicKey } })
    expect(await verifyAdmission(any, { operatorKey: publicKey, planId: plan, now: NOW + 1000 })).toMatchObject({ ok: false, problem: 'expired' })

    const named = await issueAdmission(key, { planId: plan, issuedAt: NOW })
    expect((await verifyAdmission(named, { operatorKey: publicKey, planId: plan, now: NOW })).ok).toBe(true)
    expect(await verifyAdmission(named, { operatorKey: publicKey, planId: (await createPlanKey()).planId, now: NOW })).toMatchObject({ ok: false, problem: 'other-plan' })
    // Each has its own id: the relay lets one plan in per admission.
    expect(readAdmission(any).admission.id).not.toBe(readAdmission(named).admission.id)
  })

  it('are refused when another key signed them, when a byte was changed, or when they are no admission', async () => {
    const { publicKey } = await operator()
    const stranger = await operator()
    const plan = (await createPlanKey()).planId
    const theirs = await issueAdmission(stranger.key, { issuedAt: NOW })
    expect(await verifyAdmission(theirs, { operatorKey: publicKey, planId: plan, now: NOW })).toMatchObject({ ok: false, problem: 'forged' })

    const { key } = await operator()
    const mine = await issueAdmission(key, { issuedAt: NOW })
    const operatorKey = readAdmission(mine).admission.operatorKey
    const bytes = fromBase64Url(mine)
    bytes[bytes.length - 70]! ^= 1
    expect(await verifyAdmission(toBase64Url(bytes), { operatorKey, planId: plan, now: NOW })).toMatchObject({ ok: false })

    for (const text of ['', 'hallo', 'A'.repeat(5000), await issueDeletion(await createPlanKey())]) {
      expect(await verifyAdmission(text, { operatorKey, planId: plan, now: NOW })).toMatchObject({ ok: false, problem: 'malformed' })
    }
  })

  it('can never be read as a plan capability, nor a plan capability as an admission', async () => {
    const { key } = await operator()
    const admission = await issueAdmission(key, { issuedAt: NOW })
    expect(() => readToken(admission)).toThrow(/Malformed/)
    expect(() => readCapability(admission, 'deletion', () => null)).toThrow(/Malformed/)
    const deletion = await issueDeletion(await createPlanKey())
    expect(() => readAdmission(deletion)).toThrow(/is not an admission/)
  })
})
