import { deviceDb } from './db.ts'

const KEY = 'displayName'

/** The name the person on this device last gave, to fill in forms for them; '' when none. */
export async function loadDisplayName(): Promise<string> {
  return (await (await deviceDb()).get('settings', KEY)) ?? ''
}

/** Remembers the name the person on this device goes by. */
export async function saveDisplayName(name: string): Promise<void> {
  await (await deviceDb()).put('settings', name.trim(), KEY)
}
