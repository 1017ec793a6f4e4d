import { LANGUAGES, type Language } from '../../shared/plan/core.ts'

/**
 * The language this device shows the app in. Kept in localStorage, not
 * IndexedDB like the rest of client/device/, because i18n needs it
 * synchronously before the first render (no flash of the wrong language).
 */
const KEY = 'kring.language'

/** The language chosen on this device, or Dutch when none was chosen. */
export function loadLanguage(): Language {
  try {
    const stored = localStorage.getItem(KEY)
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'nl'
  } catch {
    // Storage can be blocked (private mode, strict settings): fall back to the default.
    return 'nl'
  }
}

/** Remembers the chosen language on this device. */
export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language)
  } catch {
    // Not remembering is acceptable; the switch still works for this visit.
  }
}
