import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import mensen from '../../client/sections/mensen/i18n.ts'
import { ATLAS_LABELS } from '../../shared/plan/index.ts'
import { createPlanViaUi, inviteViaUi, joinPlanViaUi, openSection, SYNC_SENTENCES, waitForSyncStatus } from './support/app.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'
import {
  addEvent,
  addPersonOnRelatiekaart,
  atlas,
  descriptionOf,
  dragToCell,
  fingerDragToCell,
  eventsInOrder,
  mapPill,
  namesInRing,
  openInstrument,
  pickerNames,
  placedWords,
  waitingChip,
} from './support/netwerkatlas.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots.ts'
import { waitUntil } from '../support/wait.ts'
import { fillExampleHousehold } from './support/exampleHousehold.ts'

/**
 * The netwerkatlas end to end: real Chromium, the real relay, the built
 * client. Ans (the household, on a laptop) and Bram (the neighbour, on a
 * phone-sized screen) share one plan for the first tests; the example
 * household for the screenshots gets a plan of its own.
 */
describe('netwerkatlas', () => {
  let browser: Browser
  let relay: TestRelay
  const devices: Device[] = []
  let ans: Device
  let bram: Device

  async function device(options?: Parameters<typeof newDevice>[1]): Promise<Device> {
    const made = await newDevice(browser, options)
    devices.push(made)
    return made
  }

  beforeAll(async () => {
    ;[browser, relay] = await Promise.all([launchBrowser(), startTestRelay()])
    ;[ans, bram] = await Promise.all([device(), device({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true })])
    await createPlanViaUi(ans.page, relay.url, { householdName: 'Familie de Boer', myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    const link = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    await joinPlanViaUi(bram.page, link, { name: 'Bram', relation: 'buurman' })
    await waitForSyncStatus(bram.page, SYNC_SENTENCES.shared)
  })

  afterAll(async () => {
    await Promise.all(devices.map((d) => d.close()))
    await browser?.close()
    await relay?.close()
  })

  /** Waits until someone's pill on this device's map says they stand at this ring and sector. */
  async function seesPlaced(page: Page, name: string, ring: Parameters<typeof placedWords>[1], sector: Parameters<typeof placedWords>[2]) {
    const words = placedWords(name, ring, sector)
    await waitUntil(async () => (await mapPill(page, name).getAttribute('aria-label'))?.startsWith(words), `"${words}" on the map`)
  }

  it('two people build a relatiekaart together: one adds someone, the other drags them into a ring, both see it', async () => {
    await Promise.all([openInstrument(ans.page, 'relatiekaart'), openInstrument(bram.page, 'relatiekaart')])

    await addPersonOnRelatiekaart(ans.page, 'Oma Riet', 'oma')
    // On Bram's phone she waits beside the map; he drags her into "Dichtbij", in the family's part.
    await waitingChip(bram.page, 'Oma Riet').waitFor()
    await dragToCell(bram.page, waitingChip(bram.page, 'Oma Riet'), 'dichtbij', 'familie')
    await Promise.all([seesPlaced(bram.page, 'Oma Riet', 'dichtbij', 'familie'), seesPlaced(ans.page, 'Oma Riet', 'dichtbij', 'familie')])
    expect(await namesInRing(ans.page, 'dichtbij')).toEqual(['Oma Riet'])
    expect(await waitingChip(ans.page, 'Oma Riet').count()).toBe(0)

    // Then he drags her pill on the map one ring closer, with his finger: the name moves, the page does not scroll.
    expect(await fingerDragToCell(bram.page, mapPill(bram.page, 'Oma Riet'), 'heel-dichtbij', 'familie')).toBe(0)
    await Promise.all([seesPlaced(ans.page, 'Oma Riet', 'heel-dichtbij', 'familie'), seesPlaced(bram.page, 'Oma Riet', 'heel-dichtbij', 'familie')])
    expect(await namesInRing(ans.page, 'heel-dichtbij')).toEqual(['Oma Riet'])
    expect(await namesInRing(ans.page, 'dichtbij')).toEqual([])

    // Both drag her at the same moment, to different places: every device ends with her in one and the same place.
    await Promise.all([dragToCell(ans.page, mapPill(ans.page, 'Oma Riet'), 'dichtbij', 'vrienden'), dragToCell(bram.page, mapPill(bram.page, 'Oma Riet'), 'verder-weg', 'buurt')])
    // Each then adds someone and waits to see the other's: by then both drags have reached both devices.
    await Promise.all([addPersonOnRelatiekaart(ans.page, 'Truus', 'buurvrouw'), addPersonOnRelatiekaart(bram.page, 'Wim', 'oom')])
    await Promise.all([waitingChip(ans.page, 'Wim').waitFor(), waitingChip(bram.page, 'Truus').waitFor()])
    const [agreed, onBram] = await Promise.all([mapPill(ans.page, 'Oma Riet').getAttribute('aria-label'), mapPill(bram.page, 'Oma Riet').getAttribute('aria-label')])
    expect(onBram).toBe(agreed)
    // Ring and sector each take one of the two drops (each field on its own, last writer wins).
    const possible = (['dichtbij', 'verder-weg'] as const).flatMap((ring) => (['vrienden', 'buurt'] as const).map((sector) => placedWords('Oma Riet', ring, sector)))
    expect(possible.some((words) => agreed?.startsWith(words))).toBe(true)
    expect(await mapPill(ans.page, 'Oma Riet').count()).toBe(1)
    await saveScreenshot(bram.page, 'netwerkatlas-1-relatiekaart-phone-bram')
    expect([...ans.errors, ...bram.errors]).toEqual([])
  })

  it('someone added on the relatiekaart is at once in the contactschema and familiekaart pickers, on both devices', async () => {
    await openInstrument(ans.page, 'relatiekaart')
    await addPersonOnRelatiekaart(ans.page, 'Fatima', 'vriendin')
    await waitingChip(ans.page, 'Fatima').waitFor()

    for (const page of [ans.page, bram.page]) {
      await openInstrument(page, 'contactschema')
      await waitUntil(async () => (await pickerNames(page, atlas.contactschema.addTitle, atlas.contactschema.who)).includes('Fatima (vriendin)'), 'Fatima in the contactschema picker')
      await openInstrument(page, 'familiekaart')
      await waitUntil(async () => (await pickerNames(page, atlas.familiekaart.addTitle, atlas.familiekaart.who)).includes('Fatima (vriendin)'), 'Fatima in the familiekaart picker')
    }

    // Taking her off the people list asks where she still appears; "everywhere" takes her off the map too.
    await openInstrument(ans.page, 'relatiekaart')
    await openInstrument(bram.page, 'relatiekaart')
    await dragToCell(ans.page, waitingChip(ans.page, 'Fatima'), 'dichtbij', 'vrienden')
    await Promise.all([seesPlaced(ans.page, 'Fatima', 'dichtbij', 'vrienden'), seesPlaced(bram.page, 'Fatima', 'dichtbij', 'vrienden')])
    await openSection(ans.page, mensen.nl.title)
    await ans.page.getByRole('button', { name: mensen.nl.removeLabel.replace('{{name}}', 'Fatima') }).click()
    const question = ans.page.getByRole('alertdialog', { name: mensen.nl.removeDialog.title.replace('{{name}}', 'Fatima') })
    await question.getByText(ATLAS_LABELS.references['relatiekaart.placement'].nl).waitFor()
    await question.getByRole('button', { name: ATLAS_LABELS.whenPersonRemoved.weghalen.nl }).click()
    await waitUntil(async () => (await mapPill(bram.page, 'Fatima').count()) === 0, 'Fatima gone from the map on Bram’s phone')
    // Only Fatima left the ring: Oma Riet may stand there too, wherever the concurrent drags of the first test put her.
    expect(await namesInRing(bram.page, 'dichtbij')).not.toContain('Fatima')
    expect([...ans.errors, ...bram.errors]).toEqual([])
  })

  it('places and moves someone on the relatiekaart with the keyboard only', async () => {
    const page = ans.page
    await openInstrument(page, 'relatiekaart')
    // Add Kees with the keyboard: type, Tab, type, Enter.
    await page.getByRole('form', { name: atlas.relatiekaart.addTitle }).getByLabel(atlas.chooser.name, { exact: true }).focus()
    await page.keyboard.type('Kees')
    await page.keyboard.press('Tab')
    await page.keyboard.type('voetbaltrainer')
    await page.keyboard.press('Enter')

    // Choose him beside the map with Enter; in the dialog the arrow keys pick a ring and a part of life.
    await waitingChip(page, 'Kees').focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: atlas.relatiekaart.placeTitle.replace('{{name}}', 'Kees') })
    await dialog.waitFor()
    await tabUntilFocused(page, dialog.getByLabel(ATLAS_LABELS.rings['heel-dichtbij'].nl, { exact: true }))
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await tabUntilFocused(page, dialog.getByRole('button', { name: atlas.relatiekaart.place }))
    await page.keyboard.press('Enter')
    await seesPlaced(page, 'Kees', 'verder-weg', 'buurt')

    // On the map: arrow up is one ring closer, arrow left the part of life before.
    await mapPill(page, 'Kees').focus()
    await page.keyboard.press('ArrowUp')
    await seesPlaced(page, 'Kees', 'dichtbij', 'buurt')
    await page.keyboard.press('ArrowLeft')
    await seesPlaced(page, 'Kees', 'dichtbij', 'vrienden')
    // The keyboard is still on Kees, so he can keep moving.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Kees,/)
    await page.keyboard.press('ArrowUp')
    await seesPlaced(page, 'Kees', 'heel-dichtbij', 'vrienden')
    await seesPlaced(bram.page, 'Kees', 'heel-dichtbij', 'vrienden')
    expect(await namesInRing(page, 'heel-dichtbij')).toEqual(['Kees'])
    expect(ans.errors).toEqual([])
  })

  it('sorts an event with an approximate date ("zomer 2019") between the exact dates around it', async () => {
    await openInstrument(ans.page, 'gebeurteniskaart')
    await addEvent(ans.page, { what: 'Verhuisd naar de Esdoornstraat', day: '2018-03-10', strength: 'allebei' })
    await addEvent(ans.page, { what: 'Nieuwe baan bij de bakker', day: '2020-09-01', strength: 'gaf-kracht' })
    await addEvent(ans.page, { what: 'Oma Riet kwam dichtbij wonen', words: 'zomer 2019', involved: ['Oma Riet'], strength: 'gaf-kracht' })
    // Words without a year of their own, placed by "ongeveer welk jaar?".
    await addEvent(ans.page, { what: 'Opa overleden', words: 'toen Sanne klein was', estimate: '2015', strength: 'kostte-kracht' })

    const expected = ['Opa overleden', 'Verhuisd naar de Esdoornstraat', 'Oma Riet kwam dichtbij wonen', 'Nieuwe baan bij de bakker']
    expect(await eventsInOrder(ans.page)).toEqual(expected)
    // The date as people say it: written out, or the words as they were written.
    const list = ans.page.getByRole('region', { name: atlas.asList })
    await list.getByText('10 maart 2018', { exact: true }).waitFor()
    await list.getByText('zomer 2019', { exact: true }).waitFor()

    await openInstrument(bram.page, 'gebeurteniskaart')
    await waitUntil(async () => JSON.stringify(await eventsInOrder(bram.page)) === JSON.stringify(expected) || null, 'the same timeline on Bram’s phone', {
      describe: () => 'another order',
    })
    await saveScreenshot(bram.page, 'netwerkatlas-2-gebeurteniskaart-phone-bram')
    expect([...ans.errors, ...bram.errors]).toEqual([])
  })

  it('shows the five instruments filled in for an example household (screenshots in test-output/e2e)', { timeout: 420_000 }, async () => {
    const jansen = await device({ viewport: { width: 1100, height: 900 } })
    await createPlanViaUi(jansen.page, relay.url, { householdName: 'Familie Jansen', myName: 'Marieke' })
    await fillExampleHousehold(jansen.page)
    // On the drawings a screen reader says the words as drawn (so a voice command of what is seen finds them), then what the drawing leaves out.
    await openInstrument(jansen.page, 'familiekaart')
    const opaHenk = jansen.page
      .getByRole('group', { name: atlas.familiekaart.drawingLabel })
      .getByRole('button', { name: `Opa Henk, 1944 · ${ATLAS_LABELS.familyMarks.deceased.nl.toLowerCase()}`, exact: true })
    expect(await descriptionOf(opaHenk)).toBe(ATLAS_LABELS.generations['-1'].nl)
    await opaHenk.focus()
    await jansen.page.keyboard.press('Enter')
    await closeWithEscape(jansen.page, atlas.familiekaart.detailsTitle.replace('{{name}}', 'Opa Henk'))
    await openInstrument(jansen.page, 'gebeurteniskaart')
    // "Met Oma Riet en Opa Henk" does not fit on the card: shortened there, in full in the description.
    const farewell = jansen.page
      .getByRole('group', { name: atlas.gebeurteniskaart.drawingLabel })
      .getByRole('button', { name: `februari 2017, Opa Henk overleed na een lange ziekte, Met Oma Riet en Opa He…, ${ATLAS_LABELS.strengths['kostte-kracht'].nl}`, exact: true })
    expect(await descriptionOf(farewell)).toBe('Met Oma Riet en Opa Henk')
    await farewell.click()
    await closeWithEscape(jansen.page, atlas.gebeurteniskaart.editTitle)
    for (const [i, instrument] of (['basisposter', 'familiekaart', 'relatiekaart', 'contactschema', 'gebeurteniskaart'] as const).entries()) {
      await openInstrument(jansen.page, instrument)
      await saveScreenshot(jansen.page, `netwerkatlas-example-${i + 1}-${instrument}`)
    }
    // As printed: the drawings and lists, without navigation and forms.
    for (const instrument of ['basisposter', 'relatiekaart', 'familiekaart'] as const) {
      await openInstrument(jansen.page, instrument)
      await jansen.page.emulateMedia({ media: 'print' })
      await saveScreenshot(jansen.page, `netwerkatlas-example-print-${instrument}`)
      expect(await jansen.page.getByRole('navigation', { name: atlas.navLabel }).isVisible()).toBe(false)
      await jansen.page.emulateMedia({ media: 'screen' })
    }
    // On a 360 px phone: the whole page, and the drawing itself at its real size.
    await jansen.page.setViewportSize({ width: 360, height: 780 })
    for (const instrument of ['relatiekaart', 'familiekaart', 'contactschema', 'gebeurteniskaart'] as const) {
      await openInstrument(jansen.page, instrument)
      await saveScreenshot(jansen.page, `netwerkatlas-example-phone-${instrument}`)
      const drawing = instrument === 'relatiekaart' ? jansen.page.getByRole('group', { name: atlas.relatiekaart.drawingLabel }) : jansen.page.locator('.atlas-scroll').first()
      await drawing.screenshot({ path: join(SCREENSHOT_DIR, `netwerkatlas-example-phone-${instrument}-drawing.png`) })
    }
    expect(jansen.errors).toEqual([])
  })
})

/** Presses Tab until `target` has the focus (a person finding a control with the keyboard). */
async function tabUntilFocused(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('Could not reach the control with Tab')
}

/** Waits for the dialog a control opened, then closes it with Escape, as a keyboard user would. */
async function closeWithEscape(page: Page, title: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title })
  await dialog.waitFor()
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
}
