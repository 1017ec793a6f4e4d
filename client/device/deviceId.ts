import { newId } from '../../shared/plan/core.ts'
import { deviceDb } from './db.ts'

const KEY = 'deviceId'

/**
 * This device's own random id, made once: what a claim of a person names
 * (shared/plan/personDevices.ts), so the household can undo "this phone says
 * it is Oma Riet". It identifies nothing outside the plans this device joins.
 */
export async function deviceId(): Promise<string> {
  const db = await deviceDb()
  const known = await db.get('settings', KEY)
  if (known) return known
  const made = newId()
  await db.put('settings', made, KEY)
  return made
}
