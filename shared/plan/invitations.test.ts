import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createPlanKey } from '../identity/planKey.ts'
import { issueToken, readToken } from '../capabilities/token.ts'
import { invitationStatus } from './invitations.ts'
import { Plan } from './index.ts'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

const DAY = 24 * 60 * 60 * 1000

/** A real token, as the household's device makes it, and the plan it is recorded in. */
async function invited(name: string, role: 'netwerk' | 'meelezer' = 'netwerk') {
  const key = await createPlanKey()
  const token = await issueToken(key, { role, name, issuedAt: Date.UTC(2025, 0, 1) })
  const doc = new Y.Doc()
  const plan = Plan.create(doc, { planId: key.planId, householdName: 'Familie Jansen' })
  return { token, read: readToken(token), doc, plan }
}

describe('plan.invitations: who can read and write along', () => {
  it('records what was given (name, role, room, since, expiry) under the token id, and never the token', async () => {
    const { token, read, doc, plan } = await invited('Tante Ria')
    plan.invitations.record(read, 'ans')
    expect(plan.invitations.list()).toEqual([
      expect.objectContaining({
        id: read.id,
        name: 'Tante Ria',
        role: 'netwerk',
        room: 'netwerk',
        issuedAt: Date.UTC(2025, 0, 1),
        expiresAt: Date.UTC(2025, 0, 1) + 90 * DAY,
        revokedAt: null,
        createdBy: 'ans',
      }),
    ])
    // Neither the token nor its signature (what makes it usable) is anywhere in what the plan stores or sends.
    const stored = new TextDecoder().decode(Y.encodeStateAsUpdate(doc))
    expect(stored).toContain('Tante Ria')
    expect(stored).not.toContain(token)
    expect(stored).not.toContain(token.slice(-40))
  })

  it('is visible on every device in the plan, and recording the same invitation twice keeps one', async () => {
    const { read, doc, plan } = await invited('Bram')
    const other = new Y.Doc()
    const otherPlan = Plan.open(other)
    plan.invitations.record(read, 'ans')
    plan.invitations.record(read, 'ans')
    sync(doc, other)
    expect(otherPlan.invitations.list().map((i) => i.name)).toEqual(['Bram'])
  })

  it('takes an invitation back once: revoking first, revoked once the relay confirmed', async () => {
    const { read, plan } = await invited('Bram')
    plan.invitations.record(read, 'ans')
    const now = Date.UTC(2025, 1, 1)
    expect(invitationStatus(plan.invitations.get(read.id)!, now)).toBe('active')

    expect(plan.invitations.revoke(read.id, 'ans', now)).toBe(true)
    expect(plan.invitations.revoke(read.id, 'piet', now + 5)).toBe(false)
    expect(plan.invitations.get(read.id)).toMatchObject({ revokedAt: now, revokedBy: 'ans', revocationConfirmedAt: null })
    expect(invitationStatus(plan.invitations.get(read.id)!, now)).toBe('revoking')

    plan.invitations.confirmRevocation(read.id, now + 1000, 'ans')
    plan.invitations.confirmRevocation(read.id, now + 9000, 'ans')
    expect(plan.invitations.get(read.id)).toMatchObject({ revokedAt: now, revocationConfirmedAt: now + 1000 })
    expect(invitationStatus(plan.invitations.get(read.id)!, now)).toBe('revoked')
  })

  it('says an invitation past its expiry has expired, unless it was taken back', async () => {
    const { read, plan } = await invited('Gast', 'meelezer')
    plan.invitations.record(read, 'ans')
    const invitation = plan.invitations.get(read.id)!
    expect(invitationStatus(invitation, invitation.expiresAt! - 1)).toBe('active')
    expect(invitationStatus(invitation, invitation.expiresAt!)).toBe('expired')
    expect(invitationStatus({ ...invitation, expiresAt: null }, Date.UTC(2100, 0, 1))).toBe('active')
  })

  it('keeps a revocation made on one eigenaar device while another is offline', async () => {
    const { read, doc, plan } = await invited('Bram')
    plan.invitations.record(read, 'ans')
    const second = new Y.Doc()
    const secondPlan = Plan.open(second)
    sync(doc, second)
    plan.invitations.revoke(read.id, 'ans', 100)
    secondPlan.invitations.revoke(read.id, 'piet', 200)
    sync(doc, second)
    const merged = plan.invitations.get(read.id)!
    expect(secondPlan.invitations.get(read.id)).toEqual(merged)
    expect(merged.revokedAt).not.toBeNull()
    expect(invitationStatus(merged, 300)).toBe('revoking')
  })
})
