import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { keyFileText, keyHandoverText, readKeyHandover } from '../identity/keyHandover.ts'
import { createPlanKey, createSuccessorKey, exportPlanKey, type PlanKey } from '../identity/planKey.ts'
import { roomName } from '../protocol/rooms.ts'
import { issueDeletion, verifyDeletion } from './deletion.ts'
import { buildKeyChain, extendKeyChain, importHeldPlanKey, issueHandover, readHandover } from './handover.ts'
import { currentKeyIndex, lastHandedOverAt, originalKeyChain, type KeyChain } from './keyChain.ts'
import { issueRegistration, verifyRegistration } from './registration.ts'
import { issueRevocation, revokes, verifyRevocation } from './revocation.ts'
import { issueToken, readToken, verifyToken } from './token.ts'

const NOW = Date.UTC(2025, 2, 3, 10)

/** Hands `key`'s plan to a new key made for it, as a household's device does; returns the new key (carrying its handovers) and the handover. */
async function handOver(key: PlanKey, toPerson = ''): Promise<{ next: PlanKey; text: string }> {
  const successor = await createSuccessorKey(key.planId)
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', successor.publicKey))
  const text = await issueHandover(key, raw, { toPerson, signedAt: NOW + key.handovers.length })
  return { next: { ...successor, handovers: [...key.handovers, text] }, text }
}

async function chainOf(key: PlanKey): Promise<KeyChain> {
  const { chain, rejected } = await buildKeyChain(key.planId, key.handovers)
  expect(rejected).toEqual([])
  return chain
}

let professional: PlanKey
let household: PlanKey
let later: PlanKey

beforeAll(async () => {
  professional = await createPlanKey()
  household = (await handOver(professional, 'ans-id')).next
  later = (await handOver(household, 'kees-id')).next
})

describe('handing a plan over', () => {
  it('makes the new key speak for the same plan id, and says who holds it and when', async () => {
    const handover = readHandover(household.handovers[0]!)
    expect(handover).toMatchObject({ planId: professional.planId, sequence: 1, toPerson: 'ans-id', signedAt: NOW })
    const chain = await chainOf(later)
    expect(chain.keys).toHaveLength(3)
    expect(currentKeyIndex(chain)).toBe(2)
    expect(lastHandedOverAt(chain)).toBe(NOW + 1)
    expect(household.planId).toBe(professional.planId)
  })

  it('accepts the new key\'s tokens only with the chain, and keeps the old key\'s tokens working', async () => {
    const chain = await chainOf(household)
    const room = roomName(household.planId, 'netwerk')
    const fresh = await issueToken(household, { role: 'netwerk', person: 'bram' })
    expect(await verifyToken(fresh, { room, now: Date.now() })).toMatchObject({ ok: false, code: 4401 })
    expect(await verifyToken(fresh, { room, now: Date.now(), keys: chain })).toMatchObject({ ok: true, keyIndex: 1 })
    const old = await issueToken(professional, { role: 'netwerk', person: 'bram', issuedAt: NOW - 1000, expiresAt: null })
    expect(await verifyToken(old, { room, now: Date.now(), keys: chain })).toMatchObject({ ok: true, keyIndex: 0 })
    // What the old key signs from its handover on is as good as taken back.
    const later = await issueToken(professional, { role: 'netwerk', person: 'bram', issuedAt: NOW, expiresAt: null })
    expect(await verifyToken(later, { room, now: Date.now(), keys: chain })).toMatchObject({ ok: false, code: 4403, refusal: 'handed-over' })
    // Another plan's chain does not lend this plan its keys.
    const stranger = await createPlanKey()
    expect(await verifyToken(fresh, { room, now: Date.now(), keys: { ...chain, planId: stranger.planId } })).toMatchObject({ ok: false, code: 4401 })
  })

  it('refuses revocations, deletions and registrations the old key signs after the handover, naming why', async () => {
    const chain = await chainOf(household)
    const planId = household.planId
    const oldRevocation = await issueRevocation(professional, { issuedBefore: NOW })
    expect(await verifyRevocation(oldRevocation, planId, chain)).toMatchObject({ ok: false, problem: 'handed-over' })
    expect(await verifyDeletion(await issueDeletion(professional), planId, chain)).toMatchObject({ ok: false, problem: 'handed-over' })
    const token = readToken(await issueToken(professional, { role: 'netwerk' }))
    expect(await verifyRegistration(await issueRegistration(professional, token), planId, chain)).toMatchObject({ ok: false, problem: 'handed-over' })
    // The current key's are taken.
    expect((await verifyRevocation(await issueRevocation(household, { issuedBefore: NOW }), planId, chain)).ok).toBe(true)
    expect((await verifyDeletion(await issueDeletion(household), planId, chain)).ok).toBe(true)
    // Without the chain a verifier knows only the original key: the new key's deletion is not the plan's.
    expect(await verifyDeletion(await issueDeletion(household), planId)).toMatchObject({ ok: false, problem: 'forged' })
  })

  it('takes back everything the earlier keys signed, whatever moment those tokens claim', async () => {
    const chain = await chainOf(household)
    const check = await verifyRevocation(await issueRevocation(household, { signedByEarlierKeys: true }), household.planId, chain)
    if (!check.ok) throw new Error(check.reason)
    const backdated = readToken(await issueToken(professional, { role: 'netwerk', issuedAt: NOW + 10 ** 9 }))
    const own = readToken(await issueToken(household, { role: 'netwerk', issuedAt: 0 }))
    expect(revokes(check.revocation, backdated, chain)).toBe(true)
    expect(revokes(check.revocation, own, chain)).toBe(false)
  })

  it('takes the same handover twice, refuses a second one for a step already taken, and one that skips steps', async () => {
    const first = household.handovers[0]!
    let chain = originalKeyChain(professional.planId)
    const taken = await extendKeyChain(chain, first)
    if (!taken.ok) throw new Error(taken.reason)
    chain = taken.chain
    expect(await extendKeyChain(chain, first)).toMatchObject({ ok: true, isNew: false })
    const rival = (await handOver(professional)).text
    expect(await extendKeyChain(chain, rival)).toMatchObject({ ok: false, problem: 'conflict' })
    expect(await extendKeyChain(originalKeyChain(professional.planId), later.handovers[1]!)).toMatchObject({ ok: false, problem: 'gap' })
    // The old key cannot take the next step either.
    const fromOld = await issueHandover({ ...professional, handovers: [first] }, new Uint8Array(32).fill(7))
    expect(await extendKeyChain(chain, fromOld)).toMatchObject({ ok: false, problem: 'handed-over' })
  })

  it('builds a chain from texts in any order and leaves out what does not fit', async () => {
    const stranger = await createPlanKey()
    const foreign = (await handOver(stranger)).text
    const { chain, rejected } = await buildKeyChain(later.planId, [later.handovers[1]!, 'rommel', foreign, later.handovers[0]!])
    expect(chain.keys).toHaveLength(3)
    expect(rejected.map((r) => r.text)).toEqual(['rommel', foreign])
  })

  it('refuses a handover whose fields were changed under its signature', async () => {
    const bytes = fromBase64Url(household.handovers[0]!)
    // The new key sits right after the header and the sequence; flip a bit in it.
    bytes[60]! ^= 0x01
    expect(await extendKeyChain(originalKeyChain(professional.planId), toBase64Url(bytes))).toMatchObject({ ok: false })
  })
})

describe('a handed-over key travels with its handovers', () => {
  it('reads back from the file, the compact text and a link, and is refused without them', async () => {
    const exported = await exportPlanKey(later)
    expect(exported.handovers).toHaveLength(2)
    for (const given of [keyFileText(exported), keyHandoverText(exported), `https://kring.example/#/sleutel/${keyHandoverText(exported)}`]) {
      const reading = await readKeyHandover(given)
      if (!reading.ok) throw new Error(`not read: ${reading.problem}`)
      expect(reading.key.handovers).toEqual(later.handovers)
      const token = await issueToken(reading.key, { role: 'netwerk' })
      expect((await verifyToken(token, { room: later.planId, now: Date.now(), keys: await chainOf(later) })).ok).toBe(true)
    }
    const { handovers: _dropped, ...bare } = exported
    await expect(importHeldPlanKey(bare)).rejects.toThrow()
    // A key that was handed over no longer imports as the plan's key with the newer chain.
    const oldOne = { ...(await exportPlanKey(household)), handovers: later.handovers }
    await expect(importHeldPlanKey(oldOne)).rejects.toThrow(/handed over/)
  })
})
