import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import onsNetwerkCatalog from '../../client/sections/onsNetwerk/i18n.ts'
import vragenCatalog from '../../client/sections/vragen/i18n.ts'
import uiCatalog from '../../client/ui/i18n.ts'
import workspaceCatalog from '../../client/workspace/i18n.ts'
import { sectionRegion } from './support/access.ts'
import { seriousFaults } from './support/axe.ts'
import { createPlanViaUi, fill, inviteViaUi, joinPlanViaUi, openSection, planIdOf, sectionNav } from './support/app.ts'
import { devicesOnOneRelay, PHONE } from './support/devices.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { waitUntil } from '../support/wait.ts'

const o = onsNetwerkCatalog.nl
const v = vragenCatalog.nl
const w = workspaceCatalog.nl
const ui = uiCatalog.nl

/** Adds a question in "Onze vragen" (the section must be open). */
async function addQuestion(page: Page, words: string): Promise<void> {
  const form = page.getByRole('form', { name: v.add.button })
  await form.getByLabel(v.add.label).fill(words)
  await form.getByRole('button', { name: v.add.button }).click()
  await questionList(page).getByText(words, { exact: true }).waitFor()
}

/** Opens "Ons netwerk" (by its exact name: "Ons netwerk in kaart" is another section). */
async function openOnsNetwerk(page: Page): Promise<void> {
  const nav = sectionNav(page)
  const link = nav.getByRole('link', { name: w.nav['ons-netwerk'], exact: true })
  if (!(await link.isVisible())) await nav.getByRole('button', { name: new RegExp(`^${w.menu}`) }).click()
  await link.click()
  await page.getByRole('heading', { level: 2, name: o.title, exact: true }).waitFor()
}

/** Chooses an item of a question's or group's "⋯" menu with the keyboard only. */
async function menuByKeyboard(page: Page, menuLabel: string, item: string): Promise<void> {
  await page.getByRole('button', { name: menuLabel, exact: true }).focus()
  await page.keyboard.press('Enter')
  const choice = page.getByRole('menuitem', { name: item, exact: true })
  await choice.waitFor()
  await choice.press('Enter')
  await choice.waitFor({ state: 'detached' })
}

/** The questions of one group (or of none) as shown, in order. */
async function questionsIn(page: Page, group: string): Promise<string[]> {
  const list = questionList(page).getByRole('list', { name: group, exact: true })
  return list.locator('.vragen-question-text').allInnerTexts()
}

function questionList(page: Page) {
  return page.getByRole('region', { name: v.listLabel })
}

/** The names of the IndexedDB databases this device holds for a plan (a room's local copy is one). */
function databasesOf(page: Page, planId: string): Promise<string[]> {
  return page.evaluate(async (id) => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.includes(id)), planId)
}

/**
 * Onze vragen and Ons netwerk, end to end in Chromium with the real relay
 * (tokens required): questions from two devices reach both; the network's
 * room is offered to the household and the network only, its draft never
 * reaches a professional's device (not in the page, not in IndexedDB), and
 * "Delen met het plan" brings exactly the ticked items into the plan.
 */
describe('Onze vragen and Ons netwerk: questions from everyone, a draft the professional never gets, sharing by choice', () => {
  const { device, relayUrl } = devicesOnOneRelay()

  it('the household and a netwerk member draft together; the professional is never offered it and never gets it; shared items arrive for everyone', async () => {
    const [ans, bram, petra] = await Promise.all([device(), device(PHONE), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Jansen', myName: 'Ans' })
    const planId = planIdOf(ans.page)
    const bramsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    const petrasLink = await inviteViaUi(ans.page, { role: 'professional', name: 'Petra' })
    await joinPlanViaUi(bram.page, bramsLink, { name: 'Bram', relation: 'broer' })
    await joinPlanViaUi(petra.page, petrasLink, { name: 'Petra', relation: 'wijkcoach' })

    // Questions from two devices appear on both (and on the professional's).
    await openSection(ans.page, v.title)
    await openSection(bram.page, v.title)
    await addQuestion(ans.page, 'Wie helpt mama met de boodschappen?')
    await addQuestion(bram.page, 'Hoe houden we het vol in de vakanties?')
    for (const page of [ans.page, bram.page]) {
      await questionList(page).getByText('Wie helpt mama met de boodschappen?', { exact: true }).waitFor()
      await questionList(page).getByText('Hoe houden we het vol in de vakanties?', { exact: true }).waitFor()
    }
    // Grouped and ordered with the keyboard (the ⋯ menu works the same for a finger or a mouse); both devices follow.
    await addQuestion(bram.page, 'Wie let op de post?')
    await ans.page.getByRole('button', { name: `+ ${v.group.add}` }).click()
    await ans.page.getByRole('form', { name: v.group.add }).getByLabel(v.group.addLabel).fill('Hulp thuis')
    await ans.page.getByRole('form', { name: v.group.add }).getByRole('button', { name: v.group.addButton }).click()
    await menuByKeyboard(ans.page, fill(v.question.more, { text: 'Hoe houden we het vol in de vakanties?' }), fill(v.question.toGroup, { group: 'Hulp thuis' }))
    await waitUntil(async () => (await questionsIn(ans.page, v.noGroup)).join('|') === 'Wie helpt mama met de boodschappen?|Wie let op de post?', 'two questions in no group')
    await menuByKeyboard(ans.page, fill(v.question.more, { text: 'Wie let op de post?' }), ui.moveUp)
    for (const page of [ans.page, bram.page]) {
      await waitUntil(async () => (await questionsIn(page, 'Hulp thuis')).join('|') === 'Hoe houden we het vol in de vakanties?', 'the group on every device')
      await waitUntil(async () => (await questionsIn(page, v.noGroup)).join('|') === 'Wie let op de post?|Wie helpt mama met de boodschappen?', 'the new order on every device')
    }
    await saveScreenshot(bram.page, 'ons-netwerk-1-onze-vragen-phone')

    // The professional adds information, linked to a question; everyone sees it under that question.
    await openSection(petra.page, v.title)
    await petra.page.getByRole('button', { name: fill(v.info.addLabel, { question: 'Wie helpt mama met de boodschappen?' }) }).click()
    const infoForm = petra.page.getByRole('form', { name: fill(v.info.addLabel, { question: 'Wie helpt mama met de boodschappen?' }) })
    await infoForm.getByLabel(v.info.label).fill('De thuiszorg komt nu twee keer per week.')
    await infoForm.getByRole('button', { name: v.info.save }).click()
    await questionList(ans.page).getByRole('listitem', { name: 'Wie helpt mama met de boodschappen?' }).getByText('De thuiszorg komt nu twee keer per week.').waitFor()
    expect(await seriousFaults(ans.page)).toEqual([])
    expect(await seriousFaults(bram.page)).toEqual([])

    // The professional is never offered "Ons netwerk", and going there by address opens nothing.
    await sectionNav(petra.page).waitFor()
    expect(await sectionNav(petra.page).getByRole('link', { name: w.nav['ons-netwerk'], exact: true }).count()).toBe(0)
    await petra.page.goto(`${relayUrl()}/#/plan/${planId}/ons-netwerk`)
    await petra.page.getByText(w.sectionMissing).waitFor()
    expect(await sectionNav(bram.page).getByRole('link', { name: w.nav['ons-netwerk'], exact: true, includeHidden: true }).count()).toBe(1)

    // Bram answers a question in the network's room; Ans keeps a note there that is not for the plan.
    await openOnsNetwerk(bram.page)
    const bramsRoom = sectionRegion(bram.page, o.title)
    await bramsRoom.getByText(o.status.shared).waitFor()
    await bramsRoom.getByRole('button', { name: fill(o.answers.addLabel, { question: 'Wie helpt mama met de boodschappen?' }) }).click()
    const answerForm = bramsRoom.getByRole('form', { name: fill(o.answers.addLabel, { question: 'Wie helpt mama met de boodschappen?' }) })
    await answerForm.getByRole('textbox', { name: o.answers.label, exact: true }).fill('Bram en oma wisselen af.')
    await answerForm.getByRole('button', { name: o.answers.save, exact: true }).click()
    await bramsRoom.getByText('Bram en oma wisselen af.').first().waitFor()

    await openOnsNetwerk(ans.page)
    const ansRoom = sectionRegion(ans.page, o.title)
    await ansRoom.getByRole('button', { name: `+ ${o.notes.add}` }).click()
    const noteForm = ansRoom.getByRole('form', { name: o.notes.add })
    await noteForm.getByRole('textbox', { name: o.notes.label, exact: true }).fill('Tante Els wil niet, dat houden we voor ons.')
    await noteForm.getByRole('button', { name: o.notes.save, exact: true }).click()
    await ansRoom.getByRole('button', { name: `+ ${o.actions.add}` }).click()
    const actionForm = ansRoom.getByRole('form', { name: o.actions.add })
    await actionForm.getByRole('textbox', { name: o.actions.wat, exact: true }).fill('Boodschappen op dinsdag')
    await actionForm.getByRole('group', { name: o.actions.wie }).getByLabel('Bram').check()
    await actionForm.getByRole('button', { name: o.actions.save, exact: true }).click()
    // The household sees the network's answer; the network sees the household's note.
    await ansRoom.getByText('Bram en oma wisselen af.').first().waitFor()
    await bramsRoom.getByText('Tante Els wil niet, dat houden we voor ons.').first().waitFor()
    await saveScreenshot(ans.page, 'ons-netwerk-2-draft')
    expect(await seriousFaults(ans.page)).toEqual([])
    expect(await seriousFaults(bram.page)).toEqual([])

    // Nothing of it on the professional's device, in the page or in its storage.
    await openSection(petra.page, v.title)
    await questionList(petra.page).getByText('Hoe houden we het vol in de vakanties?', { exact: true }).waitFor()
    expect(await petra.page.content()).not.toContain('Bram en oma wisselen af.')
    expect((await databasesOf(petra.page, planId)).filter((name) => name.includes('.netwerk'))).toEqual([])
    expect((await databasesOf(bram.page, planId)).filter((name) => name.includes('.netwerk'))).toHaveLength(1)

    // Ans ticks the answer and the action, not the note, and shares them with the plan.
    const share = ansRoom.getByRole('region', { name: o.share.title })
    await share.getByRole('checkbox', { name: new RegExp('Bram en oma wisselen af') }).check()
    await share.getByRole('checkbox', { name: new RegExp('Boodschappen op dinsdag') }).check()
    await share.getByRole('button', { name: fill(o.share.button_other, { count: 2 }) }).click()
    await ans.page.getByRole('alertdialog').getByRole('button', { name: o.share.confirm }).click()
    await share.getByText(fill(o.share.done_other, { count: 2 })).waitFor()

    // Everyone, the professional too, sees exactly those two in the plan.
    await questionList(petra.page).getByText('Bram en oma wisselen af.').waitFor()
    await openSection(petra.page, w.nav.basisteam)
    await petra.page.getByText('Boodschappen op dinsdag').first().waitFor()
    await openSection(bram.page, v.title)
    await questionList(bram.page).getByText('Bram en oma wisselen af.').waitFor()
    await waitUntil(async () => (await databasesOf(petra.page, planId)).length > 0, 'the professional has the plan room stored')
    const everything = await petra.page.content()
    expect(everything).not.toContain('Tante Els')
    expect((await databasesOf(petra.page, planId)).filter((name) => name.includes('.netwerk'))).toEqual([])
    await saveScreenshot(petra.page, 'ons-netwerk-3-professional-sees-shared')
    expect(await seriousFaults(petra.page)).toEqual([])
    expect([...ans.errors, ...bram.errors, ...petra.errors]).toEqual([])
  })
})
