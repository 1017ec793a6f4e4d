import { readFile, stat } from 'node:fs/promises'
import * as Y from 'yjs'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { importDigest, issuePlanRequest } from '../../shared/capabilities/planRequest.ts'
import { buildExport, importAsNewPlan, readExport, type KringExport } from '../../shared/export/index.ts'
import { createPlanKey, type PlanKey } from '../../shared/identity/planKey.ts'
import type { ImportBody } from '../../shared/protocol/planEndpoints.ts'
import { ROOM_KINDS, type RoomKind } from '../../shared/protocol/rooms.ts'
import { readKeyFile, writeKeyFile } from './keyFile.ts'
import { postToRelay } from './relayClient.ts'

/**
 * `kring export` and `kring import` (issue 12): a household's data request
 * answered from the relay, and a plan taken along to another Kring. The
 * relay hands out and takes in Yjs state only, for a request signed by the
 * plan key; the export file itself (docs/export-format.md) is made here,
 * with the same code the app uses.
 */

/** Everything the relay holds of the key's plan, as Kring's export file. */
export async function exportFromRelay(relay: URL, key: PlanKey, now: Date = new Date()): Promise<KringExport> {
  const answer = await postToRelay(relay, key.planId, 'export', await issuePlanRequest(key, 'exportRequest'))
  const docs: Partial<Record<RoomKind, Y.Doc>> = {}
  for (const kind of ROOM_KINDS) {
    const state = answer.rooms[kind]
    if (typeof state !== 'string') continue
    const doc = new Y.Doc()
    Y.applyUpdate(doc, fromBase64(state))
    docs[kind] = doc
  }
  if (!docs.plan) throw new Error(`The relay at ${relay.origin} holds nothing of plan ${key.planId}`)
  return buildExport(docs, now)
}

/**
 * Creates a new plan on the relay from an export file, under the key in
 * `keyFile` (made there when the file does not exist yet, mode 0600).
 * Returns the new plan's id.
 */
export async function importToRelay(relay: URL, file: string, keyFile: string, warn: (message: string) => void): Promise<{ planId: string; keyFile: string; rooms: RoomKind[] }> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new Error(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const { rooms } = readExport(parsed)
  const key = (await exists(keyFile)) ? await readKeyFile(keyFile, warn) : await newKeyFile(keyFile)
  const states = importAsNewPlan(rooms, key.planId)
  const request = await issuePlanRequest(key, 'importRequest', { digest: await importDigest(states) })
  const body: ImportBody = { request, rooms: Object.fromEntries(Object.entries(states).map(([kind, state]) => [kind, toBase64(state)])) }
  const answer = await postToRelay(relay, key.planId, 'import', JSON.stringify(body))
  return { planId: answer.planId, keyFile, rooms: answer.rooms }
}

async function newKeyFile(path: string): Promise<PlanKey> {
  const key = await createPlanKey()
  await writeKeyFile(path, key)
  return key
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
