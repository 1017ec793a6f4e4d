import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import basisteamCatalog from '../../client/sections/basisteam/i18n.ts'
import kaartCatalog from '../../client/sections/partnerschapskaart/i18n.ts'
import spelregelsCatalog from '../../client/sections/spelregels/i18n.ts'
import waardenCatalog from '../../client/sections/waarden/i18n.ts'
import uiCatalog from '../../client/ui/i18n.ts'
import workspaceCatalog from '../../client/workspace/i18n.ts'
import { createPlanViaUi, fill, inviteViaUi, joinPlanViaUi, openSection, SYNC_SENTENCES, waitForSyncStatus } from './support/app.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'
import { agree, step, writeOnCard } from './support/partnerschapskaart.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { waitUntil } from '../support/wait.ts'

/**
 * Issue 3 end to end: a household member (Ans) and her neighbour (Bram),
 * each on their own device, fill in the plan together through the real
 * relay — values, the partnerschapskaart from values to actions, spelregels
 * and the basisteam — then the same on a 360 px phone and in English.
 *
 * The steps build on each other (one plan, like one evening at the kitchen
 * table), so they share the two devices; one browser, two contexts.
 * Labels come from the catalogs, so rewording a label does not break them.
 */
const w = waardenCatalog.nl
const k = kaartCatalog.nl
const s = spelregelsCatalog.nl
const b = basisteamCatalog.nl
const u = uiCatalog.nl

const STEP = 4 * 60_000

describe('the plan together: waarden, partnerschapskaart, spelregels, basisteam', () => {
  let browser: Browser
  let relay: TestRelay
  let ans: Device
  let bram: Device

  beforeAll(async () => {
    ;[browser, relay] = await Promise.all([launchBrowser(), startTestRelay()])
    // A laptop each: wide enough for the card's five columns side by side.
    ;[ans, bram] = await Promise.all([newDevice(browser, { viewport: { width: 1440, height: 900 } }), newDevice(browser, { viewport: { width: 1440, height: 900 } })])
    await createPlanViaUi(ans.page, relay.url, { householdName: 'Familie Jansen', myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    const link = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    await joinPlanViaUi(bram.page, link, { name: 'Bram', relation: 'buurman' })
    await waitForSyncStatus(bram.page, SYNC_SENTENCES.shared)
  }, STEP)

  afterAll(async () => {
    await ans?.close()
    await bram?.close()
    await browser?.close()
    await relay?.close()
  })

  it('Bram finds Ans\'s value important too and takes it into his own list; both write "Ik vind … geslaagd als …"', async () => {
    await Promise.all([openSection(ans.page, w.title), openSection(bram.page, w.title)])

    const ansOwn = region(ans.page, w.voorMij.title)
    await ansOwn.getByLabel(w.propose.mine).fill('Zelf de regie houden')
    await ansOwn.getByRole('button', { name: w.propose.submit }).click()

    // Bram sees it as Ans's value, side by side with his own list.
    const ansValuesForBram = region(bram.page, fill(w.voorMij.ofPerson, { name: 'Ans' }))
    await ansValuesForBram.getByText('Zelf de regie houden').waitFor()
    const endorse = ansValuesForBram.getByRole('button', { name: fill(w.value.endorseLabel, { text: 'Zelf de regie houden' }) })
    await endorse.click()
    await waitUntil(async () => (await endorse.getAttribute('aria-pressed')) === 'true', 'the endorsement to show as pressed')
    await ansValuesForBram.getByRole('button', { name: fill(w.value.adoptLabel, { text: 'Zelf de regie houden' }) }).click()

    // In Bram's own list, remembering where it came from; Ans's value itself is untouched.
    const bramOwn = region(bram.page, w.voorMij.title).getByRole('list', { name: w.voorMij.title }).getByRole('listitem')
    await bramOwn.filter({ hasText: 'Zelf de regie houden' }).filter({ hasText: fill(w.value.adoptedFrom, { name: 'Ans' }) }).waitFor()
    await ansValuesForBram.getByText(w.value.inMyList).waitFor()

    // Ans sees who finds it important too, and who took it over.
    const ansValue = region(ans.page, w.voorMij.title).getByRole('list', { name: w.voorMij.title }).getByRole('listitem').filter({ hasText: 'Zelf de regie houden' })
    await ansValue.getByText(fill(w.value.alsoImportant, { names: 'Bram' })).waitFor()
    await ansValue.getByText(fill(w.value.adoptedBy, { names: 'Bram' })).waitFor()
    expect(await ansValue.innerText()).toContain(fill(w.value.of, { name: 'Ans (jij)' }))

    // Each their own "Ik vind … geslaagd als …", shown together.
    await writeGeslaagd(ans.page, 'we elkaar elke week even spreken')
    await writeGeslaagd(bram.page, 'Ans zelf blijft beslissen')
    for (const page of [ans.page, bram.page]) {
      const sentences = page.getByRole('list', { name: w.geslaagd.listLabel })
      await sentences.getByText('we elkaar elke week even spreken').waitFor()
      await sentences.getByText('Ans zelf blijft beslissen').waitFor()
    }

    await saveScreenshot(ans.page, 'partnerschap-waarden-nl')
    expectNoErrors()
  }, STEP)

  it('fill in the partnerschapskaart together from values to actions, agreeing per step, never blocked', async () => {
    await Promise.all([openSection(ans.page, k.title), openSection(bram.page, k.title)])

    // Laid out like the printed card: waarden on the right, acties on the left.
    const [waardenBox, relatiesBox, actiesBox] = await Promise.all(['Waarden', 'Relaties', 'Acties'].map((title) => step(ans.page, title).boundingBox()))
    expect(waardenBox!.x).toBeGreaterThan(relatiesBox!.x)
    expect(relatiesBox!.x).toBeGreaterThan(actiesBox!.x)

    // Step 1: the group's values.
    const ansWaarden = step(ans.page, 'Waarden')
    await ansWaarden.getByLabel(w.propose.ours).fill('Eerlijk zijn tegen elkaar')
    await ansWaarden.getByRole('button', { name: w.propose.submit }).click()
    await step(bram.page, 'Waarden').getByText('Eerlijk zijn tegen elkaar').waitFor()

    // Ans agrees on the values; both see who has and who has not yet.
    await agree(ans.page, 'Waarden')
    for (const page of [ans.page, bram.page]) await waitForAgreement(page, 'Waarden', { agreed: ['Ans'], notYet: ['Bram'] })
    // A later step gently says so, and Bram can write there anyway.
    await step(ans.page, 'Relaties').getByRole('note').filter({ hasText: 'Bram' }).waitFor()
    await writeOnCard(bram.page, 'Relaties', 'Hoe communiceren we?', 'Via de groepsapp')
    await writeOnCard(bram.page, 'Relaties', 'Hoe communiceren we?', 'Bellen als het dringend is')

    await agree(bram.page, 'Waarden')
    for (const page of [ans.page, bram.page]) await waitForAgreement(page, 'Waarden', { agreed: ['Ans', 'Bram'], notYet: [] })
    await waitUntil(async () => (await step(ans.page, 'Relaties').getByRole('note').count()) === 0, 'the hint to go once both agree')

    // Reorder with the keyboard: "Via de groepsapp" one down, in the item's ⋯ menu.
    await waitForItems(ans.page, 'Relaties', 'Hoe communiceren we?', ['Via de groepsapp', 'Bellen als het dringend is'])
    await moveDownByKeyboard(ans.page, 'Relaties', 'Via de groepsapp')
    await waitForItems(bram.page, 'Relaties', 'Hoe communiceren we?', ['Bellen als het dringend is', 'Via de groepsapp'])

    // Bram's kladje stays apart from the group's text until he brings it in.
    await writeOnCard(bram.page, 'Relaties', 'Hoe beslissen we samen?', 'Misschien stemmen we?', { draft: true })
    await step(bram.page, 'Relaties').getByRole('region', { name: k.drafts.title }).getByText('Misschien stemmen we?').waitFor()
    await writeOnCard(bram.page, 'Relaties', 'Hoe gaan we zeggenschap delen?', 'Ans beslist over haar eigen geld')
    await waitForItems(ans.page, 'Relaties', 'Hoe gaan we zeggenschap delen?', ['Ans beslist over haar eigen geld'])
    expect(await step(ans.page, 'Relaties').getByText('Misschien stemmen we?').count()).toBe(0)
    await step(bram.page, 'Relaties').getByRole('button', { name: fill(k.drafts.putForwardLabel, { text: 'Misschien stemmen we?' }) }).click()
    await waitForItems(ans.page, 'Relaties', 'Hoe beslissen we samen?', ['Misschien stemmen we?'])

    // The group's own "Hoe … ?" question.
    const ownQuestion = fill(k.ownQuestion.addLabel, { step: 'Relaties' })
    await step(ans.page, 'Relaties').getByRole('button', { name: ownQuestion }).click()
    const questionForm = step(ans.page, 'Relaties').getByRole('form', { name: ownQuestion })
    await questionForm.getByLabel(k.ownQuestion.text).fill('Hoe vieren we wat lukt?')
    await questionForm.getByRole('button', { name: k.ownQuestion.submit }).click()
    await writeOnCard(bram.page, 'Relaties', 'Hoe vieren we wat lukt?', 'Samen taart eten')
    await waitForItems(ans.page, 'Relaties', 'Hoe vieren we wat lukt?', ['Samen taart eten'])

    // Removing someone else's words asks first, and stays visible as "weggehaald door …" with a way back.
    await step(ans.page, 'Relaties').getByRole('button', { name: fill(u.more, { text: 'Bellen als het dringend is' }) }).click()
    await ans.page.getByRole('menuitem', { name: u.remove.action }).click()
    const question = ans.page.getByRole('alertdialog', { name: u.remove.title })
    await question.getByText('Bram', { exact: false }).waitFor()
    await question.getByRole('button', { name: u.remove.confirm }).click()
    const removedForBram = step(bram.page, 'Relaties').getByRole('list', { name: fill(k.item.removedLabel, { step: 'Relaties' }) })
    await removedForBram.getByText('Bellen als het dringend is').waitFor()
    expect(await removedForBram.innerText()).toContain(fill(u.removed.by, { name: 'Ans', when: '' }).replace(/, $/, ''))
    await removedForBram.getByRole('button', { name: fill(u.removed.restoreLabel, { text: 'Bellen als het dringend is' }) }).click()
    await waitForItems(ans.page, 'Relaties', 'Hoe communiceren we?', ['Bellen als het dringend is', 'Via de groepsapp'])

    // Handelen, condities, acties.
    await writeOnCard(ans.page, 'Handelen', 'Wat gaan we kennis delen?', 'De wijkcoach vertelt welke hulp er is')
    await writeOnCard(bram.page, 'Condities', 'aan tijd?', 'Een uur per week')
    await writeOnCard(ans.page, 'Acties', 'Wat gaan we doen?', 'Elke dinsdag samen boodschappen doen')
    await waitForItems(bram.page, 'Acties', 'Wat gaan we doen?', ['Elke dinsdag samen boodschappen doen'])

    // Each agrees on relaties in their own name.
    await agree(ans.page, 'Relaties')
    for (const page of [ans.page, bram.page]) await waitForAgreement(page, 'Relaties', { agreed: ['Ans'], notYet: ['Bram'] })
    await agree(bram.page, 'Relaties')
    for (const page of [ans.page, bram.page]) await waitForAgreement(page, 'Relaties', { agreed: ['Ans', 'Bram'], notYet: [] })

    // Relaties + handelen + condities = succesvoorwaarden samenwerking, in one summary.
    const summary = region(bram.page, k.succesvoorwaarden.title)
    for (const text of ['Via de groepsapp', 'De wijkcoach vertelt welke hulp er is', 'Een uur per week']) await summary.getByText(text).waitFor()

    // "Versie ingevuld door": a named version with who filled it in.
    const versions = region(ans.page, k.versions.title)
    await versions.getByLabel(k.versions.name).fill('Eerste gesprek')
    await versions.getByRole('button', { name: k.versions.save }).click()
    const saved = region(bram.page, k.versions.title).getByRole('listitem').filter({ hasText: 'Eerste gesprek' })
    await saved.waitFor()
    expect(await saved.innerText()).toMatch(/ingevuld door Ans en Bram/)

    // The card is credited.
    await ans.page.getByText(/HAN Sociaal, EMGO\+, CSO en Zorgbelang/).waitFor()
    expect(await ans.page.getByRole('link', { name: 'www.partnerschapskaart.nl' }).getAttribute('href')).toBe('https://www.partnerschapskaart.nl')

    await saveScreenshot(ans.page, 'partnerschap-kaart-nl')
    expectNoErrors()
  }, STEP)

  it('a spelregel changed after everyone agreed asks for agreement again, and keeps the earlier wording', async () => {
    // From the succesvoorwaarden on the card to a spelregel.
    await region(ans.page, k.succesvoorwaarden.title).getByRole('button', { name: fill(k.succesvoorwaarden.toRuleLabel, { text: 'Via de groepsapp' }) }).click()
    await Promise.all([openSection(ans.page, s.title), openSection(bram.page, s.title)])

    const first = 'Via de groepsapp'
    await Promise.all([agreeRule(ans.page, first), agreeRule(bram.page, first)])
    for (const page of [ans.page, bram.page]) await waitForRuleAgreement(page, first, { agreed: ['Ans', 'Bram'], notYet: [] })

    // Bram changes the words.
    const changed = 'We appen in de groepsapp, en bellen als het dringend is'
    await bram.page.getByRole('button', { name: fill(u.more, { text: first }) }).click()
    await bram.page.getByRole('menuitem', { name: u.edit }).click()
    const dialog = bram.page.getByRole('dialog', { name: s.rule.editTitle })
    await dialog.getByLabel(s.rule.text, { exact: true }).fill(changed)
    await dialog.getByRole('button', { name: u.save }).click()

    // Everyone is asked again; the earlier wording stays with who agreed to it.
    for (const page of [ans.page, bram.page]) {
      await waitForRuleAgreement(page, changed, { agreed: [], notYet: ['Ans', 'Bram'] })
      await rule(page, changed).getByText(s.rule.askedAgain).waitFor()
    }
    const history = rule(ans.page, changed).getByRole('group').filter({ hasText: fill(s.rule.history, { count: 1 }) })
    await ans.page.getByText(fill(s.rule.history, { count: 1 })).click()
    const earlier = await history.innerText()
    expect(earlier).toContain(first)
    // Both agreed to the earlier words; the order is who agreed first.
    expect([fill(s.rule.historyAgreed, { names: 'Ans (jij) en Bram' }), fill(s.rule.historyAgreed, { names: 'Bram en Ans (jij)' })].some((line) => earlier.includes(line))).toBe(true)

    await agreeRule(ans.page, changed)
    for (const page of [ans.page, bram.page]) await waitForRuleAgreement(page, changed, { agreed: ['Ans'], notYet: ['Bram'] })

    // Roles per person: different tasks, the same voice.
    const addRole = fill(s.rollen.addLabel, { name: 'Bram' })
    await ans.page.getByRole('button', { name: addRole }).click()
    const roleForm = ans.page.getByRole('form', { name: addRole })
    await roleForm.getByLabel(s.rollen.name, { exact: true }).fill('buurman')
    await roleForm.getByLabel(s.rollen.responsibilities).fill('Doet de boodschappen op dinsdag')
    await roleForm.getByRole('button', { name: s.rollen.submit }).click()
    await region(bram.page, s.rollen.title).getByRole('listitem', { name: 'Bram (jij)' }).getByText('Doet de boodschappen op dinsdag').waitFor()

    await saveScreenshot(ans.page, 'partnerschap-spelregels-nl')
    expectNoErrors()
  }, STEP)

  it('a basisteam action asked of Bram is "gevraagd" in his "Wat doe ik" and becomes his when he says yes', async () => {
    await Promise.all([openSection(ans.page, b.title), openSection(bram.page, b.title)])
    await addAction(ans.page, { wat: 'Boodschappen doen', wie: 'Bram', waar: 'Bij de supermarkt', recurring: 'elke dinsdag', step: 'Acties', value: 'Eerlijk zijn tegen elkaar' })
    const forAns = action(ans.page, 'Boodschappen doen')
    await forAns.getByText(`Bram · ${b.consent.asked}`).waitFor()
    expect(await forAns.innerText()).toContain('Eerlijk zijn tegen elkaar · Acties')

    await bram.page.getByRole('tab', { name: new RegExp(`^${b.tabs.mine}`) }).click()
    const asked = region(bram.page, b.mine.asked)
    await action(asked, 'Boodschappen doen').getByText(fill(b.action.askedYou, { name: 'Ans' })).waitFor()
    await bram.page.getByRole('button', { name: fill(b.action.yesLabel, { wat: 'Boodschappen doen' }) }).click()
    await action(region(bram.page, b.mine.doing), 'Boodschappen doen').getByText(b.action.youDo).waitFor()
    expect(await region(bram.page, b.mine.asked).count()).toBe(0)
    await forAns.getByText(`Bram · ${b.consent.yes}`).waitFor()

    // "Lukt het?" in words, dated, by anyone.
    const luktHet = region(bram.page, b.luktHet.title)
    await luktHet.getByLabel(b.luktHet.text, { exact: true }).fill('De eerste keer ging goed')
    await luktHet.getByRole('button', { name: b.luktHet.add }).click()
    await region(ans.page, b.luktHet.title).getByRole('listitem').filter({ hasText: 'De eerste keer ging goed' }).filter({ hasText: 'Bram' }).waitFor()

    await saveScreenshot(bram.page, 'partnerschap-basisteam-wat-doe-ik-nl')
    await saveScreenshot(ans.page, 'partnerschap-basisteam-nl')
    expectNoErrors()
  }, STEP)

  it('works on a 360 px phone: the card reads downwards, agreeing and answering an ask work there', async () => {
    const phone = bram.page
    await phone.setViewportSize({ width: 360, height: 740 })
    const fitsWidth = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

    await openSection(phone, k.title)
    const [waardenBox, relatiesBox] = await Promise.all([step(phone, 'Waarden').boundingBox(), step(phone, 'Relaties').boundingBox()])
    expect(relatiesBox!.y).toBeGreaterThan(waardenBox!.y + waardenBox!.height - 1)
    expect(waardenBox!.x + waardenBox!.width).toBeLessThanOrEqual(360)
    expect(await fitsWidth()).toBe(true)
    await agree(phone, 'Handelen')
    await openSection(ans.page, k.title)
    await waitForAgreement(ans.page, 'Handelen', { agreed: ['Bram'], notYet: ['Ans'] })
    await saveScreenshot(phone, 'partnerschap-kaart-phone-nl')

    await openSection(ans.page, b.title)
    await ans.page.getByRole('tab', { name: b.tabs.all }).click()
    await addAction(ans.page, { wat: 'Zondag oma bellen', wie: 'Bram' })
    await openSection(phone, b.title)
    await phone.getByRole('tab', { name: new RegExp(`^${b.tabs.mine}`) }).click()
    // On the phone too the ask waits under "Gevraagd", with who asked, until Bram answers himself.
    await action(region(phone, b.mine.asked), 'Zondag oma bellen').getByText(fill(b.action.askedYou, { name: 'Ans' })).waitFor()
    expect(await fitsWidth()).toBe(true)
    await phone.getByRole('button', { name: fill(b.action.noLabel, { wat: 'Zondag oma bellen' }) }).click()
    await action(region(phone, b.mine.declined), 'Zondag oma bellen').waitFor()
    await action(ans.page, 'Zondag oma bellen').getByText(`Bram · ${b.consent.no}`).waitFor()
    expect(await fitsWidth()).toBe(true)
    await saveScreenshot(phone, 'partnerschap-basisteam-phone-nl')

    for (const [title, name] of [
      [w.title, 'partnerschap-waarden-phone-nl'],
      [s.title, 'partnerschap-spelregels-phone-nl'],
    ] as const) {
      await openSection(phone, title)
      expect(await fitsWidth()).toBe(true)
      await saveScreenshot(phone, name)
    }
    await phone.setViewportSize({ width: 1440, height: 900 })
    expectNoErrors()
  }, STEP)

  it('a meelezer reads the card and the spelregels without being offered to change or agree', async () => {
    const link = await inviteViaUi(ans.page, { role: 'meelezer', name: 'Mila' })
    const lezer = await newDevice(browser, { viewport: { width: 1440, height: 900 } })
    try {
      await joinPlanViaUi(lezer.page, link, { name: 'Mila', relation: 'stagiair wijkteam' })
      await openSection(lezer.page, k.title)
      await waitForItems(lezer.page, 'Relaties', 'Hoe communiceren we?', ['Bellen als het dringend is', 'Via de groepsapp'])
      await waitForAgreement(lezer.page, 'Relaties', { agreed: ['Ans', 'Bram'], notYet: [] })
      const offers = [k.item.write, k.agree, u.more.split(':')[0]!, k.versions.save].map((label) => lezer.page.getByRole('button', { name: new RegExp(label) }))
      for (const offer of offers) expect(await offer.count()).toBe(0)
      await openSection(lezer.page, s.title)
      await rule(lezer.page, 'We appen in de groepsapp, en bellen als het dringend is').waitFor()
      expect(await lezer.page.getByRole('button', { name: new RegExp(s.rule.agree) }).count()).toBe(0)
      expect(await lezer.page.getByRole('button', { name: s.propose.submit }).count()).toBe(0)
      expect(lezer.errors).toEqual([])
    } finally {
      await lezer.close()
    }
    expectNoErrors()
  }, STEP)

  it('speaks English too', async () => {
    const page = ans.page
    await page.getByLabel('Taal').selectOption('en')
    const en = { w: waardenCatalog.en, k: kaartCatalog.en, s: spelregelsCatalog.en, b: basisteamCatalog.en }

    await openSectionIn(page, en.w.title)
    await page.getByRole('heading', { name: en.w.voorMij.title }).waitFor()
    await saveScreenshot(page, 'partnerschap-waarden-en')

    await openSectionIn(page, en.k.title)
    await step(page, 'Relationships', 'en').getByRole('heading', { name: 'How do we communicate?' }).waitFor()
    await step(page, 'Values', 'en').getByRole('group', { name: fill(uiCatalog.en.agreement.label, { subject: 'Values' }) }).waitFor()
    await saveScreenshot(page, 'partnerschap-kaart-en')

    await openSectionIn(page, en.s.title)
    await page.getByRole('heading', { name: en.s.rollen.title }).waitFor()
    await saveScreenshot(page, 'partnerschap-spelregels-en')

    await openSectionIn(page, en.b.title)
    await page.getByRole('tab', { name: en.b.tabs.all }).click()
    await action(page, 'Boodschappen doen').getByText(`Bram · ${en.b.consent.yes}`).waitFor()
    await saveScreenshot(page, 'partnerschap-basisteam-en')
    expectNoErrors()
  }, STEP)

  // --- helpers: what a person does, in the words on the screen ---

  /** openSection for a page shown in English (the support helper speaks Dutch). */
  async function openSectionIn(page: Page, label: string) {
    await page.getByRole('navigation', { name: workspaceCatalog.en.sectionsLabel }).getByRole('link', { name: label }).click()
    await page.getByRole('heading', { level: 2, name: label }).waitFor()
  }

  function expectNoErrors() {
    expect([...ans.errors, ...bram.errors].map((e) => e.message)).toEqual([])
  }

  function region(scope: Page | Locator, name: string): Locator {
    return scope.getByRole('region', { name, exact: true })
  }

  /** Waits until the group's items under a question read exactly `texts`, in order. */
  async function waitForItems(page: Page, stepTitle: string, question: string, texts: string[]) {
    const list = step(page, stepTitle).getByRole('list', { name: question, exact: true })
    await waitUntil(
      async () => {
        const items = await list.getByRole('listitem').allInnerTexts()
        const firstLines = items.map((item) => item.split('\n')[0]?.trim())
        return JSON.stringify(firstLines) === JSON.stringify(texts) || null
      },
      `"${question}" to read ${texts.join(' | ')}`,
      { describe: () => 'other items or another order' },
    )
  }

  /** Opens an item's ⋯ menu and picks "Eén omlaag" with the keyboard only. */
  async function moveDownByKeyboard(page: Page, stepTitle: string, text: string) {
    await step(page, stepTitle).getByRole('button', { name: fill(u.more, { text }) }).focus()
    await page.keyboard.press('Enter')
    const target = page.getByRole('menuitem', { name: u.moveDown })
    await target.waitFor()
    await waitUntil(
      async () => {
        if (await target.evaluate((el) => el === document.activeElement)) return true
        await page.keyboard.press('ArrowDown')
        return null
      },
      'the keyboard to reach "Eén omlaag"',
    )
    await page.keyboard.press('Enter')
  }

  async function waitForAgreement(page: Page, stepTitle: string, expected: { agreed: string[]; notYet: string[] }) {
    const group = step(page, stepTitle).getByRole('group', { name: fill(u.agreement.label, { subject: stepTitle }) })
    await waitForAgreementText(group, expected, `${stepTitle} on ${page === ans.page ? 'Ans' : 'Bram'}'s device`)
  }

  function rule(page: Page, text: string): Locator {
    return page.getByRole('list', { name: s.listLabel }).getByRole('listitem').filter({ has: page.getByText(text, { exact: true }) })
  }

  async function agreeRule(page: Page, text: string) {
    await page.getByRole('button', { name: fill(u.agreement.agreeLabel, { label: s.rule.agree, subject: text }) }).click()
  }

  async function waitForRuleAgreement(page: Page, text: string, expected: { agreed: string[]; notYet: string[] }) {
    await waitForAgreementText(page.getByRole('group', { name: fill(u.agreement.label, { subject: text }) }), expected, `"${text}"`)
  }

  /** Waits until an agreement line says exactly who agreed ("Eens: …") and who has not yet ("Nog niet: …"). */
  async function waitForAgreementText(group: Locator, expected: { agreed: string[]; notYet: string[] }, what: string) {
    const namesAfter = (lines: string[], heading: string) =>
      (lines.find((line) => line.startsWith(heading)) ?? '')
        .slice(heading.length)
        .split(/·|,/)
        .map((part) => part.replace('(jij)', '').trim())
        .filter((part) => /^[A-Z][a-z]+$/.test(part))
        .sort()
    await waitUntil(
      async () => {
        const lines = (await group.innerText()).split('\n').map((line) => line.trim())
        const agreed = namesAfter(lines, u.agreement.agreed)
        const notYet = namesAfter(lines, u.agreement.notYet)
        return (JSON.stringify(agreed) === JSON.stringify([...expected.agreed].sort()) && JSON.stringify(notYet) === JSON.stringify([...expected.notYet].sort())) || null
      },
      `agreement on ${what}: agreed ${expected.agreed.join(', ') || 'nobody'}, not yet ${expected.notYet.join(', ') || 'nobody'}`,
      { describe: () => 'another agreement line' },
    )
  }

  function action(scope: Page | Locator, wat: string): Locator {
    return scope.getByRole('listitem', { name: wat, exact: true })
  }

  /** Adds a basisteam action through "Nieuwe afspraak" in "Alle afspraken". */
  async function addAction(page: Page, fields: { wat: string; wie: string; waar?: string; recurring?: string; step?: string; value?: string }) {
    await page.getByRole('tab', { name: b.tabs.all }).click()
    await page.getByRole('button', { name: `+ ${b.form.open}` }).click()
    const form = region(page, b.form.newTitle)
    await form.getByLabel(b.form.wat).fill(fields.wat)
    await form.getByRole('group', { name: b.form.wie }).getByLabel(fields.wie, { exact: true }).check()
    if (fields.waar) await form.getByLabel(b.form.waar).fill(fields.waar)
    if (fields.recurring) {
      await form.getByLabel(b.form.wanneerRecurring).check()
      await form.getByLabel(b.form.recurring).fill(fields.recurring)
    }
    if (fields.step || fields.value) {
      await form.getByText(b.form.links).click()
      if (fields.step) await form.getByRole('group', { name: b.form.steps }).getByLabel(fields.step).check()
      if (fields.value) await form.getByRole('group', { name: b.form.values }).getByLabel(fields.value).check()
    }
    await form.getByRole('button', { name: b.form.add }).click()
    await action(page, fields.wat).waitFor()
  }

  async function writeGeslaagd(page: Page, condition: string) {
    const form = page.getByRole('form', { name: w.geslaagd.write })
    await form.getByLabel(w.geslaagd.condition).fill(condition)
    await form.getByRole('button', { name: w.geslaagd.save }).click()
  }
})
