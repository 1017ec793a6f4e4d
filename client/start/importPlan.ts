import * as Y from 'yjs'
import { importAsNewPlan, readExport } from '../../shared/export/index.ts'
import { createPlanKey, exportPlanKey } from '../../shared/identity/planKey.ts'
import { ROOM_KINDS } from '../../shared/protocol/rooms.ts'
import { savePlanKey } from '../device/planKeys.ts'
import { rememberPlan } from '../device/plans.ts'
import { writeOnThisDevice } from '../sync/localCopy.ts'

/**
 * Opens a Kring export (docs/export-format.md) as a new plan on this device:
 * a new plan key (kept here, so this device manages it), so a new plan id;
 * every room of the file written into this device's copy. Works offline;
 * the relay receives the plan when it is opened. Throws ExportFileError for
 * a file that is no (readable) export. Returns the new plan id.
 */
export async function importPlan(file: unknown): Promise<string> {
  const { householdName, rooms } = readExport(file)
  const key = await createPlanKey()
  const states = importAsNewPlan(rooms, key.planId)
  await savePlanKey(await exportPlanKey(key))
  for (const kind of ROOM_KINDS) {
    const state = states[kind]
    if (state) await writeOnThisDevice(key.planId, (doc) => Y.applyUpdate(doc, state), kind)
  }
  await rememberPlan(key.planId, householdName)
  return key.planId
}
