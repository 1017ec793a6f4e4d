import { deviceDb } from './db.ts'

/**
 * Imported first by main.tsx, so that it runs before React's modules are
 * evaluated (modules run in import order): every page reads this device's
 * database first (its plans, its invitations), and on a first visit creating
 * it takes tens of milliseconds in the browser, which now overlap the
 * evaluation of the rest of the app instead of following it. Whoever reads
 * it next hears why, should it not open.
 */
deviceDb().catch(() => {})
