import { randomBytes } from 'node:crypto'
import { mkdtemp, open, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { issueDeletion } from '../../shared/capabilities/deletion.ts'
import { issueRevocation } from '../../shared/capabilities/revocation.ts'
import { readToken } from '../../shared/capabilities/token.ts'
import { SQLITE_FILE_NAME } from '../../server/storage/sqlite.ts'
import { connectClient, refusalOf } from '../relay/support/clients.ts'
import { knock, newTestPlan } from '../relay/support/invitations.ts'
import { spawnRelay, type RelayProcess } from '../support/relayProcess.ts'
import { waitUntil } from '../support/wait.ts'

/**
 * Finding 5 of issue 16: a write-ahead log damaged after kill -9 silently
 * dropped a revocation. SQLite reads its log up to the first frame that
 * fails its checksum and drops the rest without a word, so whatever lives
 * only in the log rests on every frame before it. Here the relay (as `npm
 * start` runs it) stores a revocation and a deletion, people keep writing
 * after them, the relay is killed with SIGKILL, every frame of its log is
 * overwritten with junk, and it is started again: the revoked token and the
 * deleted plan are still refused.
 */
describe('a write-ahead log damaged after kill -9', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('loses no revocation and no deletion: after a restart the revoked token and the deleted plan are still refused', { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-wal-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const relays: RelayProcess[] = []
    cleanups.push(() => Promise.all(relays.map((relay) => relay.kill())))
    const start = async () => {
      const relay = await spawnRelay({ DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined, KRING_REQUIRE_TOKENS: 'true', KRING_ROOM_IDLE_MS: '600000' })
      relays.push(relay)
      return relay
    }
    const first = await start()
    const syncUrl = `${first.url.replace(/^http/, 'ws')}/sync`
    const [kept, deleted] = [await newTestPlan(), await newTestPlan()]
    const revoked = await kept.invite({ role: 'netwerk' })
    const household = await kept.invite({ role: 'eigenaar' })
    const writer = await connectClient(syncUrl, kept.room('plan'), { token: household })
    cleanups.push(() => writer.destroy())
    const other = await connectClient(syncUrl, deleted.room('plan'), { token: await deleted.invite({ role: 'eigenaar' }) })
    other.text.insert(0, 'wordt verwijderd')
    writer.text.insert(0, 'voor het intrekken ')
    await waitUntil(async () => (await knock(first.url, kept.room('plan'), revoked)).closeEvent === undefined, 'the invitation lets its holder in before it is revoked')

    const post = (planId: string, endpoint: string, body: string) => fetch(`${first.url}/plans/${planId}/${endpoint}`, { method: 'POST', body })
    expect((await post(deleted.planId, 'deletion', await issueDeletion(deleted.key))).status).toBe(200)
    expect((await post(kept.planId, 'revocations', await issueRevocation(kept.key, { tokenId: readToken(revoked).id }))).status).toBe(200)
    other.destroy()
    // People keep writing after the revocation, so the log holds frames when the relay dies.
    for (let i = 0; i < 20; i++) writer.text.insert(writer.text.length, `na het intrekken ${i} ${randomBytes(2_000).toString('hex')} `)
    const wal = join(dataDir, `${SQLITE_FILE_NAME}-wal`)
    await waitUntil(async () => (await stat(wal).catch(() => ({ size: 0 }))).size > 64 * 1024, 'the edits after the revocation are in the write-ahead log')
    await first.kill('SIGKILL')

    // Every frame after the log's 32-byte header becomes junk: nothing in the log can be read.
    const size = (await stat(wal)).size
    const file = await open(wal, 'r+')
    await file.write(randomBytes(size - 32), 0, size - 32, 32)
    await file.close()

    const second = await start()
    /** How the relay answers a connection: refused (with the code and why) or let in. */
    const answer = async (room: string, token: string) => {
      const socket = await knock(second.url, room, token)
      socket.ws.terminate()
      return socket.closeEvent ? refusalOf(socket.closeEvent) : 'let in'
    }
    expect(await answer(kept.room('plan'), revoked)).toEqual({ code: 4403, refusal: 'revoked' })
    expect(await answer(deleted.room('plan'), await deleted.invite({ role: 'eigenaar' }))).toEqual({ code: 4403, refusal: 'deleted' })
    // The household is still let in; what the junk took, its device sends again.
    expect(await answer(kept.room('plan'), household)).toBe('let in')
  })
})
