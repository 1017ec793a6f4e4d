import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import basisteam from '../../client/sections/basisteam/i18n.ts'
import common from '../../client/i18n/common.ts'
import routeCatalog from '../../client/sections/route/i18n.ts'
import bewaren from '../../client/sections/bewaren/i18n.ts'
import planDocument from '../../client/document/i18n.ts'
import versies from '../../client/sections/versies/i18n.ts'
import start from '../../client/start/i18n.ts'
import waarden from '../../client/sections/waarden/i18n.ts'
import ui from '../../client/ui/i18n.ts'
import workspace from '../../client/workspace/i18n.ts'
import { today } from '../../shared/plan/index.ts'
import { createPlanViaUi, fill, inviteViaUi, joinPlanViaUi, openSection, openStartPage, SYNC_SENTENCES, waitForSyncStatus } from './support/app.ts'
import { seriousFaults } from './support/axe.ts'
import { addNoteViaUi, nlAccess, sectionRegion, waitForNote } from './support/access.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'
import { devicesOnOneRelay } from './support/devices.ts'
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
  const { device, close, relayUrl } = devicesOnOneRelay()

  it('saves a version, shows what another device changed and by whom, and restores an item everywhere', async () => {
    const [ans, bram] = await Promise.all([device(), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Jansen', myName: 'Ans' })
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
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie de Vries', myName: 'Marieke' })
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
    await openStartPage(elsewhere.page, relayUrl())
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

/**
 * The plan's rhythm (issue 13) on paper and in the file: the route where the
 * household says it is, a moment of looking back with an answer and a change,
 * and the waakvlam; then a saved version read as that version.
 */
describe('the route, looking back and the waakvlam, printed and taken along', () => {
  let browser: Browser
  let relay: TestRelay
  let ans: Device

  beforeAll(async () => {
    ;[browser, relay] = await Promise.all([launchBrowser(), startTestRelay()])
    ans = await newDevice(browser, { acceptDownloads: true })
  })

  afterAll(async () => {
    await ans?.close()
    await browser?.close()
    await relay?.close()
  })

  it('prints where the household is, what was said when looking back, and the waakvlam; the export holds them; a version says which it is; axe finds nothing serious', async () => {
    const page = ans.page
    const r = routeCatalog.nl
    const bt = basisteam.nl
    const d = planDocument.nl
    await createPlanViaUi(page, relay.url, { householdName: 'Familie Bakker', myName: 'Ans' })
    await waitForSyncStatus(page, SYNC_SENTENCES.shared)

    // The route: first Ontmoeten, then on to the basisteam; and the household's own question.
    await openSection(page, r.title)
    await page.getByLabel(r.ontmoeten.question, { exact: true }).fill('Hoe houden we het thuis vol?')
    const steps = page.getByRole('list', { name: r.stepsLabel })
    await page.getByRole('button', { name: fill(r.chooseLabel, { phase: r.phases.ontmoeten.name }) }).click()
    await steps.locator('li[aria-current="step"]').filter({ hasText: r.phases.ontmoeten.name }).waitFor()
    await page.getByRole('button', { name: fill(r.chooseLabel, { phase: r.phases.basisteam.name }) }).click()
    await steps.locator('li[aria-current="step"]').filter({ hasText: r.phases.basisteam.name }).waitFor()

    // Looking back: a day set for today, an answer in Ans's own words, and a change made at it.
    await openSection(page, bt.title)
    const terugkijken = page.getByRole('region', { name: bt.terugkijken.title, exact: true })
    await terugkijken.getByRole('button', { name: `+ ${bt.terugkijken.new}` }).click()
    const schedule = terugkijken.getByRole('form', { name: bt.terugkijken.new })
    await schedule.getByLabel(bt.terugkijken.date).fill(today())
    await schedule.getByLabel(bt.terugkijken.note).fill('Over zes weken kijken we samen')
    await schedule.getByRole('button', { name: bt.terugkijken.add }).click()
    const mine = terugkijken.getByRole('form', { name: bt.terugkijken.yourAnswers }).first()
    await mine.getByLabel(bt.terugkijken.questions.goed, { exact: true }).fill('De buren helpen elke zaterdag')
    await mine.getByRole('button', { name: bt.terugkijken.save }).click()
    await mine.getByText(bt.terugkijken.saved).waitFor()
    await terugkijken.getByRole('button', { name: `+ ${bt.bijstellen.add}` }).click()
    const change = terugkijken.getByRole('form', { name: bt.bijstellen.add })
    await change.getByLabel(bt.bijstellen.tasks.samenwerking).check()
    await change.getByLabel(bt.bijstellen.text).fill('Elke maand even bellen')
    await change.getByRole('button', { name: bt.bijstellen.submit }).click()
    await terugkijken.getByText('Elke maand even bellen', { exact: true }).first().waitFor()

    // The waakvlam, with a day to look in once more.
    await openSection(page, r.title)
    const panel = page.getByRole('region', { name: r.waakvlam.title })
    await panel.getByLabel(r.waakvlam.checkIn).fill('2031-09-01')
    await panel.getByRole('button', { name: r.waakvlam.lower }).click()
    await panel.getByText(r.waakvlam.on).waitFor()

    // Kept as a version, to read back later.
    await openSection(page, v.title)
    const save = page.getByRole('region', { name: v.save.title })
    await save.getByLabel(v.save.name).fill('Na het terugkijken')
    await save.getByRole('button', { name: v.save.submit }).click()
    await page.getByRole('status').filter({ hasText: 'Na het terugkijken' }).waitFor()

    // On paper: the print view, and the PDF the browser makes of it.
    await openSection(page, b.title)
    const document = page.getByRole('article', { name: d.documentLabel })
    const routePart = document.getByRole('region', { name: d.sections.route })
    await routePart.locator('li[aria-current="step"]').filter({ hasText: `${r.phases.basisteam.name} — ${d.route.here}` }).waitFor()
    const earlier = `${d.route.earlier.split('{{')[0]}${r.phases.ontmoeten.name}`
    await routePart.getByText(earlier).waitFor()
    await routePart.getByText(d.support.on).waitFor()
    const lookingBack = document.getByRole('region', { name: d.sections.terugkijken })
    await lookingBack.getByRole('heading', { name: bt.terugkijken.questions.goed }).waitFor()
    await document.getByRole('region', { name: d.sections.vragen }).getByText('Hoe houden we het thuis vol?').waitFor()
    await saveScreenshot(page, 'print-view-route')
    const { text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }))
    for (const words of [
      d.sections.route,
      `${r.phases.basisteam.name} — ${d.route.here}`,
      earlier,
      d.support.title,
      d.support.on,
      '2031',
      d.sections.vragen,
      'Hoe houden we het thuis vol?',
      d.sections.terugkijken,
      'Over zes weken kijken we samen',
      bt.terugkijken.questions.goed,
      'De buren helpen elke zaterdag',
      `${bt.bijstellen.tasks.samenwerking}: Elke maand even bellen`,
    ]) {
      expect(text).toContain(words)
    }
    expect(text).not.toContain(b.print.button)
    expect(await seriousFaults(page)).toEqual([])

    // Taken along: the JSON's readable fields and the Markdown hold them too.
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: b.take.json }).click()
    const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8'))
    const readable = exported.rooms.plan.readable
    expect(readable.route).toMatchObject({ phase: 'basisteam', history: [{ phase: 'basisteam' }, { phase: 'ontmoeten' }] })
    expect(readable.waakvlam).toMatchObject({ level: 'waakvlam', checkIn: '2031-09-01' })
    expect(readable.vragen.onzeVraag).toBe('Hoe houden we het thuis vol?')
    expect(readable.evaluatiemomenten).toMatchObject([{ date: today(), note: 'Over zes weken kijken we samen', answers: [{ question: 'goed', text: 'De buren helpen elke zaterdag' }] }])
    expect(readable.bijstellingen).toMatchObject([{ task: 'samenwerking', text: 'Elke maand even bellen' }])
    const markdownDownload = page.waitForEvent('download')
    await page.getByRole('button', { name: b.take.markdown }).click()
    const markdown = await readFile(await (await markdownDownload).path(), 'utf8')
    for (const words of [`### ${r.title}`, `- ${r.phases.basisteam.name} — **${d.route.here}**`, d.support.on, 'Op 2031-09-01 kijken jullie nog één keer hoe het gaat.', `**${fill(bt.terugkijken.momentTitle, { day: today() })}**`, `- ${bt.terugkijken.questions.goed}\n  - Ans, `, ': De buren helpen elke zaterdag']) {
      expect(markdown).toContain(words)
    }

    // The saved version reads as that version: its name, who kept it and when; no printing date.
    await openSection(page, v.title)
    await page.getByRole('link', { name: v.list.open.replace('{{name}}', 'Na het terugkijken') }).click()
    const old = page.getByRole('region', { name: v.read.title }).getByRole('article', { name: d.documentLabel })
    await old.getByText(fill(d.savedVersion, { name: 'Na het terugkijken', by: 'Ans (jij)', date: '' }).split(' op ')[0]!).waitFor()
    expect(await old.getByText(d.printedOn.split('{{')[0]!.trim()).count()).toBe(0)
    // A version keeps the moments of looking back, not where the route was (that is a log a version leaves alone).
    await old.getByRole('region', { name: d.sections.terugkijken }).getByText('De buren helpen elke zaterdag').waitFor()
    expect(await old.getByRole('region', { name: d.sections.route }).count()).toBe(0)
    expect(await seriousFaults(page)).toEqual([])

    // In English too.
    await page.getByLabel(common.nl.language.label).selectOption('en')
    const en = planDocument.en
    const oldEn = page.getByRole('region', { name: versies.en.read.title }).getByRole('article', { name: en.documentLabel })
    await oldEn.getByText(fill(en.savedVersion, { name: 'Na het terugkijken', by: 'Ans (you)', date: '' }).split(' on ')[0]!).waitFor()
    expect(await oldEn.getByText(en.printedOn.split('{{')[0]!.trim()).count()).toBe(0)
    await oldEn.getByRole('region', { name: en.sections.terugkijken }).getByRole('heading', { name: basisteam.en.terugkijken.questions.goed }).waitFor()
    expect(await seriousFaults(page)).toEqual([])
    await page.getByLabel(common.en.language.label).selectOption('nl')
    expect(ans.errors).toEqual([])
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
