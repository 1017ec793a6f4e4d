import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { createPlanKey, signWithPlanKey, type ExportedPlanKey, type PlanKey } from '../identity/planKey.ts'
import fixture from './fixtures/release1.json' with { type: 'json' }
import type { Role } from '../protocol/roles.ts'
import { roomName, type RoomKind } from '../protocol/rooms.ts'
import { issueRevocation } from './revocation.ts'
import { unsignedInvitation } from '../../tests/support/forgery.ts'
import { encodeSigned, MalformedCapabilityError } from './signed.ts'
import { DEFAULT_INVITATION_LIFETIME_MS, issueToken, MAX_CLOCK_SKEW_MS, readToken, verifyToken } from './token.ts'

const NOW = Date.UTC(2025, 0, 15, 12)

/** Capabilities the first release wrote (fixtures/release1.json, never regenerated). */
function release1(): { key: ExportedPlanKey; tokens: Record<'eigenaar' | 'netwerk' | 'professional' | 'meelezer', string>; revocationBefore: string; deletion: string } {
  return fixture
}
let plan: PlanKey
let otherPlan: PlanKey

beforeAll(async () => {
  plan = await createPlanKey()
  otherPlan = await createPlanKey()
})

describe('invitation tokens', () => {
  it('round-trips every field and fits comfortably in a link and a QR code', async () => {
    const text = await issueToken(plan, { role: 'netwerk', name: 'Oma Riet', issuedAt: NOW, expiresAt: NOW + 1000 })
    const token = readToken(text)
    expect(token).toMatchObject({ planId: plan.planId, room: 'netwerk', role: 'netwerk', name: 'Oma Riet', issuedAt: NOW, expiresAt: NOW + 1000 })
    expect(token.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(text.length).toBeLessThan(300)
    const check = await verifyToken(text, { room: roomName(plan.planId, 'netwerk'), now: NOW })
    expect(check).toEqual({ ok: true, token, access: 'write', keyIndex: 0 })
  })

  it('names the person it is for, or says it is a link for several people', async () => {
    const forBram = readToken(await issueToken(plan, { role: 'netwerk', name: 'Bram', person: 'bram-id_1' }))
    expect(forBram).toMatchObject({ person: 'bram-id_1', guests: false, name: 'Bram' })
    const guestLink = readToken(await issueToken(plan, { role: 'netwerk', guests: true }))
    expect(guestLink).toMatchObject({ person: null, guests: true })
    const unnamed = readToken(await issueToken(plan, { role: 'eigenaar' }))
    expect(unnamed).toMatchObject({ person: null, guests: false })
    await expect(issueToken(plan, { role: 'netwerk', person: 'x', guests: true })).rejects.toThrow(/not both/)
    await expect(issueToken(plan, { role: 'netwerk', person: 'met spatie' })).rejects.toThrow(RangeError)
    await expect(issueToken(plan, { role: 'netwerk', person: 'x'.repeat(65) })).rejects.toThrow(/at most 64/)
  })

  it('refuses a person id changed under the original signature', async () => {
    const text = await issueToken(plan, { role: 'netwerk', person: 'bram', issuedAt: NOW })
    const signature = fromBase64Url(text).slice(-64)
    for (const change of [{ person: 'ans', guests: false }, { person: null, guests: true }, { person: null, guests: false }]) {
      const forged = encodeSigned(unsignedInvitation({ ...readToken(text), ...change }), signature)
      expect((await verifyToken(forged, { room: roomName(plan.planId, 'netwerk'), now: NOW })).ok).toBe(false)
    }
  })

  it('gives each invitation its own id', async () => {
    const a = readToken(await issueToken(plan, { role: 'meelezer' }))
    const b = readToken(await issueToken(plan, { role: 'meelezer' }))
    expect(a.id).not.toBe(b.id)
  })

  it('lasts forever for an eigenaar and 90 days for anyone else, unless chosen otherwise', async () => {
    expect(readToken(await issueToken(plan, { role: 'eigenaar', issuedAt: NOW })).expiresAt).toBeNull()
    for (const role of ['netwerk', 'professional', 'meelezer'] as const) {
      expect(readToken(await issueToken(plan, { role, issuedAt: NOW })).expiresAt).toBe(NOW + DEFAULT_INVITATION_LIFETIME_MS)
    }
    expect(readToken(await issueToken(plan, { role: 'netwerk', issuedAt: NOW, expiresAt: null })).expiresAt).toBeNull()
  })

  it('refuses to issue what no relay would accept', async () => {
    await expect(issueToken(plan, { role: 'professional', room: 'netwerk' })).rejects.toThrow(/professional may not open the netwerk room/)
    await expect(issueToken(plan, { role: 'netwerk', name: 'x'.repeat(101) })).rejects.toThrow(/at most 100/)
  })

  it('stops working at its expiry', async () => {
    const text = await issueToken(plan, { role: 'professional', issuedAt: NOW, expiresAt: NOW + 60_000 })
    const room = roomName(plan.planId, 'plan')
    expect((await verifyToken(text, { room, now: NOW + 59_999 })).ok).toBe(true)
    expect(await verifyToken(text, { room, now: NOW + 60_000 })).toMatchObject({ ok: false, code: 4403, refusal: 'expired' })
  })

  it('is refused while it is dated further in the future than clocks differ, and taken once its time has come', async () => {
    const text = await issueToken(plan, { role: 'netwerk', issuedAt: NOW + MAX_CLOCK_SKEW_MS + 1 })
    const room = roomName(plan.planId, 'plan')
    expect(await verifyToken(text, { room, now: NOW })).toMatchObject({ ok: false, code: 4403, refusal: 'not-yet-valid' })
    expect((await verifyToken(text, { room, now: NOW + 1 })).ok).toBe(true)
    expect(await verifyToken(text, { room, now: NOW + 1, maxClockSkewMs: 0 })).toMatchObject({ ok: false, refusal: 'not-yet-valid' })
  })
})

describe('tokens of the first release (kind 1, naming nobody)', () => {
  it('stay readable and valid, and read as naming nobody', async () => {
    const fixture = release1()
    const room = (kind: RoomKind) => roomName(fixture.key.planId, kind)
    // Checked at the moment they were made, so their lifetime never runs out in this test.
    const madeAt = (text: string) => readToken(text).issuedAt
    for (const [role, text] of Object.entries(fixture.tokens)) {
      expect(readToken(text)).toMatchObject({ planId: fixture.key.planId, role, person: null, guests: false })
      const check = await verifyToken(text, { room: room('plan'), now: madeAt(text) })
      expect(check, role).toMatchObject({ ok: true, keyIndex: 0 })
    }
    expect((await verifyToken(fixture.tokens.netwerk, { room: room('netwerk'), now: madeAt(fixture.tokens.netwerk) })).ok).toBe(true)
    expect((await verifyToken(fixture.tokens.netwerk, { room: room('huishouden'), now: madeAt(fixture.tokens.netwerk) })).ok).toBe(false)
    expect(readToken(fixture.tokens.netwerk).name).toBe('Oma Riet')
  })

  it('are written no more: this release signs addressed invitations only', async () => {
    const text = await issueToken(plan, { role: 'netwerk' })
    expect(fromBase64Url(text)[1]).toBe(6)
    expect(fromBase64Url(release1().tokens.netwerk)[1]).toBe(1)
  })

  it('refuse a first-release body that was re-signed by another key', async () => {
    const token = readToken(release1().tokens.meelezer)
    const bytes = unsignedInvitation(token, { firstRelease: true })
    const forged = encodeSigned(bytes, await signWithPlanKey(otherPlan, bytes))
    expect((await verifyToken(forged, { room: token.planId, now: NOW })).ok).toBe(false)
  })
})

describe('refusing what the plan key did not sign', () => {
  it('refuses a missing or garbage token with 4401', async () => {
    for (const text of [undefined, null, '', 'hallo', '!!!', 'A'.repeat(5000), toBase64Url(new Uint8Array(200))]) {
      const check = await verifyToken(text, { room: plan.planId, now: NOW })
      expect(check.ok === false && check.code).toBe(4401)
    }
  })

  it('refuses a token whose signature was tampered with', async () => {
    const bytes = fromBase64Url(await issueToken(plan, { role: 'meelezer' }))
    bytes[bytes.length - 10]! ^= 0x01
    expect(await verifyToken(toBase64Url(bytes), { room: plan.planId, now: NOW })).toMatchObject({ ok: false, code: 4401, refusal: 'token-forged' })
  })

  it('refuses a meelezer token re-encoded as eigenaar with the original signature', async () => {
    const text = await issueToken(plan, { role: 'meelezer', issuedAt: NOW })
    const token = readToken(text)
    const signature = fromBase64Url(text).slice(-64)
    const raised = unsignedInvitation({ ...token, role: 'eigenaar', room: 'huishouden' })
    const check = await verifyToken(encodeSigned(raised, signature), { room: roomName(plan.planId, 'huishouden'), now: NOW })
    expect(check.ok === false && check.code).toBe(4401)
  })

  it('refuses a token signed by another key that claims this plan and its public key', async () => {
    const token = readToken(await issueToken(plan, { role: 'eigenaar', issuedAt: NOW }))
    const bytes = unsignedInvitation(token)
    const forged = encodeSigned(bytes, await signWithPlanKey(otherPlan, bytes))
    const check = await verifyToken(forged, { room: plan.planId, now: NOW })
    expect(check.ok === false && check.code).toBe(4401)
  })

  it('refuses a token whose own key does not hash to the plan id it names', async () => {
    // Another plan's key, honestly carried and used to sign, under this plan's id.
    const token = readToken(await issueToken(otherPlan, { role: 'eigenaar', issuedAt: NOW }))
    const bytes = unsignedInvitation({ ...token, planId: plan.planId })
    const forged = encodeSigned(bytes, await signWithPlanKey(otherPlan, bytes))
    expect(await verifyToken(forged, { room: plan.planId, now: NOW })).toMatchObject({ ok: false, code: 4401, refusal: 'token-forged' })
  })

  it('refuses a genuine token of another plan with 4403', async () => {
    const text = await issueToken(otherPlan, { role: 'eigenaar' })
    expect(await verifyToken(text, { room: plan.planId, now: NOW })).toMatchObject({ ok: false, code: 4403, refusal: 'other-plan' })
  })

  it('reads malformed text as a MalformedCapabilityError, never as a token', async () => {
    const text = await issueToken(plan, { role: 'netwerk' })
    const bytes = fromBase64Url(text)
    const extended = toBase64Url(Uint8Array.of(...bytes, 0))
    const revocation = await issueRevocation(plan, { issuedBefore: NOW })
    for (const bad of ['', 'x', text.slice(0, -3), extended, revocation, 'A'.repeat(2000)]) {
      expect(() => readToken(bad)).toThrow(MalformedCapabilityError)
    }
  })

  it('reads only the canonical spelling of a token', async () => {
    // When the byte count is not a multiple of 3, the last base64 character has unused low bits;
    // accepting them would give one token several spellings.
    let text = ''
    for (let name = ''; fromBase64Url(text).length % 3 === 0; name += 'a') text = await issueToken(plan, { role: 'netwerk', name })
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const twin = text.slice(0, -1) + alphabet[alphabet.indexOf(text.at(-1)!) ^ 1]
    expect(fromBase64Url(twin)).toEqual(fromBase64Url(text))
    expect(() => readToken(twin)).toThrow(MalformedCapabilityError)
    expect((await verifyToken(twin, { room: plan.planId, now: NOW })).ok).toBe(false)
  })
})

describe('roles and rooms (architecture.md, roles table)', () => {
  const TABLE: Record<Role, Record<RoomKind, 'write' | 'read' | '—'>> = {
    eigenaar: { plan: 'write', netwerk: 'write', huishouden: 'write' },
    huishouden: { plan: 'write', netwerk: 'write', huishouden: 'write' },
    netwerk: { plan: 'write', netwerk: 'write', huishouden: '—' },
    professional: { plan: 'write', netwerk: '—', huishouden: '—' },
    meelezer: { plan: 'read', netwerk: '—', huishouden: '—' },
  }

  for (const [role, rooms] of Object.entries(TABLE) as [Role, Record<RoomKind, string>][]) {
    for (const [room, expected] of Object.entries(rooms) as [RoomKind, string][]) {
      it(`${role} in the ${room} room: ${expected}`, async () => {
        const text = await issueToken(plan, { role, issuedAt: NOW })
        const check = await verifyToken(text, { room: roomName(plan.planId, room), now: NOW })
        if (expected === '—') expect(check).toMatchObject({ ok: false, code: 4403, refusal: 'role-may-not-open' })
        else expect(check).toMatchObject({ ok: true, access: expected })
      })
    }
  }

  it('opens only the room an invitation names and the wider ones', async () => {
    const planOnly = await issueToken(plan, { role: 'netwerk', room: 'plan', issuedAt: NOW })
    expect((await verifyToken(planOnly, { room: plan.planId, now: NOW })).ok).toBe(true)
    expect(await verifyToken(planOnly, { room: roomName(plan.planId, 'netwerk'), now: NOW })).toMatchObject({ ok: false, code: 4403, refusal: 'invitation-does-not-open' })
    const eigenaarNetwerk = await issueToken(plan, { role: 'eigenaar', room: 'netwerk', issuedAt: NOW })
    expect((await verifyToken(eigenaarNetwerk, { room: roomName(plan.planId, 'huishouden'), now: NOW })).ok).toBe(false)
    expect((await verifyToken(eigenaarNetwerk, { room: plan.planId, now: NOW })).ok).toBe(true)
  })

  it('refuses a signed token naming a room its role may never open', async () => {
    // Only someone holding the plan key could make this; the relay still holds the role to the table.
    const token = readToken(await issueToken(plan, { role: 'professional', issuedAt: NOW }))
    const bytes = unsignedInvitation({ ...token, room: 'netwerk' })
    const text = encodeSigned(bytes, await signWithPlanKey(plan, bytes))
    expect(await verifyToken(text, { room: plan.planId, now: NOW })).toMatchObject({ ok: false, code: 4403, refusal: 'role-may-not-open' })
  })
})
