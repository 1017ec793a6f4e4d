import type { BrowserContextOptions } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startTestRelay, type TestRelay } from '../../support/testRelay.ts'
import { launchBrowser, newDevice, type Device } from './browser.ts'

/** A four-year-old phone's screen, by finger: the size issue 15 holds the app to. */
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }

/** The people's devices of one describe block, on one Chromium and one relay. */
export interface DevicesOnOneRelay {
  /** A new device (a person's own browser profile); closed after the block if the test does not close it first. */
  device(options?: BrowserContextOptions): Promise<Device>
  /** Closes devices before the block ends (a person puts their phone away). */
  close(...devices: Device[]): Promise<void>
  /** The relay's address, once the block's `beforeAll` has run. */
  relayUrl(): string
}

/**
 * Starts Chromium and a relay before the describe block it is called in, and
 * closes every device, the browser and the relay after it: what each
 * end-to-end test of several people on one relay needs, written once.
 */
export function devicesOnOneRelay(): DevicesOnOneRelay {
  let started: { browser: Awaited<ReturnType<typeof launchBrowser>>; relay: TestRelay } | undefined
  const open: Device[] = []

  beforeAll(async () => {
    const [browser, relay] = await Promise.all([launchBrowser(), startTestRelay()])
    started = { browser, relay }
  })

  afterAll(async () => {
    await Promise.all(open.map((device) => device.close()))
    await started?.browser.close()
    await started?.relay.close()
  })

  function ready() {
    if (started === undefined) throw new Error('devicesOnOneRelay: used before its beforeAll ran')
    return started
  }

  return {
    async device(options) {
      const made = await newDevice(ready().browser, options)
      open.push(made)
      return made
    },
    async close(...devices) {
      for (const done of devices) {
        open.splice(open.indexOf(done), 1)
        await done.close()
      }
    },
    relayUrl: () => ready().relay.url,
  }
}
