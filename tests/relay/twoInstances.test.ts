import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { needPostgres, needRedis } from '../support/services.ts'
import { startSharedRelays, type SharedRelays } from '../support/sharedRelays.ts'
import { connectClient, type TestClient } from './support/clients.ts'
import { waitUntil } from '../support/wait.ts'

const databaseUrl = await needPostgres()
const redisUrl = await needRedis()

describe.skipIf(!databaseUrl || !redisUrl)('two relay instances on PostgreSQL and Redis', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const cluster = async (count: number): Promise<SharedRelays> => {
    const shared = await startSharedRelays(count, { databaseUrl: databaseUrl!, redisUrl: redisUrl! })
    cleanups.push(() => shared.dispose())
    return shared
  }
  const client = async (syncUrl: string, room: string): Promise<TestClient> => {
    const connected = await connectClient(syncUrl, room)
    cleanups.push(() => connected.destroy())
    return connected
  }

  it('a client on each instance edits one plan live, and sees who else is there', async () => {
    const { syncUrl } = await cluster(2)
    const room = `plan-${randomBytes(6).toString('hex')}`
    const onA = await client(syncUrl(0), room)
    const onB = await client(syncUrl(1), room)

    onA.text.insert(0, 'Wat vinden wij belangrijk? ')
    await waitUntil(() => onB.text.toString() === 'Wat vinden wij belangrijk? ', 'B sees A typing')
    onB.text.insert(onB.text.length, 'Nabij zijn.')
    onA.text.insert(0, '» ')
    const both = '» Wat vinden wij belangrijk? Nabij zijn.'
    await waitUntil(() => onA.text.toString() === both && onB.text.toString() === both, 'both converge')

    onA.provider.awareness.setLocalStateField('user', { name: 'Oma Ria' })
    await waitUntil(
      () => [...onB.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Oma Ria'),
      'B sees that A is here',
    )
  })

  it('an instance that starts later serves the plan whole, and joins the live editing', async () => {
    const shared = await cluster(1)
    const room = `plan-${randomBytes(6).toString('hex')}`
    const onA = await client(shared.syncUrl(0), room)
    for (let i = 0; i < 50; i++) onA.text.insert(onA.text.length, `${i};`)
    const written = onA.text.toString()

    await shared.add()
    const onB = await client(shared.syncUrl(1), room)
    await waitUntil(() => onB.text.toString() === written, 'B loads what A stored')
    onB.text.insert(0, 'nieuw ')
    await waitUntil(() => onA.text.toString() === `nieuw ${written}`, 'A sees B live')
    expect(onB.text.toString()).toBe(onA.text.toString())
  })
})
