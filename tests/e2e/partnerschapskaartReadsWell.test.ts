import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import basisteamCatalog from '../../client/sections/basisteam/i18n.ts'
import kaartCatalog from '../../client/sections/partnerschapskaart/i18n.ts'
import uiCatalog from '../../client/ui/i18n.ts'
import { createPlanViaUi, fill, inviteViaUi, joinPlanViaUi, openSection, presenceNames, SYNC_SENTENCES, waitForSyncStatus } from './support/app.ts'
import type { Device } from './support/browser.ts'
import { devicesOnOneRelay, PHONE } from './support/devices.ts'
import { agree, step, writeOnCard } from './support/partnerschapskaart.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { waitUntil } from '../support/wait.ts'

const k = kaartCatalog.nl
const b = basisteamCatalog.nl
const u = uiCatalog.nl
const LAPTOP = { viewport: { width: 1280, height: 800 } }
const STEP = 4 * 60_000
const STEPS = ['Waarden', 'Relaties', 'Handelen', 'Condities', 'Acties']

/**
 * Issue 15, the card: keyboard focus never drops to the page body when a
 * button is replaced (agreeing, "+ Nieuwe afspraak"), Escape folds an inline
 * form away, the five columns fit a 1280 px laptop, the phone's intro does
 * not say "rechts", and the hint on a later step keeps naming Oma Riet after
 * she has put her phone away. Ans on a laptop, Oma Riet on a phone.
 */
describe('the partnerschapskaart by keyboard and at every width', () => {
  const { device, close, relayUrl } = devicesOnOneRelay()

  it('focus lands on the control that replaced the pressed one, Escape closes an inline form, and the card fits a laptop and reads downwards on a phone', async () => {
    const ans = await ansWithANewPlan('Familie Jansen', k.title)
    const page = ans.page

    // Agreeing by keyboard: the button becomes "Toch niet", and focus goes there; and back.
    const agreeWaarden = step(page, 'Waarden').getByRole('button', { name: fill(u.agreement.agreeLabel, { label: k.agree, subject: 'Waarden' }) })
    const withdrawWaarden = step(page, 'Waarden').getByRole('button', { name: fill(u.agreement.withdrawLabel, { subject: 'Waarden' }) })
    await agreeWaarden.focus()
    await page.keyboard.press('Enter')
    await waitForFocusOn(withdrawWaarden, '"Toch niet" after agreeing')
    await page.keyboard.press('Enter')
    await waitForFocusOn(agreeWaarden, 'the agree button after "Toch niet"')

    // "Schrijf iets op" opens into its text field; Escape folds it away and puts focus back on the button.
    const write = fill(k.item.writeLabel, { question: 'Hoe communiceren we?' })
    const writeButton = step(page, 'Relaties').getByRole('button', { name: write })
    await writeButton.focus()
    await page.keyboard.press('Enter')
    const writeForm = step(page, 'Relaties').getByRole('form', { name: write })
    await waitForFocusOn(writeForm.getByLabel(k.item.text), 'the text field of "Schrijf iets op"')
    await page.keyboard.type('Via de groepsapp')
    await page.keyboard.press('Escape')
    await writeForm.waitFor({ state: 'detached' })
    await waitForFocusOn(writeButton, '"Schrijf iets op" after Escape')

    // The same for the group's own question.
    const own = fill(k.ownQuestion.addLabel, { step: 'Relaties' })
    const ownButton = step(page, 'Relaties').getByRole('button', { name: own })
    await ownButton.focus()
    await page.keyboard.press('Enter')
    await waitForFocusOn(step(page, 'Relaties').getByRole('form', { name: own }).getByLabel(k.ownQuestion.text), 'the field of the own question')
    await page.keyboard.press('Escape')
    await step(page, 'Relaties').getByRole('form', { name: own }).waitFor({ state: 'detached' })
    await waitForFocusOn(ownButton, '"Eigen vraag toevoegen" after Escape')

    // Text in every column, long Dutch words included, before measuring.
    await writeOnCard(page, 'Acties', 'Wat gaan we doen?', 'Elke dinsdag samen boodschappen doen bij de wijkvoorzieningencoördinator')
    await writeOnCard(page, 'Condities', 'aan tijd?', 'Ondersteuningsmogelijkheden uitzoeken')

    // At 1280 × 800 all five columns sit side by side, right to left, inside the card and the window.
    const fit = await page.evaluate((titles) => {
      const scroller = document.querySelector('.pk-card-scroller')!
      const box = scroller.getBoundingClientRect()
      const columns = titles.map((title) => {
        const column = [...document.querySelectorAll('.pk-step')].find((el) => el.querySelector('.pk-step-title')?.textContent?.trim() === title)!
        const r = column.getBoundingClientRect()
        return { title, left: r.left, right: r.right, top: r.top }
      })
      return {
        columns,
        card: { left: box.left, right: box.right, scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth },
        page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
      }
    }, STEPS)
    for (const column of fit.columns) {
      expect(column.left, `${column.title} starts inside the card`).toBeGreaterThanOrEqual(fit.card.left - 0.5)
      expect(column.right, `${column.title} ends inside the card`).toBeLessThanOrEqual(fit.card.right + 0.5)
      expect(column.right, `${column.title} ends inside the window`).toBeLessThanOrEqual(fit.page.clientWidth)
      expect(column.top, `${column.title} beside the others`).toBe(fit.columns[0]!.top)
    }
    expect(fit.columns.map((c) => c.left)).toEqual([...fit.columns.map((c) => c.left)].sort((a, b) => b - a))
    expect(fit.card.scrollWidth).toBeLessThanOrEqual(fit.card.clientWidth)
    expect(fit.page.scrollWidth).toBeLessThanOrEqual(fit.page.clientWidth)

    // Words break where Dutch allows, not anywhere: the page says it is Dutch and the card hyphenates.
    const wrapping = await page.evaluate(() => {
      const text = document.querySelector('.pk-item-text')!
      const style = getComputedStyle(text)
      return { lang: document.documentElement.lang, hyphens: style.hyphens, overflowWrap: style.overflowWrap, wordBreak: style.wordBreak }
    })
    expect(wrapping).toEqual({ lang: 'nl', hyphens: 'auto', overflowWrap: 'break-word', wordBreak: 'normal' })
    // The card's own words fit their column whole, even where the browser has no Dutch hyphenation (as this Chromium).
    expect(await wordsWiderThanTheirPlace(page, '.pk-card :is(.pk-step-title, .pk-step-about, .pk-step-plain, .pk-question-title, .pk-question-plain, .pk-hint, button, label)')).toEqual([])

    // Across, the intro starts on the right, where the card does.
    expect(await intro(page)).toContain('rechts')
    await saveScreenshot(page, 'partnerschapskaart-1280')

    // "+ Nieuwe afspraak" opens into its first field; after adding, focus is back on "+ Nieuwe afspraak".
    await openSection(page, b.title)
    await page.getByRole('tab', { name: b.tabs.all }).click()
    const newAction = page.getByRole('button', { name: `+ ${b.form.open}` })
    await newAction.focus()
    await page.keyboard.press('Enter')
    const form = page.getByRole('region', { name: b.form.newTitle, exact: true })
    await waitForFocusOn(form.getByLabel(b.form.wat), 'the "Wat" field of the new agreement')
    await page.keyboard.type('Zondag oma bellen')
    await form.getByRole('button', { name: b.form.add }).click()
    await page.getByRole('listitem', { name: 'Zondag oma bellen', exact: true }).waitFor()
    await waitForFocusOn(newAction, '"+ Nieuwe afspraak" after adding')

    // On a phone the card runs downwards, and so does its intro.
    const phone = await device(PHONE)
    const link = await inviteViaUi(page, { role: 'netwerk', name: 'Oma Riet' })
    await joinPlanViaUi(phone.page, link, { name: 'Oma Riet', relation: 'oma' })
    await openSection(phone.page, k.title)
    const text = await intro(phone.page)
    expect(text).toContain(k.introDown)
    expect(text).not.toMatch(/rechts|links/)
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await saveScreenshot(phone.page, 'partnerschapskaart-phone-intro')
    expect([...ans.errors, ...phone.errors].map((e) => e.message)).toEqual([])
  }, STEP)

  it('focus follows what a press turns a control into: an agreement made from the card, a draft shared, a spelregel made, an answer changed', async () => {
    const ans = await ansWithANewPlan('Familie Bakker', k.title)
    const page = ans.page

    // "Maak er een afspraak van": the dialog's work replaces the button that opened it with a link to the agreement.
    await writeOnCard(page, 'Acties', 'Wat ga ik doen?', 'Zondag oma bellen')
    await step(page, 'Acties').getByRole('button', { name: fill(k.toAction.buttonLabel, { text: 'Zondag oma bellen' }) }).press('Enter')
    await page.getByRole('dialog', { name: k.toAction.title }).getByRole('button', { name: k.toAction.submit }).press('Enter')
    await waitForFocusOn(step(page, 'Acties').getByRole('link', { name: k.toAction.toBasisteam }), '"Bekijk de afspraak" after making the agreement')

    // "Delen met de groep": the draft moves from my kladje into the group's list, and focus goes with it.
    await writeOnCard(page, 'Relaties', 'Hoe communiceren we?', 'Misschien een groepsapp', { draft: true })
    await step(page, 'Relaties').getByRole('button', { name: fill(k.drafts.putForwardLabel, { text: 'Misschien een groepsapp' }) }).press('Enter')
    const shared = step(page, 'Relaties').getByRole('list', { name: 'Hoe communiceren we?', exact: true }).getByRole('listitem').filter({ hasText: 'Misschien een groepsapp' })
    await waitForFocusOn(shared, 'the shared item in the group\'s list')

    // "Maak er een spelregel van" becomes "Staat bij de spelregels", and focus lands on those words.
    const summary = page.getByRole('region', { name: k.succesvoorwaarden.title, exact: true })
    await summary.getByRole('button', { name: fill(k.succesvoorwaarden.toRuleLabel, { text: 'Misschien een groepsapp' }) }).press('Enter')
    await waitForFocusOn(summary.getByText(k.succesvoorwaarden.isRule), '"Staat bij de spelregels"')

    // In "Wat doe ik", changing my answer moves the agreement to another list; focus goes to the way back there.
    await openSection(page, b.title)
    await page.getByRole('tab', { name: new RegExp(`^${b.tabs.mine}`) }).click()
    await page.getByRole('button', { name: fill(b.action.changeMindLabel, { wat: 'Zondag oma bellen' }) }).press('Enter')
    const changeBack = page.getByRole('region', { name: b.mine.declined, exact: true }).getByRole('button', { name: fill(b.action.changeToYesLabel, { wat: 'Zondag oma bellen' }) })
    await waitForFocusOn(changeBack, '"Toch wel" under "Liever niet"')
    await changeBack.press('Enter')
    await waitForFocusOn(page.getByRole('region', { name: b.mine.doing, exact: true }).getByRole('button', { name: fill(b.action.changeMindLabel, { wat: 'Zondag oma bellen' }) }), '"Toch niet" under "Dit doe ik"')
    expect(ans.errors.map((e) => e.message)).toEqual([])
  }, STEP)

  it('removing by keyboard puts focus on a neighbour, putting back on the item, dismissing a notice on the next notice', async () => {
    const ans = await ansWithANewPlan('Familie Smit', k.title)
    const page = ans.page
    const relaties = step(page, 'Relaties')
    const question = 'Hoe communiceren we?'
    for (const text of ['Via de groepsapp', 'Elke zondag bellen', 'Samen eten']) await writeOnCard(page, 'Relaties', question, text)

    // The removed item's "⋯" goes with it: focus goes to the next item's "⋯", after the last to the previous one's.
    await removeByKeyboard(relaties, 'Elke zondag bellen')
    await waitForFocusOn(moreButton(relaties, 'Samen eten'), '"⋯" of the next item after removing')
    await removeByKeyboard(relaties, 'Samen eten')
    await waitForFocusOn(moreButton(relaties, 'Via de groepsapp'), '"⋯" of the previous item after removing the last')
    // The list's only item: focus goes to where one writes the next, below it ("Schrijf iets op" is still unfolded).
    await removeByKeyboard(relaties, 'Via de groepsapp')
    await waitForFocusOn(relaties.getByRole('form', { name: fill(k.item.writeLabel, { question }) }).getByLabel(k.item.text), 'the field of "Schrijf iets op" after removing the only item')

    // Putting one back puts focus on it, by its "⋯".
    await relaties.getByRole('button', { name: fill(u.removed.restoreLabel, { text: 'Elke zondag bellen' }) }).press('Enter')
    await waitForFocusOn(moreButton(relaties, 'Elke zondag bellen'), 'the item put back')

    // Dismissing a notice: focus goes to the next notice, and after the last stays in the step.
    await relaties.getByRole('button', { name: fill(u.removed.dismissLabel, { text: 'Samen eten' }) }).press('Enter')
    await waitForFocusOn(relaties.getByRole('button', { name: fill(u.removed.restoreLabel, { text: 'Via de groepsapp' }) }), 'the next notice after dismissing one')
    await relaties.getByRole('button', { name: fill(u.removed.dismissLabel, { text: 'Via de groepsapp' }) }).press('Enter')
    await relaties.getByRole('list', { name: fill(k.item.removedLabel, { step: 'Relaties' }) }).waitFor({ state: 'detached' })
    const afterLast = await waitUntil(async () => {
      const focused = await focusedControl(page)
      return focused.body ? null : focused
    }, 'focus off the page body after dismissing the last notice')
    expect(afterLast.inStep, `focus stays in the step (on ${afterLast.name})`).toBe(true)

    // The group's own question: removing it puts focus on "Eigen vraag toevoegen" after it.
    const addOwn = relaties.getByRole('button', { name: fill(k.ownQuestion.addLabel, { step: 'Relaties' }) })
    await addOwn.click()
    const ownForm = relaties.getByRole('form', { name: fill(k.ownQuestion.addLabel, { step: 'Relaties' }) })
    await ownForm.getByLabel(k.ownQuestion.text).fill('Hoe vieren we wat lukt?')
    await ownForm.getByRole('button', { name: k.ownQuestion.submit }).click()
    await removeByKeyboard(relaties, 'Hoe vieren we wat lukt?')
    await waitForFocusOn(addOwn, '"Eigen vraag toevoegen" after removing the own question')

    // Someone else's words ask first; after "Ja, verwijderen" focus is on the remaining item, not the body.
    const riet = await device(LAPTOP)
    const link = await inviteViaUi(page, { role: 'netwerk', name: 'Oma Riet' })
    await joinPlanViaUi(riet.page, link, { name: 'Oma Riet', relation: 'oma' })
    await Promise.all([openSection(riet.page, k.title), openSection(page, k.title)])
    await writeOnCard(riet.page, 'Relaties', question, 'Oma belt op woensdag')
    await moreButton(relaties, 'Oma belt op woensdag').waitFor()
    await removeByKeyboard(relaties, 'Oma belt op woensdag')
    const confirm = page.getByRole('alertdialog', { name: u.remove.title })
    await confirm.getByRole('button', { name: u.remove.confirm }).press('Enter')
    await confirm.waitFor({ state: 'detached' })
    await waitForFocusOn(moreButton(relaties, 'Elke zondag bellen'), '"⋯" of the previous item after confirming the removal')
    expect([...ans.errors, ...riet.errors].map((e) => e.message)).toEqual([])
  }, STEP)

  it('the same on another instrument: removing an agreement of the basisteam by keyboard, and putting it back', async () => {
    const ans = await ansWithANewPlan('Familie Visser', b.title)
    const page = ans.page
    await page.getByRole('tab', { name: b.tabs.all }).click()
    for (const wat of ['Zondag oma bellen', 'Boodschappen op dinsdag']) {
      await page.getByRole('button', { name: `+ ${b.form.open}` }).click()
      const form = page.getByRole('region', { name: b.form.newTitle, exact: true })
      await form.getByLabel(b.form.wat).fill(wat)
      await form.getByRole('button', { name: b.form.add }).click()
      await page.getByRole('listitem', { name: wat, exact: true }).waitFor()
    }
    const all = page.locator('body')
    await removeByKeyboard(all, 'Zondag oma bellen')
    await waitForFocusOn(moreButton(all, 'Boodschappen op dinsdag'), '"⋯" of the other agreement after removing one')
    await all.getByRole('button', { name: fill(u.removed.restoreLabel, { text: 'Zondag oma bellen' }) }).press('Enter')
    await waitForFocusOn(moreButton(all, 'Zondag oma bellen'), 'the agreement put back')
    expect(ans.errors.map((e) => e.message)).toEqual([])
  }, STEP)

  it('the hint on a later step keeps naming Oma Riet after she agreed on one step and put her phone away', async () => {
    const ans = await ansWithANewPlan('Familie de Vries')
    const link = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Oma Riet' })
    const riet = await device(PHONE)
    await joinPlanViaUi(riet.page, link, { name: 'Oma Riet', relation: 'oma' })
    await Promise.all([openSection(ans.page, k.title), openSection(riet.page, k.title)])

    // Ans agrees on the waarden; Oma Riet only on relaties, then closes Kring.
    await agree(ans.page, 'Waarden')
    await agree(riet.page, 'Relaties')
    await step(ans.page, 'Relaties').getByRole('group', { name: fill(u.agreement.label, { subject: 'Relaties' }) }).getByText('Oma Riet').waitFor()
    await close(riet)
    await waitUntil(async () => !(await presenceNames(ans.page)).some((name) => name.includes('Oma Riet')), 'Oma Riet to leave "Nu in dit plan"', {
      describe: (last) => String(last),
    })

    // The waarden still wait for her, and the later steps still say so, by name.
    const notYet = step(ans.page, 'Waarden').getByRole('group', { name: fill(u.agreement.label, { subject: 'Waarden' }) }).getByText(u.agreement.notYet)
    expect(await notYet.locator('..').innerText()).toContain('Oma Riet')
    const hint = fill(k.earlierHint_one, { step: 'Waarden', names: 'Oma Riet' })
    for (const later of ['Relaties', 'Handelen', 'Acties']) expect(await step(ans.page, later).getByRole('note').innerText()).toBe(hint)
    await saveScreenshot(ans.page, 'partnerschapskaart-hint-offline')
    expect(ans.errors.map((e) => e.message)).toEqual([])
  }, STEP)

  /** Ans on a laptop with a new plan of her own, shared with the relay, and open at `section` when given. */
  async function ansWithANewPlan(householdName: string, section?: string): Promise<Device> {
    const ans = await device(LAPTOP)
    await createPlanViaUi(ans.page, relayUrl(), { householdName, myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    if (section !== undefined) await openSection(ans.page, section)
    return ans
  }
})

/** The card's intro as a reader sees it (the wording for the other direction is not shown). */
async function intro(page: Page): Promise<string> {
  const shown = await page.locator('.partnerschapskaart .section-intro').evaluateAll((paragraphs) => paragraphs.filter((p) => (p as HTMLElement).offsetParent !== null).map((p) => (p as HTMLElement).innerText))
  return shown.join('\n')
}

/** Each word of the elements found that is wider than the room its element has: such a word could only be split mid-word. */
function wordsWiderThanTheirPlace(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const tooWide: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(element)
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      const probe = document.createElement('span')
      probe.style.cssText = `font:${style.font};letter-spacing:${style.letterSpacing};text-transform:${style.textTransform};white-space:nowrap;position:absolute;visibility:hidden`
      document.body.append(probe)
      // Where the text may already wrap (a slash with <wbr>), the pieces count, not the whole.
      for (const word of element.innerText.split(/\s+|(?<=\/)/)) {
        probe.textContent = word
        if (probe.offsetWidth > room) tooWide.push(`"${word}" ${probe.offsetWidth} px in ${room} px`)
      }
      probe.remove()
    }
    return tooWide
  }, selector)
}

/** Waits until keyboard focus is on `target` (found by role and accessible name), so never on the page body. */
async function waitForFocusOn(target: Locator, what: string): Promise<void> {
  let focused = ''
  await waitUntil(
    async () => {
      if (await target.evaluate((el) => el === document.activeElement)) return true
      focused = await target.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? 'nothing')
      return null
    },
    `focus on ${what}`,
    { describe: () => `focus on ${focused}` },
  )
}

/** The "⋯" button of an item, named for it. */
function moreButton(scope: Locator, text: string): Locator {
  return scope.getByRole('button', { name: fill(u.more, { text }), exact: true })
}

/** "⋯" → "Verwijderen", by keyboard only. */
async function removeByKeyboard(scope: Locator, text: string): Promise<void> {
  await moreButton(scope, text).press('Enter')
  await scope.page().getByRole('menuitem', { name: u.remove.action }).press('Enter')
}

/** Where keyboard focus is: on the body or not, and inside the card's Relaties step or not. */
function focusedControl(page: Page): Promise<{ body: boolean; inStep: boolean; name: string }> {
  return page.evaluate(() => {
    const focused = document.activeElement
    const body = focused === null || focused === document.body
    const inStep = !body && [...document.querySelectorAll('.pk-step')].some((s) => s.querySelector('.pk-step-title')?.textContent?.trim() === 'Relaties' && s.contains(focused))
    return { body, inStep, name: focused?.getAttribute('aria-label') ?? focused?.textContent ?? '' }
  })
}
