import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromBase64 } from 'lib0/buffer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { issuePlanRequest } from '../../shared/capabilities/planRequest.ts'
import { buildExport, type KringExport } from '../../shared/export/index.ts'
import { createPlanKey } from '../../shared/identity/planKey.ts'
import { Plan } from '../../shared/plan/index.ts'
import { postSignedText } from '../../shared/protocol/postSignedText.ts'
import { roomName } from '../../shared/protocol/rooms.ts'
import { PostgresStorage } from '../../server/storage/postgres.ts'
import type { Storage } from '../../server/storage/storage.ts'
import { examplePlan } from '../support/examplePlan.ts'
import { runKring } from '../support/kringCommand.ts'
import { dropPostgresSchema, needPostgres, uniquePostgresSchema } from '../support/services.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'

/**
 * Export and import through the operator's command line against a real
 * relay, on SQLite and on PostgreSQL: a plan imported from an export under a
 * new key, exported again with everything it held; and nobody without the
 * plan key gets a byte.
 */
const databaseUrl = await needPostgres()

const backends: { name: string; storage: () => Promise<{ storage?: Storage; done: () => Promise<void> }> }[] = [
  { name: 'SQLite', storage: async () => ({ done: async () => {} }) },
  {
    name: 'PostgreSQL',
    storage: async () => {
      const schema = uniquePostgresSchema()
      const storage = await PostgresStorage.open({ connectionString: databaseUrl!, schema })
      return { storage, done: () => dropPostgresSchema(databaseUrl!, schema) }
    },
  },
]

for (const backend of backends) {
  describe.skipIf(backend.name === 'PostgreSQL' && !databaseUrl)(`kring export and import, relay on ${backend.name}`, () => {
    let relay: TestRelay
    let dir: string
    let done: () => Promise<void>
    /** What the relay stored, read through the same backend. */
    let stored: Storage

    beforeAll(async () => {
      const made = await backend.storage()
      done = made.done
      relay = await startTestRelay({ storage: made.storage, staticDir: null })
      stored = made.storage ?? relay.openStorage()
      dir = await mkdtemp(join(tmpdir(), 'kring-transfer-'))
    })

    afterAll(async () => {
      await relay?.close()
      await done?.()
      await rm(dir, { recursive: true, force: true })
    })

    it('imports an export as a new plan under a new key, and exports it again with everything it held', async () => {
      const { plan, huishouden } = examplePlan()
      const file = join(dir, 'export.json')
      await writeFile(file, JSON.stringify(buildExport({ plan: plan.doc, huishouden: huishouden.doc })))
      const keyFile = join(dir, 'nieuw.json')

      const imported = await runKring('import', '--file', file, '--key', keyFile, '--relay', relay.url)
      expect(imported.stderr).toBe('')
      expect(imported.code).toBe(0)
      const { planId } = JSON.parse(imported.stdout) as { planId: string }
      expect(planId).toBe(JSON.parse(await readFile(keyFile, 'utf8')).planId)
      expect(planId).not.toBe(plan.meta.get().planId)

      const exported = await runKring('export', '--key', keyFile, '--relay', relay.url)
      expect(exported.code).toBe(0)
      const again = JSON.parse(exported.stdout) as KringExport
      expect(again).toMatchObject({ format: 'kring-export', plan: { id: planId, householdName: 'Familie Jansen' } })
      expect(Object.keys(again.rooms).sort()).toEqual(['huishouden', 'plan'])
      const { toegang: _old, ...before } = buildExport({ plan: plan.doc, huishouden: huishouden.doc }).rooms.plan!.readable
      const { toegang, ...after } = again.rooms.plan!.readable
      expect(JSON.parse(JSON.stringify(after))).toEqual(JSON.parse(JSON.stringify(before)))
      expect(toegang).toEqual([])
      expect(again.rooms.huishouden!.readable.notities.notepad).toBe('Alleen voor ons: bellen met de bank')

      // The relay holds it as any plan: a device connecting later loads it from storage.
      const state = await stored.load(roomName(planId, 'plan'))
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state!)
      expect(Plan.open(doc).basisteam.list().map((a) => a.wat)).toEqual(['Boodschappen doen'])

      // A plan the relay holds already is never overwritten by an import.
      const twice = await runKring('import', '--file', file, '--key', keyFile, '--relay', relay.url)
      expect(twice.code).toBe(1)
      expect(twice.stderr).toMatch(/HTTP 409/)
    })

    it('gives nothing to a request not signed by the plan key, nor to one used twice', async () => {
      const { plan } = examplePlan()
      const file = join(dir, 'export-2.json')
      await writeFile(file, JSON.stringify(buildExport({ plan: plan.doc })))
      const keyFile = join(dir, 'eigen.json')
      const { planId } = JSON.parse((await runKring('import', '--file', file, '--key', keyFile, '--relay', relay.url)).stdout) as { planId: string }

      // Signed by another plan's key, for this plan: refused, and the answer holds no room.
      const stranger = await createPlanKey()
      const forged = await postSignedText(relay.url, planId, 'export', await issuePlanRequest(stranger, 'exportRequest'))
      expect(forged).toMatchObject({ outcome: 'refused', status: 403 })
      expect(JSON.stringify(forged)).not.toContain('rooms')

      // Not signed at all.
      const unsigned = await fetch(`${relay.url}/plans/${planId}/export`, { method: 'POST', body: 'geef mij alles' })
      expect(unsigned.status).toBe(400)
      expect(await unsigned.text()).not.toMatch(/rooms|Familie/)

      // The key file's own request counts once.
      const key = await (await import('../../server/cli/keyFile.ts')).readKeyFile(keyFile, () => {})
      const request = await issuePlanRequest(key, 'exportRequest')
      const first = await postSignedText(relay.url, planId, 'export', request)
      expect(first.outcome).toBe('stored')
      if (first.outcome === 'stored') expect(Object.keys(first.answer.rooms)).toEqual(['plan'])
      if (first.outcome === 'stored') expect(fromBase64(first.answer.rooms.plan!).length).toBeGreaterThan(100)
      expect(await postSignedText(relay.url, planId, 'export', request)).toMatchObject({ outcome: 'refused', status: 409, code: 'replayed' })

      // An old request is out of date.
      const old = await issuePlanRequest(key, 'exportRequest', { now: Date.now() - 10 * 60_000 })
      expect(await postSignedText(relay.url, planId, 'export', old)).toMatchObject({ outcome: 'refused', status: 403, code: 'expired' })
    })

    it('refuses an import whose signature is for other content', async () => {
      const key = await createPlanKey()
      const { plan } = examplePlan(key.planId)
      const state = Buffer.from(Y.encodeStateAsUpdate(plan.doc)).toString('base64')
      const request = await issuePlanRequest(key, 'importRequest', { digest: new Uint8Array(32) })
      const result = await postSignedText(relay.url, key.planId, 'import', JSON.stringify({ request, rooms: { plan: state } }))
      expect(result).toMatchObject({ outcome: 'refused', status: 403, code: 'forged' })
      expect(await stored.load(roomName(key.planId, 'plan'))).toBeNull()
    })
  })
}

describe('the import limit (KRING_MAX_IMPORT_BYTES)', () => {
  let relay: TestRelay
  beforeAll(async () => {
    relay = await startTestRelay({ staticDir: null, config: { limits: { maxImportBytes: 4096 } } })
  })
  afterAll(() => relay?.close())

  it('refuses a bigger import with 413 and stores nothing', async () => {
    const key = await createPlanKey()
    const { plan } = examplePlan(key.planId)
    const state = Buffer.from(Y.encodeStateAsUpdate(plan.doc)).toString('base64')
    expect(state.length).toBeGreaterThan(4096)
    const result = await postSignedText(relay.url, key.planId, 'import', JSON.stringify({ request: await issuePlanRequest(key, 'importRequest'), rooms: { plan: state } }))
    expect(result).toMatchObject({ outcome: 'refused', status: 413, code: 'too-large' })
    expect(await relay.openStorage().load(roomName(key.planId, 'plan'))).toBeNull()
  })
})
