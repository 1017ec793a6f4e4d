import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

/** Debian's Chromium with the flags every browser test here uses (notes/team-rules.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Starts one browser; share it across a test file and make a device per person. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** One person's device: a browser context with a profile of its own (IndexedDB, service worker, storage) and one page. */
export interface Device {
  context: BrowserContext
  page: Page
  /** Uncaught errors in the page so far, and what the Content-Security-Policy blocked; a test can assert there were none. */
  errors: Error[]
  close(): Promise<void>
}

/**
 * A fresh device. Every context starts with empty storage, so it is a new
 * device to the app: no plans, no keys, no "who am I".
 */
export async function newDevice(browser: Browser, options: BrowserContextOptions = {}): Promise<Device> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...options })
  // Generous: the machine is shared, and a relay round trip under load can take seconds.
  context.setDefaultTimeout(30_000)
  const page = await context.newPage()
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  // The relay's Content-Security-Policy is on in every test: anything it blocks is an error of the app.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(new Error(message.text()))
  })
  return { context, page, errors, close: () => context.close() }
}
