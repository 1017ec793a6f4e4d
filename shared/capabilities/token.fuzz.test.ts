import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { createPlanKey, type PlanKey } from '../identity/planKey.ts'
import { ROLES, type Role } from '../protocol/roles.ts'
import { parseRoomName, ROOM_KINDS, roomName, type RoomKind } from '../protocol/rooms.ts'
import { unsignedInvitation } from '../../tests/support/forgery.ts'
import { encodeSigned, MalformedCapabilityError } from './signed.ts'
import { issueToken, readToken, verifyToken, type InvitationToken } from './token.ts'

/**
 * 10,000 random and mutated tokens (issue 5): verifyToken never throws, and it
 * accepts nothing but a token the plan key really issued, in a room its role
 * may open. Mutations work on the bytes (flip, truncate, extend, insert), on
 * the text, and on the fields (re-encoded around the original signature).
 */

const NOW = Date.UTC(2025, 0, 15, 12)
const RUNS = 10_000
/** The roles table of architecture.md, written out again so the test does not trust access.ts. */
const MAY_OPEN: Record<Role, RoomKind[]> = { eigenaar: ['plan', 'netwerk', 'huishouden'], huishouden: ['plan', 'netwerk', 'huishouden'], netwerk: ['plan', 'netwerk'], professional: ['plan'], meelezer: ['plan'] }

let plan: PlanKey
let otherPlan: PlanKey
/** Every token the plan keys really issued, with the role it was issued for. */
const issued = new Map<string, Role>()
let originals: string[] = []

beforeAll(async () => {
  plan = await createPlanKey()
  otherPlan = await createPlanKey()
  for (const key of [plan, otherPlan]) {
    for (const role of ROLES) {
      const audience = role === 'meelezer' ? { guests: true } : { person: `persoon-${role}` }
      const text = await issueToken(key, { role, name: `Naam ${role}`, ...audience, issuedAt: NOW - 1000, expiresAt: role === 'eigenaar' ? null : NOW + 86_400_000 })
      issued.set(text, role)
    }
  }
  originals = [...issued.keys()]
})

type Mutation = (bytes: Uint8Array) => Uint8Array

const flip = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, mask]): Mutation => (bytes) => {
  const copy = bytes.slice()
  if (copy.length > 0) copy[at % copy.length]! ^= mask
  return copy
})
const truncate = fc.nat().map((at): Mutation => (bytes) => bytes.slice(0, bytes.length === 0 ? 0 : at % bytes.length))
const extend = fc.uint8Array({ minLength: 1, maxLength: 40 }).map((extra): Mutation => (bytes) => Uint8Array.of(...bytes, ...extra))
const insert = fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, extra]): Mutation => (bytes) => {
  const cut = bytes.length === 0 ? 0 : at % bytes.length
  return Uint8Array.of(...bytes.slice(0, cut), ...extra, ...bytes.slice(cut))
})
const byteMutation = fc.oneof(flip, truncate, extend, insert)

/** Changes one field and re-encodes the token around its original signature. */
const fieldChange = fc.oneof(
  fc.constantFrom(...ROLES).map((role) => (t: InvitationToken) => ({ ...t, role })),
  fc.constantFrom(...ROOM_KINDS).map((room) => (t: InvitationToken) => ({ ...t, room })),
  fc.option(fc.nat({ max: 2 ** 45 }), { nil: null }).map((expiresAt) => (t: InvitationToken) => ({ ...t, expiresAt })),
  fc.nat({ max: 2 ** 45 }).map((issuedAt) => (t: InvitationToken) => ({ ...t, issuedAt })),
  fc.string({ maxLength: 30 }).map((name) => (t: InvitationToken) => ({ ...t, name })),
  fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), { nil: null }).map((person) => (t: InvitationToken) => ({ ...t, person, guests: false })),
  fc.boolean().map((guests) => (t: InvitationToken) => ({ ...t, person: null, guests })),
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((id) => (t: InvitationToken) => ({ ...t, id: toBase64Url(id) })),
  fc.constant((t: InvitationToken) => ({ ...t, planId: t.planId === plan.planId ? otherPlan.planId : plan.planId })),
  fc.constant((t: InvitationToken) => ({ ...t, publicKey: readToken(originals[t.planId === plan.planId ? ROLES.length : 0]!).publicKey })),
)

function reencode(text: string, change: (t: InvitationToken) => InvitationToken): string {
  const signature = fromBase64Url(text).slice(-64)
  return encodeSigned(unsignedInvitation(change(readToken(text))), signature)
}

const candidate = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 400 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map(toBase64Url) },
  { weight: 1, arbitrary: fc.nat().map((i) => originals[i % originals.length]!) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.nat(), fc.array(byteMutation, { minLength: 1, maxLength: 3 })).map(([i, mutations]) =>
      toBase64Url(mutations.reduce((bytes, mutate) => mutate(bytes), fromBase64Url(originals[i % originals.length]!))),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fieldChange).map(([i, change]) => reencode(originals[i % originals.length]!, change)),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...'AZaz09-_=.+/ ')).map(([i, at, char]) => {
      const text = originals[i % originals.length]!
      const cut = at % text.length
      return text.slice(0, cut) + char + text.slice(cut + 1)
    }),
  },
)

describe('fuzzing tokens', () => {
  it(`never throws and accepts only genuine tokens in allowed rooms (${RUNS} cases)`, async () => {
    const seen = { accepted: 0, 4401: 0, 4403: 0 }
    const rooms = () => [...ROOM_KINDS.map((kind) => roomName(plan.planId, kind)), roomName(otherPlan.planId, 'netwerk')]
    await fc.assert(
      fc.asyncProperty(candidate, fc.nat(), async (text, roomIndex) => {
        const room = rooms()[roomIndex % 4]!
        try {
          readToken(text)
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedCapabilityError)
        }
        const check = await verifyToken(text, { room, now: NOW })
        if (!check.ok) {
          expect([4401, 4403]).toContain(check.code)
          seen[check.code]++
          return
        }
        seen.accepted++
        const role = issued.get(text)
        expect(role, 'accepted a token nobody issued').toBeDefined()
        const target = parseRoomName(room)!
        expect(target.planId).toBe(check.token.planId)
        expect(MAY_OPEN[role!]).toContain(target.kind)
      }),
      { numRuns: RUNS },
    )
    // The generator must reach every outcome, or this test proves little.
    expect(seen.accepted).toBeGreaterThan(100)
    expect(seen[4401]).toBeGreaterThan(1000)
    expect(seen[4403]).toBeGreaterThan(100)
  })
})
