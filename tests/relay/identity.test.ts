import * as encoding from 'lib0/encoding'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeKeyFile } from '../../server/cli/keyFile.ts'
import { importHeldPlanKey } from '../../shared/capabilities/handover.ts'
import { runKring } from '../support/kringCommand.ts'
import { issueDeletion } from '../../shared/capabilities/deletion.ts'
import { issueHandover } from '../../shared/capabilities/handover.ts'
import { issuePlanRequest } from '../../shared/capabilities/planRequest.ts'
import { issueRegistration, verifyRegistration } from '../../shared/capabilities/registration.ts'
import { issueRevocation } from '../../shared/capabilities/revocation.ts'
import { issueToken, readToken } from '../../shared/capabilities/token.ts'
import { buildKeyChain } from '../../shared/capabilities/handover.ts'
import { createPlanKey, createSuccessorKey, type PlanKey } from '../../shared/identity/planKey.ts'
import { postSignedText } from '../../shared/protocol/postSignedText.ts'
import { roomName } from '../../shared/protocol/rooms.ts'
import { needPostgres, needRedis } from '../support/services.ts'
import { startSharedRelays } from '../support/sharedRelays.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { waitUntil } from '../support/wait.ts'
import { refusalOf, type RawSocket } from './support/clients.ts'
import { knock } from './support/invitations.ts'

const databaseUrl = await needPostgres()
const redisUrl = await needRedis()

/**
 * Wie is wie, at the relay (issue 11), with real sockets and real storage:
 * tokens that name a person keep presence honest; the registry of
 * invitations is the relay's, listed by members and changed only by the
 * plan key; a handover makes a new key speak for the plan id, the old key is
 * refused with a clear code, and its earlier tokens work until the new
 * holder takes them all back.
 */

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function relay(): Promise<TestRelay> {
  const started = await startTestRelay()
  cleanups.push(() => started.close())
  return started
}

async function connect(url: string, room: string, token: string): Promise<RawSocket> {
  const socket = await knock(url, room, token)
  cleanups.push(() => socket.ws.terminate())
  expect(socket.closeEvent, 'let in').toBeUndefined()
  return socket
}

/** A y-protocols awareness message (type 1) with one client's state. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, 1)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

/** Whether any frame a socket received holds `text` (awareness states travel as JSON). */
function sawText(socket: RawSocket, text: string): boolean {
  return socket.received.some((frame) => Buffer.from(frame).toString('utf8').includes(text))
}

/** Hands `key`'s plan to a new key made for it, as the household's device does; returns the new key and the handover text. */
async function handOver(key: PlanKey, toPerson = ''): Promise<{ next: PlanKey; text: string }> {
  const successor = await createSuccessorKey(key.planId)
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', successor.publicKey))
  const text = await issueHandover(key, raw, { toPerson })
  return { next: { ...successor, handovers: [...key.handovers, text] }, text }
}

describe('presence stays honest when a token names a person', () => {
  it('drops presence that claims another person from a connection whose token names a person, and passes its own', async () => {
    const { url } = await relay()
    const plan = await createPlanKey()
    const room = roomName(plan.planId, 'plan')
    const bram = await connect(url, room, await issueToken(plan, { role: 'netwerk', person: 'bram', name: 'Bram' }))
    const ans = await connect(url, room, await issueToken(plan, { role: 'eigenaar', person: 'ans' }))
    // A guest link names nobody: nothing to hold its presence to.
    const guest = await connect(url, room, await issueToken(plan, { role: 'netwerk', guests: true }))

    bram.ws.send(awarenessFrame(101, 1, { user: { name: 'Ans', personId: 'ans', color: '#000000' } }))
    bram.ws.send(awarenessFrame(101, 2, { user: { name: 'Bram', personId: 'bram', color: '#000000' } }))
    guest.ws.send(awarenessFrame(303, 1, { user: { name: 'Oma Riet', personId: 'riet', color: '#000000' } }))
    await waitUntil(() => sawText(ans, '"personId":"bram"') && sawText(ans, '"personId":"riet"'), 'Bram\'s own presence and the guest\'s reached Ans')
    expect(sawText(ans, '"personId":"ans"')).toBe(false)
    // Bram is still connected: an honest app never sends this, but an old one is not cut off for it.
    expect(bram.closeEvent).toBeUndefined()
  })
})

describe('the registry of invitations', () => {
  it('is listed by any member with their own token, and changed only by the plan key', async () => {
    const { url } = await relay()
    const plan = await createPlanKey()
    const stranger = await createPlanKey()
    const bramsToken = await issueToken(plan, { role: 'netwerk', person: 'bram', name: 'Bram' })
    const carlasToken = await issueToken(plan, { role: 'meelezer', person: 'carla', name: 'Carla' })
    for (const token of [bramsToken, carlasToken]) {
      const stored = await postSignedText(url, plan.planId, 'invitations', await issueRegistration(plan, readToken(token)))
      expect(stored).toMatchObject({ outcome: 'stored', answer: { registered: readToken(token).id } })
    }
    // A meelezer lists it, and verifies every entry herself.
    const listed = await postSignedText(url, plan.planId, 'access', carlasToken)
    if (listed.outcome !== 'stored') throw new Error(listed.message)
    expect(listed.answer.invitations).toHaveLength(2)
    for (const text of listed.answer.invitations) expect((await verifyRegistration(text, plan.planId)).ok).toBe(true)
    expect(listed.answer.invitations).not.toContain(bramsToken)

    // No one else adds to it: not another key, not a member's token, not someone without one.
    const foreign = await issueRegistration(stranger, readToken(await issueToken(stranger, { role: 'netwerk' })))
    expect(await postSignedText(url, plan.planId, 'invitations', foreign)).toMatchObject({ outcome: 'refused', status: 403, code: 'other-plan' })
    expect(await postSignedText(url, plan.planId, 'invitations', bramsToken)).toMatchObject({ outcome: 'refused', status: 400, code: 'malformed' })
    expect(await postSignedText(url, plan.planId, 'access', 'geen-token')).toMatchObject({ outcome: 'refused', status: 403, code: 'not-a-member' })
    // A member whose access was taken back sees it no more.
    await postSignedText(url, plan.planId, 'revocations', await issueRevocation(plan, { tokenId: readToken(carlasToken).id }))
    expect(await postSignedText(url, plan.planId, 'access', carlasToken)).toMatchObject({ outcome: 'refused', code: 'not-a-member' })
    const afterwards = await postSignedText(url, plan.planId, 'access', bramsToken)
    expect(afterwards.outcome === 'stored' && afterwards.answer.revocations).toHaveLength(1)
  })
})

describe('handing a plan over', () => {
  it('refuses the old key\'s invitations, revocations and deletion with a clear code, and lets the new key\'s tokens in', async () => {
    const { url } = await relay()
    const professional = await createPlanKey()
    const beforeToken = await issueToken(professional, { role: 'netwerk', person: 'bram', issuedAt: Date.now() - 60_000 })
    const { next: household, text } = await handOver(professional, 'ans')
    expect(await postSignedText(url, professional.planId, 'handover', text)).toMatchObject({ outcome: 'stored', answer: { planId: professional.planId, handedOver: true, handovers: 1 } })
    // The same again changes nothing.
    expect(await postSignedText(url, professional.planId, 'handover', text)).toMatchObject({ outcome: 'stored', answer: { handovers: 1 } })

    const room = roomName(professional.planId, 'netwerk')
    await connect(url, room, await issueToken(household, { role: 'netwerk', person: 'kees' }))
    await connect(url, room, beforeToken)
    // A token the old key signs now is as good as taken back.
    expect(refusalOf(await (await knock(url, room, await issueToken(professional, { role: 'netwerk' }))).closed)).toEqual({ code: 4403, refusal: 'handed-over' })

    const oldKeyDid = [
      await postSignedText(url, professional.planId, 'invitations', await issueRegistration(professional, readToken(beforeToken))),
      await postSignedText(url, professional.planId, 'revocations', await issueRevocation(professional, { issuedBefore: Date.now() })),
      await postSignedText(url, professional.planId, 'deletion', await issueDeletion(professional)),
      await postSignedText(url, professional.planId, 'handover', (await handOver(professional)).text),
    ]
    for (const answer of oldKeyDid) expect(answer).toMatchObject({ outcome: 'refused', status: expect.any(Number), code: expect.stringMatching(/^(handed-over|conflict)$/) })
    expect(oldKeyDid.slice(0, 3).map((answer) => answer.outcome === 'refused' && answer.status)).toEqual([403, 403, 403])
    expect(oldKeyDid[3]).toMatchObject({ status: 409, code: 'conflict' })
    // The new holder registers, and takes the plan along; the old key gets no export.
    expect((await postSignedText(url, professional.planId, 'invitations', await issueRegistration(household, readToken(await issueToken(household, { role: 'netwerk' }))))).outcome).toBe('stored')
    expect((await postSignedText(url, professional.planId, 'export', await issuePlanRequest(household, 'exportRequest'))).outcome).toBe('stored')
    expect(await postSignedText(url, professional.planId, 'export', await issuePlanRequest(professional, 'exportRequest'))).toMatchObject({ outcome: 'refused', code: 'handed-over' })
  })

  it('"alles van vóór de overdracht intrekken" closes the live connections that used old-key tokens, and keeps the new ones', async () => {
    const { url } = await relay()
    const professional = await createPlanKey()
    const room = roomName(professional.planId, 'plan')
    const oldSocket = await connect(url, room, await issueToken(professional, { role: 'professional', person: 'wijkcoach' }))
    const { next: household, text } = await handOver(professional)
    await postSignedText(url, household.planId, 'handover', text)
    const newSocket = await connect(url, room, await issueToken(household, { role: 'netwerk', person: 'bram' }))

    const answer = await postSignedText(url, household.planId, 'revocations', await issueRevocation(household, { signedByEarlierKeys: true }))
    expect(answer).toMatchObject({ outcome: 'stored', answer: { revoked: { signedByEarlierKeys: true }, closedConnections: 1 } })
    expect(refusalOf(await oldSocket.closed)).toEqual({ code: 4403, refusal: 'revoked' })
    expect(newSocket.closeEvent).toBeUndefined()
  })

  it('survives a restart, and a relay without any of it takes the whole chain posted at once', async () => {
    const testRelay = await relay()
    const first = await createPlanKey()
    const { next: second, text: one } = await handOver(first)
    const { next: third, text: two } = await handOver(second)
    // A later step alone is a gap: the relay asks for the chain.
    expect(await postSignedText(testRelay.url, first.planId, 'handover', two)).toMatchObject({ outcome: 'refused', status: 409, code: 'gap' })
    expect(await postSignedText(testRelay.url, first.planId, 'handover', `${one}\n${two}\n`)).toMatchObject({ outcome: 'stored', answer: { handovers: 2 } })

    await testRelay.restart()
    const room = roomName(first.planId, 'plan')
    await connect(testRelay.url, room, await issueToken(third, { role: 'netwerk' }))
    expect(await postSignedText(testRelay.url, first.planId, 'deletion', await issueDeletion(second))).toMatchObject({ outcome: 'refused', code: 'handed-over' })
    const { chain } = await buildKeyChain(first.planId, await testRelay.openStorage().handoversOf(first.planId))
    expect(chain.keys).toHaveLength(3)
  })
})

describe('kring handover (the operator\'s command line)', () => {
  // Four runs of the command line, each a Node start that compiles TypeScript: on a loaded machine that outlasts the unit default.
  it('writes the new key file, posts the handover, prints {planId, handedOver: true}, and a repeated run sends it again', { timeout: 120_000 }, async () => {
    const { url } = await relay()
    const dir = await mkdtemp(join(tmpdir(), 'kring-handover-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    const plan = await createPlanKey()
    const oldFile = join(dir, 'professional.json')
    const newFile = join(dir, 'huishouden.json')
    await writeKeyFile(oldFile, plan)
    const oldToken = await issueToken(plan, { role: 'professional', person: 'wijkcoach', issuedAt: Date.now() - 60_000 })
    const live = await connect(url, roomName(plan.planId, 'plan'), oldToken)

    const run = await runKring('handover', '--key', oldFile, '--to', newFile, '--relay', url, '--person', 'ans-id')
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ planId: plan.planId, handedOver: true, keyFile: newFile })
    const next = await importHeldPlanKey(JSON.parse(await readFile(newFile, 'utf8')))
    expect(next.planId).toBe(plan.planId)
    expect(next.handovers).toHaveLength(1)
    await connect(url, roomName(plan.planId, 'huishouden'), await issueToken(next, { role: 'eigenaar', person: 'ans-id' }))

    // The old key is refused from now on, with the code a script can read.
    const refused = await runKring('delete', '--key', oldFile, '--relay', url, '--yes')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/HTTP 403.*handed this plan over/)
    // Running it again sends the same handover, and never overwrites the new key.
    const again = await runKring('handover', '--key', oldFile, '--to', newFile, '--relay', url)
    expect(again.code, again.stderr).toBe(0)
    expect((await importHeldPlanKey(JSON.parse(await readFile(newFile, 'utf8')))).handovers).toEqual(next.handovers)

    // Then everything the old key signed is taken back.
    const revoked = await runKring('revoke', '--key', newFile, '--relay', url, '--earlier-keys')
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(JSON.parse(revoked.stdout)).toMatchObject({ revoked: { signedByEarlierKeys: true }, closedConnections: 1 })
    expect(refusalOf(await live.closed)).toEqual({ code: 4403, refusal: 'revoked' })
  })
})

describe.skipIf(!databaseUrl || !redisUrl)('a handover across relay instances', () => {
  it('is known to the other instance at once, and taking back the old key\'s tokens there closes its connections', async () => {
    const shared = await startSharedRelays(2, { databaseUrl: databaseUrl!, redisUrl: redisUrl! }, { requireTokens: true })
    cleanups.push(() => shared.dispose())
    const [a, b] = [shared.relays[0]!, shared.relays[1]!]
    const professional = await createPlanKey()
    const room = roomName(professional.planId, 'plan')
    const oldSocket = await connect(b.url, room, await issueToken(professional, { role: 'professional' }))
    const { next: household, text } = await handOver(professional)
    expect((await postSignedText(a.url, professional.planId, 'handover', text)).outcome).toBe('stored')

    await connect(b.url, room, await issueToken(household, { role: 'netwerk' }))
    expect(await postSignedText(b.url, professional.planId, 'revocations', await issueRevocation(professional, { issuedBefore: Date.now() }))).toMatchObject({ outcome: 'refused', code: 'handed-over' })
    expect((await postSignedText(a.url, household.planId, 'revocations', await issueRevocation(household, { signedByEarlierKeys: true }))).outcome).toBe('stored')
    expect(refusalOf(await oldSocket.closed)).toEqual({ code: 4403, refusal: 'revoked' })
  })
})
