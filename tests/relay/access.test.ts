import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeKeyFile } from '../../server/cli/keyFile.ts'
import { createLogger } from '../../server/log.ts'
import { startRelay } from '../../server/relay.ts'
import { SqliteStorage } from '../../server/storage/sqlite.ts'
import type { RoomLog } from '../../server/storage/roomLog.ts'
import { MessageType } from '../../server/sync/protocol.ts'
import { issueDeletion } from '../../shared/capabilities/deletion.ts'
import { issueRevocation } from '../../shared/capabilities/revocation.ts'
import { readToken } from '../../shared/capabilities/token.ts'
import { fromBase64Url, toBase64Url } from '../../shared/identity/base64url.ts'
import { postSignedText } from '../../shared/protocol/postSignedText.ts'
import { ROLES, type Role } from '../../shared/protocol/roles.ts'
import { ROOM_KINDS, roomsOfPlan, type RoomKind } from '../../shared/protocol/rooms.ts'
import { admitted, authReasons, refusalOf, sendAndWait, type RawSocket, type TestClient } from './support/clients.ts'
import { newTestPlan, type TestPlan } from './support/invitations.ts'
import { relaySession } from './support/session.ts'
import type { TestRelay } from '../support/testRelay.ts'
import { runKring } from '../support/kringCommand.ts'
import { waitUntil } from '../support/wait.ts'

/**
 * Issue 5 with real sockets, the real relay and SQLite, tokens required as
 * `npm start` runs it: who gets in, who may only read, and what taking access
 * back and deleting a plan do — to live connections and to what is stored.
 */

/** The roles table of architecture.md, written out here so the test does not trust shared/capabilities/access.ts. */
const TABLE: Record<Role, Record<RoomKind, 'write' | 'read' | 'refused'>> = {
  eigenaar: { plan: 'write', netwerk: 'write', huishouden: 'write' },
  huishouden: { plan: 'write', netwerk: 'write', huishouden: 'write' },
  netwerk: { plan: 'write', netwerk: 'write', huishouden: 'refused' },
  professional: { plan: 'write', netwerk: 'refused', huishouden: 'refused' },
  meelezer: { plan: 'read', netwerk: 'refused', huishouden: 'refused' },
}

const session = relaySession()
let plan: TestPlan
let otherPlan: TestPlan

beforeAll(async () => {
  plan = await newTestPlan()
  otherPlan = await newTestPlan()
})

function enforcingRelay(): Promise<TestRelay> {
  return session.relay({ config: { requireTokens: true, limits: { maxMessagesPerSecond: 100_000, messageBurst: 100_000 } } })
}

async function restart(relay: TestRelay): Promise<TestRelay> {
  await relay.restart()
  return relay
}

function client(relay: TestRelay, room: string, token: string): Promise<TestClient> {
  return session.client(relay, room, { token })
}

function raw(relay: TestRelay, room: string, token: string | undefined): Promise<RawSocket> {
  return session.knock(relay, room, token)
}

/** A sync update frame carrying `text` typed by a fresh writer. */
function updateFrame(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  const update = Y.encodeStateAsUpdate(doc)
  return Uint8Array.of(MessageType.sync, 2, ...varUint(update.length), ...update)
}

function varUint(n: number): number[] {
  const bytes: number[] = []
  while (n > 0x7f) {
    bytes.push(0x80 | (n & 0x7f))
    n >>>= 7
  }
  bytes.push(n)
  return bytes
}

async function textStored(storage: RoomLog, room: string): Promise<string | null> {
  const stored = await storage.load(room)
  if (stored === null) return null
  const doc = new Y.Doc()
  Y.applyUpdate(doc, stored)
  return doc.getText('t').toString()
}

describe('relay: who gets in', () => {
  it('refuses a missing, garbage or forged token with 4401, in every room', async () => {
    const relay = await enforcingRelay()
    const genuine = await plan.invite({ role: 'eigenaar' })
    const bytes = fromBase64Url(genuine)
    bytes[bytes.length - 5]! ^= 0x10
    const forged = toBase64Url(bytes)
    for (const room of roomsOfPlan(plan.planId)) {
      for (const [token, refusal] of [
        [undefined, 'token-missing'],
        ['', 'token-missing'],
        ['dit-is-geen-uitnodiging', 'token-malformed'],
        [forged, 'token-forged'],
      ] as const) {
        const socket = await raw(relay, room, token)
        expect(refusalOf(await socket.closed)).toEqual({ code: 4401, refusal })
        expect(socket.received).toEqual([])
      }
    }
  })

  it('refuses a genuine token of another plan, or an expired one, with 4403', async () => {
    const relay = await enforcingRelay()
    const theirs = await otherPlan.invite({ role: 'eigenaar' })
    expect(refusalOf(await (await raw(relay, plan.room('plan'), theirs)).closed)).toEqual({ code: 4403, refusal: 'other-plan' })
    const expired = await plan.invite({ role: 'netwerk', issuedAt: Date.now() - 2000, expiresAt: Date.now() - 1000 })
    expect(refusalOf(await (await raw(relay, plan.room('plan'), expired)).closed)).toEqual({ code: 4403, refusal: 'expired' })
  })

  it('refuses a token dated in the future beyond the clock skew (it would survive "revoke everything issued before now") with 4403', async () => {
    const relay = await enforcingRelay()
    const ahead = await plan.invite({ role: 'netwerk', issuedAt: Date.now() + 24 * 60 * 60 * 1000 })
    expect(refusalOf(await (await raw(relay, plan.room('plan'), ahead)).closed)).toEqual({ code: 4403, refusal: 'not-yet-valid' })
    // A clock a minute ahead is within the skew.
    expect(admitted(await raw(relay, plan.room('plan'), await plan.invite({ role: 'netwerk', issuedAt: Date.now() + 60_000 })))).toBe(true)
  })

  it('lets each role into exactly the rooms of the roles table', async () => {
    const relay = await enforcingRelay()
    for (const role of ROLES) {
      const token = await plan.invite({ role })
      for (const kind of ROOM_KINDS) {
        const socket = await raw(relay, plan.room(kind), token)
        if (TABLE[role][kind] === 'refused') {
          expect(refusalOf(await socket.closed), `${role} in ${kind}`).toEqual({ code: 4403, refusal: 'role-may-not-open' })
        } else {
          expect(admitted(socket), `${role} in ${kind}`).toBe(true)
          await sendAndWait(socket) // whatever the relay says on joining has arrived by now
          expect(authReasons(socket).length, `${role} in ${kind} is told read-only`).toBe(TABLE[role][kind] === 'read' ? 1 : 0)
        }
      }
    }
  })

  it('keeps a netwerk member invited to the plan room only out of the netwerk room', async () => {
    const relay = await enforcingRelay()
    const neighbour = await plan.invite({ role: 'netwerk', room: 'plan' })
    expect(admitted(await raw(relay, plan.room('plan'), neighbour))).toBe(true)
    expect(refusalOf(await (await raw(relay, plan.room('netwerk'), neighbour)).closed)).toEqual({ code: 4403, refusal: 'invitation-does-not-open' })
  })

  it('lets invited writers of every role write together in the plan room', async () => {
    const relay = await enforcingRelay()
    const writers = await Promise.all(
      (['eigenaar', 'netwerk', 'professional'] as const).map(async (role) => client(relay, plan.room('plan'), await plan.invite({ role }))),
    )
    writers.forEach((writer, index) => writer.text.insert(0, `<${index}>`))
    await waitUntil(() => writers.every((writer) => writer.text.length === 9 && writer.text.toString() === writers[0]!.text.toString()), 'three writers converged')
  })

  it('refuses 200 mutated tokens over real sockets and never lets one in', async () => {
    const relay = await enforcingRelay()
    const genuine = fromBase64Url(await plan.invite({ role: 'meelezer' }))
    for (let i = 0; i < 200; i++) {
      const bytes = genuine.slice(0, genuine.length - (i % 3 === 0 ? i % 40 : 0))
      bytes[(i * 7) % bytes.length]! ^= 1 + (i % 255)
      const socket = await raw(relay, plan.room('plan'), toBase64Url(bytes))
      expect([4401, 4403]).toContain((await socket.closed).code)
      expect(socket.received).toEqual([])
    }
  })
})

describe('relay: a meelezer only reads', () => {
  it('receives the plan and presence live; its edits reach no one and are not stored, even after a restart', async () => {
    let relay = await enforcingRelay()
    const writer = await client(relay, plan.room('plan'), await plan.invite({ role: 'professional' }))
    writer.text.insert(0, 'Wat gaan we doen?')
    const reader = await client(relay, plan.room('plan'), await plan.invite({ role: 'meelezer' }))
    expect(reader.text.toString()).toBe('Wat gaan we doen?')

    writer.provider.awareness.setLocalStateField('user', { name: 'Fatima' })
    await waitUntil(() => [...reader.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Fatima'), 'the meelezer sees who is here')
    reader.text.insert(0, 'Van de meelezer: ')
    // Frames of one connection are handled in order: once the meelezer's presence (sent after
    // its edit) has reached the writer, its edit has been handled — and dropped.
    reader.provider.awareness.setLocalStateField('user', { name: 'Groot scherm' })
    await waitUntil(() => [...writer.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Groot scherm'), 'the writer sees the meelezer is here')
    writer.text.insert(writer.text.length, ' Samen koken.')
    await waitUntil(() => reader.text.toString().endsWith('Samen koken.'), 'the meelezer receives the next edit')
    expect(writer.text.toString()).toBe('Wat gaan we doen? Samen koken.')

    relay = await restart(relay)
    expect(await textStored(relay.openStorage(), plan.room('plan'))).toBe('Wat gaan we doen? Samen koken.')
    const later = await client(relay, plan.room('plan'), await plan.invite({ role: 'eigenaar' }))
    expect(later.text.toString()).toBe('Wat gaan we doen? Samen koken.')
  })

  it('is told once that it is read-only, however much it sends', async () => {
    const relay = await enforcingRelay()
    const socket = await raw(relay, plan.room('plan'), await plan.invite({ role: 'meelezer' }))
    for (let i = 0; i < 20; i++) await sendAndWait(socket, updateFrame(`poging ${i}`))
    const watcher = await client(relay, plan.room('plan'), await plan.invite({ role: 'eigenaar' }))
    expect(watcher.text.toString()).toBe('')
    expect(authReasons(socket)).toEqual(['read-only: this invitation lets you read the plan, not change it'])
    expect(socket.closeEvent).toBeUndefined()
  })
})

describe('relay: taking access back', () => {
  it('closes a live connection within moments of a revocation, refuses the token from then on, and keeps the others', async () => {
    let relay = await enforcingRelay()
    const netwerkToken = await plan.invite({ role: 'netwerk', name: 'Buurman Piet' })
    const eigenaar = await client(relay, plan.room('plan'), await plan.invite({ role: 'eigenaar' }))
    const piet = await raw(relay, plan.room('netwerk'), netwerkToken)
    const pietInPlan = await raw(relay, plan.room('plan'), netwerkToken)
    expect(admitted(piet) && admitted(pietInPlan)).toBe(true)

    const response = await fetch(`${relay.url}/plans/${plan.planId}/revocations`, {
      method: 'POST',
      body: await issueRevocation(plan.key, { tokenId: readToken(netwerkToken).id }),
    })
    expect(response.status).toBe(200)
    // Both of Piet's connections were closed before the relay answered.
    expect(await response.json()).toEqual({ planId: plan.planId, revoked: { tokenId: readToken(netwerkToken).id }, closedConnections: 2 })
    expect(refusalOf(await piet.closed)).toEqual({ code: 4403, refusal: 'revoked' })
    expect(refusalOf(await pietInPlan.closed)).toEqual({ code: 4403, refusal: 'revoked' })
    expect(refusalOf(await (await raw(relay, plan.room('plan'), netwerkToken)).closed)).toEqual({ code: 4403, refusal: 'revoked' })

    eigenaar.text.insert(0, 'nog steeds verbonden')
    const second = await client(relay, plan.room('plan'), await plan.invite({ role: 'netwerk' }))
    expect(second.text.toString()).toBe('nog steeds verbonden')

    relay = await restart(relay)
    expect(refusalOf(await (await raw(relay, plan.room('plan'), netwerkToken)).closed)).toEqual({ code: 4403, refusal: 'revoked' })
  })

  it('takes back every invitation signed before a moment (through the kring command), the eigenaar\'s own too', async () => {
    const relay = await enforcingRelay()
    const dir = await mkdtemp(join(tmpdir(), 'kring-access-'))
    try {
      const keyFile = join(dir, 'plan.json')
      await writeKeyFile(keyFile, plan.key)
      const old = await plan.invite({ role: 'eigenaar', issuedAt: Date.now() - 60_000 })
      const live = await raw(relay, plan.room('huishouden'), old)
      expect(admitted(live)).toBe(true)

      const run = await runKring('revoke', '--key', keyFile, '--relay', relay.url, '--issued-before', new Date(Date.now() - 30_000).toISOString())
      expect(run.code, run.stderr).toBe(0)
      expect(JSON.parse(run.stdout)).toMatchObject({ planId: plan.planId, closedConnections: 1 })
      expect(refusalOf(await live.closed)).toEqual({ code: 4403, refusal: 'revoked' })
      expect(refusalOf(await (await raw(relay, plan.room('plan'), old)).closed)).toEqual({ code: 4403, refusal: 'revoked' })
      expect(admitted(await raw(relay, plan.room('huishouden'), await plan.invite({ role: 'eigenaar' })))).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('closes a connection when its invitation expires', async () => {
    const relay = await enforcingRelay()
    const socket = await raw(relay, plan.room('plan'), await plan.invite({ role: 'professional', expiresAt: Date.now() + 3000 }))
    expect(admitted(socket)).toBe(true)
    expect(refusalOf(await socket.closed)).toEqual({ code: 4403, refusal: 'expired' })
  })

  it('refuses revocations it cannot trust, and says why', async () => {
    const relay = await enforcingRelay()
    const post = async (path: string, body: string, method = 'POST') => {
      const response = await fetch(`${relay.url}${path}`, { method, body: method === 'GET' ? undefined : body })
      return { status: response.status, body: (await response.json()) as unknown }
    }
    const genuine = await issueRevocation(plan.key, { issuedBefore: Date.now() })
    const bytes = fromBase64Url(genuine)
    bytes[bytes.length - 1]! ^= 1
    expect(await post(`/plans/${plan.planId}/revocations`, toBase64Url(bytes))).toEqual({ status: 403, body: { code: 'forged', error: 'revocation is not signed by the plan key' } })
    expect(await post(`/plans/${otherPlan.planId}/revocations`, genuine)).toEqual({ status: 403, body: { code: 'other-plan', error: 'revocation is for another plan' } })
    expect(await post(`/plans/${plan.planId}/revocations`, 'hallo')).toMatchObject({ status: 400, body: { code: 'malformed' } })
    expect(await post(`/plans/${plan.planId}/revocations`, await issueDeletion(plan.key))).toMatchObject({ status: 400, body: { code: 'malformed' } })
    expect(await post(`/plans/${plan.planId}/revocations`, 'A'.repeat(100_000))).toMatchObject({ status: 413, body: { code: 'too-large' } })
    expect(await post(`/plans/${plan.planId}/revocations`, '', 'GET')).toMatchObject({ status: 405, body: { code: 'method-not-allowed' } })
    expect(await post(`/plans/${plan.planId}/whatever`, genuine)).toMatchObject({ status: 404, body: { code: 'not-found' } })
    expect(await relay.openStorage().revocationsOf(plan.planId)).toEqual([])
  })
})

describe('relay: deleting a plan', () => {
  it('closes everyone, erases all three rooms and refuses the plan from then on, also after a restart', async () => {
    let relay = await enforcingRelay()
    const eigenaarToken = await plan.invite({ role: 'eigenaar' })
    const inRooms = await Promise.all(ROOM_KINDS.map((kind) => client(relay, plan.room(kind), eigenaarToken)))
    inRooms.forEach((connected, index) => connected.text.insert(0, `geheim ${index}`))
    const bystander = await client(relay, otherPlan.room('plan'), await otherPlan.invite({ role: 'eigenaar' }))
    bystander.text.insert(0, 'een ander plan')
    const live = await raw(relay, plan.room('netwerk'), await plan.invite({ role: 'netwerk' }))
    const before = relay.openStorage()
    for (const kind of ROOM_KINDS) {
      await waitUntil(async () => (await textStored(before, plan.room(kind)))?.startsWith('geheim'), `${kind} room stored`)
    }

    const dir = await mkdtemp(join(tmpdir(), 'kring-access-'))
    try {
      const keyFile = join(dir, 'plan.json')
      await writeKeyFile(keyFile, plan.key)
      const run = await runKring('delete', '--key', keyFile, '--relay', relay.url)
      expect(run.code, run.stderr).toBe(0)
      expect(JSON.parse(run.stdout)).toMatchObject({ planId: plan.planId, deleted: true })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    expect(refusalOf(await live.closed)).toEqual({ code: 4403, refusal: 'deleted' })
    expect(refusalOf(await (await raw(relay, plan.room('plan'), eigenaarToken)).closed)).toEqual({ code: 4403, refusal: 'deleted' })
    expect((await fetch(`${relay.url}/plans/${plan.planId}/revocations`, { method: 'POST', body: await issueRevocation(plan.key, { issuedBefore: 1 }) })).status).toBe(410)

    for (const connected of inRooms) connected.destroy()
    relay = await restart(relay)
    const storage = relay.openStorage()
    for (const room of roomsOfPlan(plan.planId)) {
      expect(await storage.load(room)).toBeNull()
      expect(await storage.size(room)).toEqual({ updates: 0, bytes: 0 })
    }
    expect(await storage.revocationsOf(plan.planId)).toEqual([])
    for (const kind of ROOM_KINDS) {
      expect(refusalOf(await (await raw(relay, plan.room(kind), eigenaarToken)).closed)).toEqual({ code: 4403, refusal: 'deleted' })
    }
    expect(await textStored(storage, otherPlan.room('plan'))).toBe('een ander plan')
  })
})

describe('relay: random frames from every role', () => {
  // 5,000 frames and hundreds of reconnects: on a busy shared machine that takes longer than the default 30 s.
  it('1,000 random frames per role: the relay keeps serving, and nothing a meelezer sends is applied or stored', { timeout: 120_000 }, async () => {
    const relay = await enforcingRelay()
    for (const role of ROLES) {
      const rolePlan = await newTestPlan()
      const room = rolePlan.room('plan')
      const token = await rolePlan.invite({ role })
      const watcher = await client(relay, room, await rolePlan.invite({ role: 'eigenaar' }))
      const closeCodes = new Set<number>()
      let socket = await raw(relay, room, token)
      for (const frame of randomFrames(1_000, role.length)) {
        if (socket.closeEvent !== undefined) {
          closeCodes.add(socket.closeEvent.code)
          socket = await raw(relay, room, token)
        }
        await sendAndWait(socket, frame)
      }
      expect([...closeCodes].every((code) => code === 4400), `${role} closed with ${[...closeCodes]}`).toBe(true)
      if (role === 'meelezer') expect(watcher.text.toString()).toBe('')
      // The relay still serves this room: a new connection gets what the watcher holds.
      watcher.text.insert(0, 'nog hier ')
      const check = await client(relay, room, await rolePlan.invite({ role: 'eigenaar' }))
      expect(check.text.toString()).toBe(watcher.text.toString())
      if (role === 'meelezer') expect(await textStored(relay.openStorage(), room)).toBe('nog hier ')
    }
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200)
  })
})

/** Random frames: raw bytes, valid updates, awareness-shaped and sync-shaped frames, and flipped valid frames. */
function randomFrames(count: number, seed: number): Uint8Array[] {
  let state = seed * 7919 + 17
  const next = (max: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % max
  }
  const bytes = (length: number) => Uint8Array.from({ length }, () => next(256))
  const frames: Uint8Array[] = []
  for (let i = 0; i < count; i++) {
    const kind = next(5)
    if (kind === 0) frames.push(bytes(next(200)))
    else if (kind === 1) frames.push(updateFrame(`tekst ${i}`))
    else if (kind === 2) frames.push(Uint8Array.of(MessageType.awareness, ...varUint(40), ...bytes(40)))
    else if (kind === 3) frames.push(Uint8Array.of(MessageType.sync, next(3), ...varUint(30), ...bytes(30)))
    else {
      const frame = updateFrame(`verknipt ${i}`)
      frame[1 + next(frame.length - 1)]! ^= 1 + next(255)
      frames.push(frame)
    }
  }
  return frames
}

/** The relay's logs hold no token, revocation or deletion, whatever happens. */
describe('relay: logs', () => {
  it('never write a token or a signed decision, through refusals, revocation and deletion', async () => {
    const lines: string[] = []
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-relay-'))
    const storage = new SqliteStorage(dataDir)
    const relay = await startRelay({
      config: { dataDir, requireTokens: true },
      storage,
      staticDir: null,
      logger: createLogger('trace', { write: (line: string) => void lines.push(line) }),
    })
    try {
      const logPlan = await newTestPlan()
      const secrets = [await logPlan.invite({ role: 'netwerk' }), await logPlan.invite({ role: 'professional' })]
      const admittedSocket = await session.knock(relay, logPlan.room('plan'), secrets[0])
      await session.knock(relay, logPlan.room('netwerk'), secrets[1])
      await session.knock(relay, logPlan.room('plan'), 'x' + secrets[1])
      const revocation = await issueRevocation(logPlan.key, { tokenId: readToken(secrets[0]!).id })
      const deletion = await issueDeletion(logPlan.key)
      secrets.push(revocation, deletion)
      await fetch(`${relay.url}/plans/${logPlan.planId}/revocations`, { method: 'POST', body: revocation })
      await fetch(`${relay.url}/plans/${logPlan.planId}/deletion`, { method: 'POST', body: deletion })
      expect(lines.length).toBeGreaterThan(3)
      for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret.slice(-40))
    } finally {
      await relay.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})

describe('posting a signed text (shared/protocol/postSignedText.ts, as the app and the kring command do)', () => {
  it('tells stored, refused for good and try later apart', async () => {
    const relay = await enforcingRelay()
    const revocation = await issueRevocation(plan.key, { issuedBefore: 1 })
    expect(await postSignedText(relay.url, plan.planId, 'revocations', revocation)).toEqual({
      outcome: 'stored',
      answer: { planId: plan.planId, revoked: { issuedBefore: 1 }, closedConnections: 0 },
    })
    expect(await postSignedText(relay.url, otherPlan.planId, 'revocations', revocation)).toMatchObject({ outcome: 'refused', status: 403, code: 'other-plan' })
    expect(await postSignedText(relay.url, plan.planId, 'deletion', await issueDeletion(plan.key))).toMatchObject({ outcome: 'stored', answer: { deleted: true } })
    expect(await postSignedText(relay.url, plan.planId, 'revocations', revocation)).toMatchObject({ outcome: 'refused', status: 410, code: 'deleted' })

    await relay.stop()
    expect(await postSignedText(relay.url, plan.planId, 'revocations', revocation)).toMatchObject({ outcome: 'later', status: undefined })
  })
})
