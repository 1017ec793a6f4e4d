import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ROOM_KINDS, roomName } from '../../shared/protocol/rooms.ts'
import { SqliteStorage } from '../../server/storage/sqlite.ts'
import { refusalOf } from '../relay/support/clients.ts'
import { knock } from '../relay/support/invitations.ts'
import { spawnRelay, type RelayProcess } from '../support/relayProcess.ts'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts'
import { waitUntil } from '../support/wait.ts'
import { addNoteViaUi, deletePlanViaUi, nlAccess, refusalNotice, revokeViaUi, sectionRegion, waitForNote } from './support/access.ts'
import { createPlanViaUi, inviteViaUi, joinPlanViaUi, openSection, SYNC_SENTENCES, waitForServiceWorkerControl, waitForSyncStatus } from './support/app.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'

const { uitnodiging: u, notities: n } = nlAccess

/**
 * Finding 5 of issue 16: a relay that lost its storage let a revoked token in
 * again and took a deleted plan back from a device that still held it. Here
 * the relay runs in a process of its own behind a fixed address (a proxy,
 * as a DNS name would be); the household takes Bram's access back and
 * deletes another plan; then the relay is killed and started afresh on an
 * empty data folder. The household's device, opening the app, teaches it
 * again: the revocation and the deletion are signed by the plan key, so
 * they prove themselves. A member device that saw the deletion never brings
 * the plan back; one that never saw it can, until the household's device
 * comes by, and is then turned away and its copy erased from the relay.
 */
describe('a relay that lost its storage is taught again by the household', () => {
  let browser: Browser
  let proxy: TcpProxy
  const relays: RelayProcess[] = []
  const dirs: string[] = []
  const open: Device[] = []

  async function relayOnEmptyFolder(): Promise<{ relay: RelayProcess; dataDir: string }> {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-wiped-'))
    dirs.push(dataDir)
    const relay = await spawnRelay({
      DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      KRING_REQUIRE_TOKENS: 'true',
      KRING_TEST_STATIC_DIR: inject('clientDir'),
      // Every device here is 127.0.0.1: one household's budget of /plans requests would be shared by five.
      KRING_MAX_PLAN_REQUESTS_PER_MINUTE: '100000',
      KRING_PLAN_REQUEST_BURST: '100000',
    })
    relays.push(relay)
    return { relay, dataDir }
  }

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await Promise.all(open.map((device) => device.close()))
    await browser?.close()
    await proxy?.close()
    await Promise.all(relays.map((relay) => relay.kill()))
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  async function device(): Promise<Device> {
    const made = await newDevice(browser)
    open.push(made)
    return made
  }

  /** What the relay's data folder holds of a plan: how many of its rooms, and their bytes (read through a handle of our own). */
  async function stored(dataDir: string, planId: string): Promise<{ rooms: number; holds(sentence: string): boolean }> {
    const storage = await SqliteStorage.open(dataDir)
    try {
      const states: Buffer[] = []
      for (const kind of ROOM_KINDS) {
        const state = await storage.load(roomName(planId, kind))
        if (state !== null) states.push(Buffer.from(state))
      }
      // A note is written in one go, so its sentence is one string in the update's bytes.
      return { rooms: states.length, holds: (sentence) => states.some((state) => state.includes(Buffer.from(sentence))) }
    } finally {
      await storage.close()
    }
  }

  /** How a relay answers a connection with `token`: refused (the code and why) or let in. Never waits for a socket it let in. */
  async function answer(relay: RelayProcess, room: string, token: string): Promise<ReturnType<typeof refusalOf> | 'let in'> {
    const socket = await knock(relay.url, room, token)
    socket.ws.terminate()
    return socket.closeEvent ? refusalOf(socket.closeEvent) : 'let in'
  }

  const tokenOf = (link: string) => decodeURIComponent(link.slice(link.indexOf('/uitnodiging/') + '/uitnodiging/'.length))

  it('takes back the revoked again and keeps the deleted plan deleted, from the household\'s first visit on', { timeout: 300_000 }, async () => {
    const first = await relayOnEmptyFolder()
    proxy = await startTcpProxy({ host: '127.0.0.1', port: first.relay.port })
    const base = `http://127.0.0.1:${proxy.port}`
    const [ans, bram, carla, dirk] = await Promise.all([device(), device(), device(), device()])

    // Plan 1: Ans invites Bram, then takes his access back.
    const kept = await createPlanViaUi(ans.page, base, { householdName: 'Familie Vos', myName: 'Ans' })
    const bramsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    await joinPlanViaUi(bram.page, bramsLink, { name: 'Bram', relation: 'buurman' })
    await waitForSyncStatus(bram.page, SYNC_SENTENCES.shared)
    const bramsRow = await revokeViaUi(ans.page, 'Bram')
    await bramsRow.getByText(u.list.confirmed.split('{{')[0]!).waitFor()
    await refusalNotice(bram.page, u.refused.revoked.title).waitFor()

    // Plan 2: Carla and Dirk write in it; Carla goes offline, Ans deletes it; Dirk is told, Carla is not.
    const deleted = await createPlanViaUi(ans.page, base, { householdName: 'Familie Weg', myName: 'Ans' })
    const carlasLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Carla' })
    const dirksLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Dirk' })
    for (const [person, link, note] of [
      [carla, carlasLink, 'Carla kookt op vrijdag.'],
      [dirk, dirksLink, 'Dirk brengt de kinderen.'],
    ] as const) {
      await joinPlanViaUi(person.page, link, { name: note.split(' ')[0]!, relation: 'vriend' })
      await waitForSyncStatus(person.page, SYNC_SENTENCES.shared)
      await openSection(person.page, n.title)
      await addNoteViaUi(person.page, sectionRegion(person.page, n.title), note)
    }
    await waitForNote(carla.page, 'Dirk brengt de kinderen.')
    await waitForNote(dirk.page, 'Carla kookt op vrijdag.')
    await waitForServiceWorkerControl(carla.page)
    await carla.context.setOffline(true)
    await waitForSyncStatus(carla.page, SYNC_SENTENCES.offline)
    await deletePlanViaUi(ans.page, 'Familie Weg')
    await ans.page.getByText(u.deleted.confirmed).waitFor()
    await refusalNotice(dirk.page, u.refused.deleted.title).waitFor()
    // Ans is back in the plan she kept; then she closes the app.
    await ans.page.goto(`${base}/#/plan/${kept}`)
    await ans.page.getByRole('heading', { level: 1, name: 'Familie Vos' }).waitFor()
    await ans.page.goto('about:blank')

    // The relay loses everything: killed, and started on an empty folder behind the same address.
    await first.relay.kill('SIGKILL')
    const second = await relayOnEmptyFolder()
    proxy.target = { host: '127.0.0.1', port: second.relay.port }
    // It knows nothing: Bram's revoked invitation gets in.
    const bramsToken = tokenOf(bramsLink)
    expect(await answer(second.relay, roomName(kept, 'plan'), bramsToken)).toBe('let in')

    // Dirk, who was told the plan was deleted, opens the app again: his device does not bring the plan back.
    await dirk.page.reload()
    await refusalNotice(dirk.page, u.refused.deleted.title).waitFor()
    // Carla, who never saw the deletion, comes back online: her device brings its copy to the relay, which cannot know better yet.
    await carla.context.setOffline(false)
    await waitForSyncStatus(carla.page, SYNC_SENTENCES.shared)
    await addNoteViaUi(carla.page, sectionRegion(carla.page, n.title), 'Carla is weer online.')
    await waitUntil(async () => (await stored(second.dataDir, deleted)).holds('Carla is weer online.'), 'Carla\'s copy re-created the plan on the wiped relay')

    // Ans opens the app: her device posts the deletion it kept, and, once connected to her plan, the revocation the relay lacks.
    await ans.page.goto(`${base}/#/plan/${kept}`)
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    await waitUntil(async () => {
      const now = await answer(second.relay, roomName(kept, 'plan'), bramsToken)
      return now !== 'let in' && now.refusal === 'revoked'
    }, 'Bram\'s invitation is refused as revoked again')
    await waitUntil(async () => (await stored(second.dataDir, deleted)).rooms === 0, 'the deleted plan is erased from the relay again')
    await refusalNotice(carla.page, u.refused.deleted.title).waitFor()
    expect(await answer(second.relay, roomName(deleted, 'plan'), tokenOf(carlasLink))).toEqual({ code: 4403, refusal: 'deleted' })

    // Bram and Carla open the app again: neither device connects with the invitation the relay refused, and nothing comes back.
    await bram.page.reload()
    await refusalNotice(bram.page, u.refused.revoked.title).waitFor()
    await carla.page.reload()
    await refusalNotice(carla.page, u.refused.deleted.title).waitFor()
    expect((await stored(second.dataDir, deleted)).rooms).toBe(0)
    // Dirk's device never connected after the wipe: what Carla wrote on the wiped relay, live in the room for a long while, never reached it.
    await openSection(dirk.page, n.title)
    expect(await dirk.page.getByText('Carla kookt op vrijdag.').count()).toBe(1)
    expect(await dirk.page.getByText('Carla is weer online.').count()).toBe(0)
    expect([...ans.errors, ...bram.errors, ...carla.errors, ...dirk.errors]).toEqual([])
  })
})
