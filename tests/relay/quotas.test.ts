import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { issueAdmission } from '../../shared/capabilities/admission.ts'
import { toBase64Url } from '../../shared/identity/base64url.ts'
import { createPlanKey, type PlanKey } from '../../shared/identity/planKey.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { encodeUpdate } from '../../server/sync/protocol.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { waitUntil } from '../support/wait.ts'
import { refusalOf, type RawSocket } from './support/clients.ts'
import { OTHER_ADDRESS } from './support/fromAddress.ts'
import { knock, newTestPlan } from './support/invitations.ts'
import { relaySession } from './support/session.ts'

/** What a room stores, as text ('' when nothing). */
async function storedText(relay: TestRelay, room: string): Promise<string> {
  const state = await relay.openStorage().load(room)
  const doc = new Y.Doc()
  if (state !== null) Y.applyUpdate(doc, state)
  return doc.getText('t').toString()
}

/** Text no compression or compaction makes smaller: what someone filling a disk would send. */
function noise(length: number, seed: number): string {
  let state = seed
  let text = ''
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    text += state.toString(36)
  }
  return text.slice(0, length)
}

/**
 * Finding 3 of issue 16: anyone can make a plan key, so self-made plans
 * filled the 10,000-room cap in about 20 s (a new family then got 4503) and
 * one connection wrote 431 MB in 24 s. The same attacks, bounded, on
 * loopback; 127.0.0.2 plays another client.
 */
describe('quotas: one person cannot fill the relay or its disk for everyone', () => {
  const session = relaySession()

  it('a connection writing past its plan\'s quota is closed with 4413; nothing past it is stored or passed on, what was stored stays, others are served', async () => {
    const relay = await session.relay({ config: { limits: { maxPlanBytes: 64 * 1024 } } })
    const family = await session.client(relay, 'plan-vol')
    family.text.insert(0, 'Wat wij samen willen. ')
    await waitUntil(async () => (await storedText(relay, 'plan-vol')) === 'Wat wij samen willen. ', 'the family\'s words are stored')

    const attacker = await session.raw(relay, 'plan-vol')
    const doc = new Y.Doc()
    const sent = 40
    for (let i = 0; i < sent; i++) {
      const before = Y.encodeStateVector(doc)
      doc.getText('t').insert(0, `[${i}]${noise(4 * 1024, i + 1)}`)
      attacker.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc, before)))
    }
    const closed = await attacker.closed
    expect(closed.code).toBe(CloseCode.planTooLarge)
    expect(closed.reason).toMatch(/stores as much as the relay allows \(65536 bytes\)/)

    const stored = await relay.openStorage().planSize('plan-vol')
    expect(stored.bytes).toBeLessThanOrEqual(64 * 1024)
    const text = await storedText(relay, 'plan-vol')
    expect(text).toContain('Wat wij samen willen. ')
    const storedPieces = text.match(/\[\d+\]/g) ?? []
    expect(storedPieces.length).toBeGreaterThan(0)
    expect(storedPieces.length).toBeLessThan(sent)
    // The family received exactly what was stored: nothing past the quota reached anyone.
    await waitUntil(() => family.text.toString() === text, 'the family holds what is stored')

    // Another plan is served as before.
    const [writer, reader] = [await session.client(relay, 'plan-ander'), await session.client(relay, 'plan-ander')]
    writer.text.insert(0, 'gewoon door')
    await waitUntil(() => reader.text.toString() === 'gewoon door', 'another plan exchanges an edit')

    // What was stored before is all there after a restart, and still readable.
    await relay.restart()
    expect(await storedText(relay, 'plan-vol')).toBe(text)
    const newcomer = await session.client(relay, 'plan-vol')
    expect(newcomer.text.toString()).toBe(text)
  })

  it('an address may open only so many new plans an hour (4429); another address, and a plan the relay holds, are not held back', async () => {
    const relay = await session.relay({ config: { limits: { maxNewPlansPerAddressPerHour: 3 } } })
    const store = relay.openStorage()
    const held = new Y.Doc()
    held.getText('t').insert(0, 'ons plan')
    await store.append('plan-bekend', Y.encodeStateAsUpdate(held))

    for (const room of ['plan-n1', 'plan-n2', 'plan-n3']) expect((await session.raw(relay, room)).closeEvent).toBeUndefined()
    const fourth = await session.rawPath(relay, '/sync/plan-n4')
    const refused = await fourth.closed
    expect(refused.code).toBe(CloseCode.rateLimited)
    expect(refused.reason).toMatch(/Too many new plans from your address/)

    expect((await knock(relay.url, 'plan-n1', undefined)).closeEvent).toBeUndefined()
    expect((await knock(relay.url, 'plan-bekend', undefined)).closeEvent).toBeUndefined()
    expect((await knock(relay.url, 'plan-n4', undefined, { from: OTHER_ADDRESS })).closeEvent).toBeUndefined()
    expect((await relay.relay.metrics.render()).body).toMatch(/kring_connections_refused_total\{reason="too_many_new_plans"\} 1/)
  })

  it('rooms of self-made plans fill the room cap, yet a household whose plan the relay holds is let in, and an empty room makes way for a new family', async () => {
    const relay = await session.relay({ config: { limits: { maxRooms: 3, roomIdleMs: 60_000 } } })
    const store = relay.openStorage()
    const family = new Y.Doc()
    family.getText('t').insert(0, 'het plan van de familie')
    await store.append('plan-familie', Y.encodeStateAsUpdate(family))

    const held: RawSocket[] = []
    for (let i = 0; i < 3; i++) held.push(await session.raw(relay, `plan-zelfgemaakt-${i}`))
    const newFamily = await session.rawPath(relay, '/sync/plan-nieuw')
    expect((await newFamily.closed).code).toBe(CloseCode.relayFull)

    const household = await session.client(relay, 'plan-familie')
    expect(household.text.toString()).toBe('het plan van de familie')

    held[0]!.ws.close()
    await held[0]!.closed
    await waitUntil(async () => {
      const attempt = await knock(relay.url, 'plan-nieuw', undefined)
      attempt.ws.terminate()
      return attempt.closeEvent === undefined
    }, 'a new family gets the place of an empty room at once')
  })
})

describe('admission: a city deployment takes new plans only with its operator\'s admission', () => {
  let operator: PlanKey
  let operatorKey: string
  const relays: TestRelay[] = []
  const sockets: RawSocket[] = []
  beforeAll(async () => {
    operator = await createPlanKey()
    operatorKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', operator.publicKey)))
  })
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.terminate()
    for (const relay of relays.splice(0)) await relay.close()
  })
  const enter = async (relay: TestRelay, room: string, token: string, admission?: string): Promise<RawSocket> => {
    const socket = await knock(relay.url, room, token, { admission })
    sockets.push(socket)
    return socket
  }

  it('refuses a new plan without one (4403 not-admitted), lets it in with one, once: the plan needs none after, the admission lets in no other', async () => {
    const relay = await startTestRelay({ config: { admissionPublicKey: operatorKey } })
    relays.push(relay)
    const [first, second] = [await newTestPlan(), await newTestPlan()]
    const firstToken = await first.invite({ role: 'eigenaar' })
    const secondToken = await second.invite({ role: 'eigenaar' })

    expect(refusalOf(await (await enter(relay, first.room('plan'), firstToken)).closed)).toEqual({ code: 4403, refusal: 'not-admitted' })
    const admission = await issueAdmission(operator, { expiresAt: Date.now() + 60_000 })
    expect((await enter(relay, first.room('plan'), firstToken, admission)).closeEvent).toBeUndefined()
    // The plan's other rooms and later connections need no admission.
    expect((await enter(relay, first.room('huishouden'), firstToken)).closeEvent).toBeUndefined()
    expect(refusalOf(await (await enter(relay, second.room('plan'), secondToken, admission)).closed)).toEqual({ code: 4403, refusal: 'not-admitted' })

    const forSomeoneElse = await issueAdmission(operator, { planId: first.planId })
    expect(refusalOf(await (await enter(relay, second.room('plan'), secondToken, forSomeoneElse)).closed)).toEqual({ code: 4403, refusal: 'not-admitted' })
    const expired = await issueAdmission(operator, { issuedAt: Date.now() - 2000, expiresAt: Date.now() - 1000 })
    expect(refusalOf(await (await enter(relay, second.room('plan'), secondToken, expired)).closed)).toEqual({ code: 4403, refusal: 'not-admitted' })
    const stranger = await issueAdmission(await createPlanKey())
    expect(refusalOf(await (await enter(relay, second.room('plan'), secondToken, stranger)).closed)).toEqual({ code: 4403, refusal: 'not-admitted' })
    expect((await enter(relay, second.room('plan'), secondToken, await issueAdmission(operator, { planId: second.planId }))).closeEvent).toBeUndefined()

    expect((await relay.relay.metrics.render()).body).toMatch(/kring_connections_refused_total\{reason="not_admitted"\} 5/)

    // Remembered in storage: after a restart the plan still needs none.
    await relay.restart()
    expect((await enter(relay, first.room('plan'), firstToken)).closeEvent).toBeUndefined()
  })
})
