import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import common from '../../client/i18n/common.ts'
import netwerkatlas from '../../client/sections/netwerkatlas/i18n.ts'
import workspace from '../../client/workspace/i18n.ts'
import { createPlanViaUi, openSection, SYNC_SENTENCES, typeInStory, waitForSyncStatus } from './support/app.ts'
import { seriousFaults } from './support/axe.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'
import { fillExampleHousehold } from './support/exampleHousehold.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'

type Language = 'nl' | 'en'
const SECTIONS = Object.keys(workspace.nl.nav) as (keyof typeof workspace.nl.nav)[]
const INSTRUMENTS = Object.keys(netwerkatlas.nl.instruments) as (keyof typeof netwerkatlas.nl.instruments)[]
const SCREENS = [
  { name: 'phone', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  { name: 'laptop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
] as const

/** Opens a section (by its address, as a bookmark would) and waits for its heading. */
async function openByAddress(page: Page, base: string, planId: string, path: string, heading: string): Promise<void> {
  await page.goto(`${base}/#/plan/${planId}/${path}`)
  await page.getByRole('heading', { name: heading, exact: true }).first().waitFor()
}

describe('accessibility: axe-core on every section, in Dutch and English, on a phone and a laptop', () => {
  let browser: Browser
  let relay: TestRelay
  let household: Device
  let planId = ''

  beforeAll(async () => {
    ;[browser, relay] = await Promise.all([launchBrowser(), startTestRelay()])
    household = await newDevice(browser, { viewport: { width: 1280, height: 800 } })
    planId = await createPlanViaUi(household.page, relay.url, { householdName: 'Familie Jansen', myName: 'Marieke' })
    await waitForSyncStatus(household.page, SYNC_SENTENCES.shared)
    await openSection(household.page, 'Ons verhaal')
    await typeInStory(household.page, 'Wij wonen sinds 2015 in de Vogelbuurt.')
    // Sections with things in them, so what lists, drawings and forms show is checked, not only empty states.
    await fillExampleHousehold(household.page)
  })

  afterAll(async () => {
    await household?.close()
    await browser?.close()
    await relay?.close()
  })

  for (const screen of SCREENS) {
    for (const language of ['nl', 'en'] as Language[]) {
      it(`finds nothing serious or critical on the ${screen.name} in ${language === 'nl' ? 'Dutch' : 'English'}`, async () => {
        // The household's own device, so every section (also "Alleen voor ons" and Toegang) is there.
        const page = await household.context.newPage()
        try {
          await page.setViewportSize(screen.viewport)
          await page.goto(`${relay.url}/#/plan/${planId}/verhaal`)
          await page.getByLabel(common[language === 'nl' ? 'en' : 'nl'].language.label).or(page.getByLabel(common[language].language.label)).first().selectOption(language)
          const words = workspace[language]
          const faults: string[] = []
          for (const section of SECTIONS) {
            await openByAddress(page, relay.url, planId, section, words.nav[section])
            faults.push(...(await seriousFaults(page)).map((fault) => `${section}: ${fault}`))
          }
          for (const instrument of INSTRUMENTS) {
            await openByAddress(page, relay.url, planId, `netwerkatlas/${instrument}`, netwerkatlas[language].instruments[instrument])
            faults.push(...(await seriousFaults(page)).map((fault) => `netwerkatlas/${instrument}: ${fault}`))
          }
          await saveScreenshot(page, `a11y-${screen.name}-${language}-last-section`)
          expect(faults).toEqual([])
        } finally {
          await page.close()
        }
      })
    }
  }
})
