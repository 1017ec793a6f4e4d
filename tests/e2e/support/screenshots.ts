import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

/** Where screenshots go: test-output/e2e/ at the repository root (gitignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-output/e2e/', import.meta.url))

/** Saves a full-page screenshot as test-output/e2e/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
