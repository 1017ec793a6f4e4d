import { describe, expect, it } from 'vitest'
import { createPlanKey, createSuccessorKey } from '../identity/planKey.ts'
import { verifyAccessRecords } from './accessRecords.ts'
import { issueHandover } from './handover.ts'
import { issueRegistration } from './registration.ts'
import { issueRevocation } from './revocation.ts'
import { issueToken, readToken } from './token.ts'

describe('what a member reads back of the relay\'s records', () => {
  it('keeps only what the plan\'s keys signed, marks what was taken back, and names who manages the plan', async () => {
    const plan = await createPlanKey()
    const stranger = await createPlanKey()
    const ans = readToken(await issueToken(plan, { role: 'eigenaar', person: 'ans' }))
    const bram = readToken(await issueToken(plan, { role: 'netwerk', person: 'bram' }))
    const forged = readToken(await issueToken(stranger, { role: 'eigenaar', person: 'mallory' }))
    const records = {
      planId: plan.planId,
      handovers: [],
      invitations: [await issueRegistration(plan, ans), await issueRegistration(plan, bram), await issueRegistration(stranger, forged), 'rommel'],
      revocations: [await issueRevocation(plan, { tokenId: bram.id }), await issueRevocation(stranger, { tokenId: ans.id })],
    }
    const access = await verifyAccessRecords(plan.planId, records)
    expect(access.invitations.map((i) => [i.person, i.revokedBy !== null])).toEqual([['ans', false], ['bram', true]])
    expect(access.managers).toEqual(['ans'])
    expect(access.handedOverAt).toBeNull()
  })

  it('after a handover names the new holder and no longer the old key\'s eigenaar', async () => {
    const professional = await createPlanKey()
    const own = readToken(await issueToken(professional, { role: 'eigenaar', person: 'wijkcoach' }))
    const successor = await createSuccessorKey(professional.planId)
    const handover = await issueHandover(professional, new Uint8Array(await crypto.subtle.exportKey('raw', successor.publicKey)), { toPerson: 'ans', signedAt: 1_700_000_000_000 })
    const access = await verifyAccessRecords(professional.planId, { planId: professional.planId, handovers: [handover], invitations: [await issueRegistration(professional, own)], revocations: [] })
    expect(access.managers).toEqual(['ans'])
    expect(access.handedOverAt).toBe(1_700_000_000_000)
    expect(access.invitations[0]).toMatchObject({ person: 'wijkcoach', byCurrentKey: false })
  })
})
