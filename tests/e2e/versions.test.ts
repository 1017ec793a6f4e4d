import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import basisteam from '../../client/sections/basisteam/i18n.ts'
import bewaren from '../../client/sections/bewaren/i18n.ts'
import planDocument from '../../client/document/i18n.ts'
import versies from '../../client/sections/versies/i18n.ts'
import start from '../../client/start/i18n.ts'
import waarden from '../../client/sections/waarden/i18n.ts'
import ui from '../../client/ui/i18n.ts'
import workspace from '../../client/workspace/i18n.ts'
import { createPlanViaUi, inviteViaUi, joinPlanViaUi, openSection, openStartPage, SYNC_SENTENCES, waitForSyncStatus } from './support/app.ts'
import { addNoteViaUi, nlAccess, sectionRegion, waitForNote } from './support/access.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'
import { fillExampleHousehold } from './support/exampleHousehold.ts'
import { pdfText } from './support/pdf.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { waitUntil } from '../support/wait.ts'

const v = versies.nl
const b = bewaren.nl
const n = nlAccess.notities

/**
 * The plan through time and taken along (issue 12), end to end: versions
 * saved on one device and compared after another device changed the plan,
 * an item restored and seen back elsewhere; the plan printed to PDF by the
 * browser; an export opened in a fresh browser profile.
 */
describe('versions, print and export', () => {
  let browser: Browser
  let relay: TestRelay
  const open: Device[] = []

  beforeAll(async () => {
    ;[browser, relay] = await Promise.all([launchBrowser(), startTestRelay()])
  })

  afterAll(async () => {
    await Promise.all(open.map((device) => device.close()))
    await browser?.close()
    await relay?.close()
  })

  async function device(options?: Parameters<typeof newDevice>[1]): Promise<Device> {
    const made = await newDevice(browser, options)
    open.push(made)
    return made
  }

  async function close(...devices: Device[]): Promise<void> {
    for (const done of devices) {
      open.splice(open.indexOf(done), 1)
      await done.close()
    }
  }

  it('saves a version, shows what another device changed and by whom, and restores an item everywhere', async () => {
    const [ans, bram] = await Promise.all([device(), device()])
    await createPlanViaUi(ans.page, relay.url, { householdName: 'Familie Jansen', myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    const link = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    await joinPlanViaUi(bram.page, link, { name: 'Bram', relation: 'buurman' })

    await openSection(ans.page, n.title)
    await addNoteViaUi(ans.page, sectionRegion(ans.page, n.title), 'Boodschappen op dinsdag')

    // Ans keeps the plan as a version.
    await openSection(ans.page, v.title)
    const save = ans.page.getByRole('region', { name: v.save.title })
    await save.getByLabel(v.save.name).fill('Na de eerste keukentafel')
    await save.getByRole('button', { name: v.save.submit }).click()
    await ans.page.getByRole('status').filter({ hasText: 'Na de eerste keukentafel' }).waitFor()

    // Bram, on his own phone, takes Ans's note away and writes one of his own.
    await waitForNote(bram.page, 'Boodschappen op dinsdag')
    const notes = sectionRegion(bram.page, n.title)
    await notes.getByRole('button', { name: n.more.replace('{{text}}', 'Boodschappen op dinsdag') }).click()
    await bram.page.getByRole('menuitem', { name: n.remove }).click()
    await bram.page.getByRole('alertdialog').getByRole('button', { name: ui.nl.remove.confirm }).click()
    await addNoteViaUi(bram.page, notes, 'Oma belt op vrijdag')

    // The version is on Bram's device too, and Ans compares it with now: both changes, with who made them.
    await openSection(bram.page, v.title)
    await bram.page.getByRole('link', { name: v.list.open.replace('{{name}}', 'Na de eerste keukentafel') }).waitFor()
    await ans.page.getByRole('link', { name: v.list.open.replace('{{name}}', 'Na de eerste keukentafel') }).click()
    const compare = ans.page.getByRole('region', { name: v.compare.title }).getByRole('region', { name: planDocument.nl.sections.notities })
    await compare.getByText(`${v.things.notes} ‘Oma belt op vrijdag’ — ${v.change.added.replace('{{names}}', 'Bram')}`).waitFor()
    const removed = compare.getByRole('listitem').filter({ hasText: `${v.things.notes} ‘Boodschappen op dinsdag’ — ${v.change.removed.replace('{{names}}', 'Bram')}` })
    await removed.waitFor()
    await saveScreenshot(ans.page, 'versions-compare')

    // Ans puts the note back; Bram sees it return, and his own note stays.
    await removed.getByRole('button', { name: v.restore.itemLabel.replace('{{what}}', `${v.things.notes} ‘Boodschappen op dinsdag’`) }).click()
    await waitUntil(async () => (await compare.getByText('Boodschappen op dinsdag').count()) === 0, 'the restored note to leave the comparison')
    const texts = await waitForNote(bram.page, 'Boodschappen op dinsdag')
    expect(texts).toContain('Oma belt op vrijdag')
    expect([...ans.errors, ...bram.errors]).toEqual([])
    await close(ans, bram)
  })

  it('prints the plan to PDF with its values, actions and people, and takes it along to a fresh browser profile', async () => {
    const ans = await device({ acceptDownloads: true })
    await createPlanViaUi(ans.page, relay.url, { householdName: 'Familie de Vries', myName: 'Marieke' })
    await fillExampleHousehold(ans.page)
    await addValueAndAction(ans.page)

    // The print view: the plan on A4 through the browser's own PDF.
    await openSection(ans.page, b.title)
    await ans.page.getByRole('article', { name: planDocument.nl.documentLabel }).getByText('Rust in ons huis').first().waitFor()
    await saveScreenshot(ans.page, 'print-view')
    const { text, pages } = await pdfText(await ans.page.pdf({ format: 'A4', printBackground: true }))
    expect(pages).toBeGreaterThan(1)
    for (const words of ['Plan van Familie de Vries', 'Rust in ons huis', 'Boodschappen doen', 'Jumbo in de wijk', 'Oma Riet', 'Fatima', 'Karin', 'Samen eten op zondag']) {
      expect(text).toContain(words)
    }
    // Printed: only the document, not the navigation around it.
    expect(text).not.toContain(b.print.button)

    // Take it along: the JSON file, opened in a fresh profile as a new plan.
    const downloading = ans.page.waitForEvent('download')
    await ans.page.getByRole('button', { name: b.take.json }).click()
    const file = await (await downloading).path()
    const exported = JSON.parse(await readFile(file, 'utf8'))
    expect(exported).toMatchObject({ format: 'kring-export', version: 1, plan: { householdName: 'Familie de Vries' } })
    expect(Object.keys(exported.rooms).sort()).toEqual(['huishouden', 'netwerk', 'plan'])

    const elsewhere = await device()
    await openStartPage(elsewhere.page, relay.url)
    await elsewhere.page.getByLabel(start.nl.importPlan.file).setInputFiles(file)
    await elsewhere.page.waitForURL(/#\/plan\/[^/]+\//)
    expect(elsewhere.page.url()).not.toContain(exported.plan.id)
    // Whoever imports says who they are, as on any new device.
    await elsewhere.page.getByRole('button', { name: workspace.nl.whoAreYou.pick.replace('{{name}}', 'Marieke') }).click()
    await openSection(elsewhere.page, b.title)
    const document = elsewhere.page.getByRole('article', { name: planDocument.nl.documentLabel })
    for (const words of ['Rust in ons huis', 'Boodschappen doen', 'Samen eten op zondag', 'Oma Riet']) await document.getByText(words).first().waitFor()
    await waitForSyncStatus(elsewhere.page, SYNC_SENTENCES.shared)
    expect([...ans.errors, ...elsewhere.errors]).toEqual([])
  })
})

/** A shared value ("voor ons") in Waarden, and an action with who, where and when in the basisteam. */
async function addValueAndAction(page: Page): Promise<void> {
  await openSection(page, waarden.nl.title)
  const propose = page.locator('form', { has: page.getByLabel(waarden.nl.propose.ours) })
  await propose.getByLabel(waarden.nl.propose.ours).fill('Rust in ons huis')
  await propose.getByRole('button', { name: waarden.nl.propose.submit }).click()
  await page.getByText('Rust in ons huis').first().waitFor()

  const b = basisteam.nl
  await openSection(page, b.title)
  await page.getByRole('tab', { name: b.tabs.all }).click()
  await page.getByRole('button', { name: `+ ${b.form.open}` }).click()
  const form = page.getByRole('region', { name: b.form.newTitle })
  await form.getByLabel(b.form.wat).fill('Boodschappen doen')
  await form.getByRole('group', { name: b.form.wie }).getByLabel('Oma Riet', { exact: true }).check()
  await form.getByLabel(b.form.waar).fill('Jumbo in de wijk')
  await form.getByLabel(b.form.wanneerRecurring).check()
  await form.getByLabel(b.form.recurring).fill('elke dinsdag')
  await form.getByRole('button', { name: b.form.add }).click()
  await page.getByRole('listitem', { name: 'Boodschappen doen', exact: true }).waitFor()
}
