import { beforeAll, describe, expect, it } from 'vitest'
import { createPlanKey, type PlanKey } from '../identity/planKey.ts'
import { CloseCode } from '../protocol/closeCodes.ts'
import { roomName } from '../protocol/rooms.ts'
import { DELETED_REASON, refusalKind, refusalReason, REVOKED_REASON } from './refusals.ts'
import { issueToken, verifyToken } from './token.ts'

const NOW = Date.UTC(2025, 0, 15, 12)
let plan: PlanKey
let otherPlan: PlanKey

beforeAll(async () => {
  plan = await createPlanKey()
  otherPlan = await createPlanKey()
})

/** The refusal a real token check gives, read as the app reads a close frame. */
async function kindOf(token: string | null, room: string): Promise<string | undefined> {
  const check = await verifyToken(token, { room, now: NOW })
  if (check.ok) return 'admitted'
  return refusalKind(check.code, check.reason)
}

describe('refusal kinds: what the app tells a person the relay turned away', () => {
  it('reads the refusals of real token checks', async () => {
    const professional = await issueToken(plan, { role: 'professional', issuedAt: NOW })
    const expired = await issueToken(plan, { role: 'netwerk', issuedAt: NOW - 1000, expiresAt: NOW - 1 })
    expect(await kindOf(null, plan.planId)).toBe('invalid')
    expect(await kindOf('not-a-token', plan.planId)).toBe('invalid')
    expect(await kindOf(expired, plan.planId)).toBe('expired')
    expect(await kindOf(professional, roomName(plan.planId, 'netwerk'))).toBe('notForThisRoom')
    expect(await kindOf(professional, otherPlan.planId)).toBe('notForThisRoom')
    expect(await kindOf(professional, plan.planId)).toBe('admitted')
  })

  it('reads the relay-only refusals (revoked, deleted) by their codes', () => {
    expect(refusalKind(CloseCode.forbidden, REVOKED_REASON)).toBe('revoked')
    expect(refusalKind(CloseCode.forbidden, DELETED_REASON)).toBe('deleted')
  })

  it('reads the code, not the sentence: a reworded reason means the same', () => {
    expect(refusalKind(CloseCode.forbidden, refusalReason('revoked', 'Deze uitnodiging is ingetrokken'))).toBe('revoked')
    expect(refusalKind(CloseCode.forbidden, refusalReason('role-may-not-open', 'anything at all'))).toBe('notForThisRoom')
    expect(refusalKind(CloseCode.forbidden, 'unknown-code: something new')).toBe('notForThisRoom')
  })

  it('still reads the reasons of a relay from before the codes', () => {
    expect(refusalKind(CloseCode.forbidden, 'Invitation was revoked')).toBe('revoked')
    expect(refusalKind(CloseCode.forbidden, 'Invitation has expired')).toBe('expired')
    expect(refusalKind(CloseCode.forbidden, 'This plan was deleted')).toBe('deleted')
    expect(refusalKind(CloseCode.unauthorized, 'Malformed invitation token')).toBe('invalid')
  })

  it('does not call other closes a refusal', () => {
    expect(refusalKind(CloseCode.goingAway, '')).toBeUndefined()
    expect(refusalKind(CloseCode.rateLimited, 'Too many messages')).toBeUndefined()
    expect(refusalKind(1006, '')).toBeUndefined()
  })
})
