import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import basisteamCatalog from '../../client/sections/basisteam/i18n.ts'
import kaartCatalog from '../../client/sections/partnerschapskaart/i18n.ts'
import routeCatalog from '../../client/sections/route/i18n.ts'
import verhaalCatalog from '../../client/sections/verhaal/i18n.ts'
import workspaceCatalog from '../../client/workspace/i18n.ts'
import startCatalog from '../../client/start/i18n.ts'
import netwerkatlasCatalog from '../../client/sections/netwerkatlas/i18n.ts'
import common from '../../client/i18n/common.ts'
import { today } from '../../shared/plan/index.ts'
import { createPlanViaUi, fill, inviteViaUi, joinPlanViaUi, openSection, SYNC_SENTENCES, waitForSyncStatus } from './support/app.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { waitUntil } from '../support/wait.ts'

/**
 * Issue 13 end to end: a plan with a rhythm. Ans (the household, on a
 * laptop), her neighbour Bram (on a 360 px phone) and Karin of the wijkteam
 * (professional), each on their own device through the real relay, follow
 * the route from Ontmoeten to Basisteam, turn an Acties item on the card
 * into an ask Bram accepts, look back together on the day they set, and put
 * the plan on a waakvlam and back up. Labels come from the catalogs.
 */
const r = routeCatalog.nl
const b = basisteamCatalog.nl
const k = kaartCatalog.nl
/** What the plan asks of someone today, above every section. */
const nt = workspaceCatalog.nl.notices

const STEP = 4 * 60_000
const PHONE = { width: 360, height: 740 }

describe('a plan that lives: the route, looking back together, the waakvlam, the card leading to action', () => {
  let browser: Browser
  let relay: TestRelay
  let ans: Device
  let bram: Device
  let karin: Device

  beforeAll(async () => {
    ;[browser, relay] = await Promise.all([launchBrowser(), startTestRelay()])
    ;[ans, bram, karin] = await Promise.all([
      newDevice(browser, { viewport: { width: 1280, height: 900 } }),
      newDevice(browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
      newDevice(browser),
    ])
    await createPlanViaUi(ans.page, relay.url, { householdName: 'Familie Jansen', myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    const forBram = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    const forKarin = await inviteViaUi(ans.page, { role: 'professional', name: 'Karin' })
    await Promise.all([joinPlanViaUi(bram.page, forBram, { name: 'Bram', relation: 'buurman' }), joinPlanViaUi(karin.page, forKarin, { name: 'Karin', relation: 'wijkcoach' })])
    await Promise.all([waitForSyncStatus(bram.page, SYNC_SENTENCES.shared), waitForSyncStatus(karin.page, SYNC_SENTENCES.shared)])
  }, STEP)

  afterAll(async () => {
    for (const device of [ans, bram, karin]) await device?.close()
    await browser?.close()
    await relay?.close()
  })

  it('the household follows the route from Ontmoeten to Basisteam, skips a step and goes back, never stopped', async () => {
    await Promise.all([openSection(ans.page, r.title), openSection(bram.page, r.title)])
    // Ontmoeten starts from the household's own question, with the method's five core values in plain words.
    await ans.page.getByLabel(r.ontmoeten.question, { exact: true }).fill('Hoe houden we het thuis vol?')
    for (const value of Object.values(r.ontmoeten.values)) await ans.page.getByText(value.line).waitFor()
    await waitUntil(async () => (await bram.page.getByLabel(r.ontmoeten.question, { exact: true }).inputValue()) === 'Hoe houden we het thuis vol?', "Ans's question on Bram's phone")
    expect(await hereNow(ans.page)).toBeNull()
    // Nothing is a percentage or a tick list: the route is four phases and an offer.
    expect(await ans.page.locator('progress, [role="progressbar"], input[type="checkbox"]').count()).toBe(0)

    // The offer: "Zullen we beginnen met kennismaken?" → yes opens the story.
    await offer(ans.page).getByText(r.phases.ontmoeten.offer).waitFor()
    await offer(ans.page).getByRole('button', { name: fill(r.offerYes, { phase: r.phases.ontmoeten.name }) }).click()
    await ans.page.getByRole('heading', { level: 2, name: verhaalCatalog.nl.title }).waitFor()
    await openSection(ans.page, r.title)
    expect(await hereNow(ans.page)).toBe(r.phases.ontmoeten.name)

    // "Zullen we de netwerkatlas maken?" → yes opens the netwerkatlas.
    await offer(ans.page).getByText(r.phases.netwerkatlas.offer).waitFor()
    await offer(ans.page).getByRole('button', { name: fill(r.offerYes, { phase: r.phases.netwerkatlas.name }) }).click()
    await ans.page.getByRole('heading', { level: 2, name: netwerkatlasCatalog.nl.title }).waitFor()
    await openSection(ans.page, r.title)
    expect(await hereNow(ans.page)).toBe(r.phases.netwerkatlas.name)

    // Skipping the meedenkbijeenkomst: straight to the basisteam, nothing in the way.
    await ans.page.getByRole('button', { name: fill(r.chooseLabel, { phase: r.phases.basisteam.name }) }).click()
    await waitUntil(async () => (await hereNow(ans.page)) === r.phases.basisteam.name, 'the basisteam as where we are')
    await offer(ans.page).getByText(r.afterLast).waitFor()
    await waitUntil(async () => (await hereNow(bram.page)) === r.phases.basisteam.name, 'Bram to see the basisteam as where they are')
    // Who said so, with the day: "Ans koos dit op …".
    await step(bram.page, r.phases.basisteam.name).getByText(fill(r.chosenBy.split('{{date}}')[0]!, { name: 'Ans' }).trim()).waitFor()

    // And back again: Bram says they are at the meedenkbijeenkomst after all.
    await bram.page.getByRole('button', { name: fill(r.chooseLabel, { phase: r.phases.meedenkbijeenkomst.name }) }).click()
    await waitUntil(async () => (await hereNow(ans.page)) === r.phases.meedenkbijeenkomst.name, 'the meedenkbijeenkomst on Ans\'s device')
    expect(await fitsWidth(bram.page)).toBe(true)
    await saveScreenshot(bram.page, 'route-phone-nl')
    await inEnglish(bram.page, async () => {
      await bram.page.getByRole('heading', { level: 2, name: routeCatalog.en.title }).waitFor()
      await bram.page.getByText(routeCatalog.en.phases.meedenkbijeenkomst.line).waitFor()
      expect(await fitsWidth(bram.page)).toBe(true)
      await saveScreenshot(bram.page, 'route-phone-en')
    })
    await saveScreenshot(ans.page, 'route-laptop-nl')
    expectNoErrors()
  }, STEP)

  it('an Acties item on the card becomes an ask that Bram accepts in "Wat doe ik"', async () => {
    await openSection(ans.page, k.title)
    const acties = ans.page.getByRole('list', { name: k.cardLabel }).getByRole('listitem', { name: /^Acties$/ })
    const question = 'Wat vragen we aan anderen om te doen?'
    await acties.getByRole('button', { name: fill(k.item.writeLabel, { question }) }).click()
    const form = acties.getByRole('form', { name: fill(k.item.writeLabel, { question }) })
    await form.getByLabel(k.item.text).fill('Bram haalt op zaterdag de boodschappen')
    await form.getByRole('button', { name: k.item.add, exact: true }).click()

    await acties.getByRole('button', { name: fill(k.toAction.buttonLabel, { text: 'Bram haalt op zaterdag de boodschappen' }) }).click()
    const dialog = ans.page.getByRole('dialog', { name: k.toAction.title })
    await dialog.getByRole('group', { name: k.toAction.wieOthers }).getByLabel('Bram', { exact: true }).check()
    await dialog.getByRole('button', { name: k.toAction.submit }).click()
    await acties.getByText(k.toAction.isAction).waitFor()

    // Bram's own "Wat doe ik": asked, waiting for his yes.
    await openSection(bram.page, b.title)
    await bram.page.getByRole('tab', { name: new RegExp(`^${b.tabs.mine}`) }).click()
    const asked = bram.page.getByRole('region', { name: b.mine.asked, exact: true })
    await action(asked, 'Bram haalt op zaterdag de boodschappen').getByText(fill(b.action.askedYou, { name: 'Ans' })).waitFor()
    await bram.page.getByRole('button', { name: fill(b.action.yesLabel, { wat: 'Bram haalt op zaterdag de boodschappen' }) }).click()
    await action(bram.page.getByRole('region', { name: b.mine.doing, exact: true }), 'Bram haalt op zaterdag de boodschappen').getByText(b.action.youDo).waitFor()

    // Ans sees his yes, and where the action came from.
    await openSection(ans.page, b.title)
    await ans.page.getByRole('tab', { name: b.tabs.all }).click()
    const forAns = action(ans.page, 'Bram haalt op zaterdag de boodschappen')
    await forAns.getByText(`Bram · ${b.consent.yes}`).waitFor()
    await forAns.getByRole('link', { name: b.action.fromCard }).waitFor()
    expect(await ans.page.getByRole('listitem', { name: 'Bram haalt op zaterdag de boodschappen', exact: true }).count()).toBe(1)
    expectNoErrors()
  }, STEP)

  it('a moment set for today asks Ans and Bram, both answer on their own devices, and an adjustment links to it', async () => {
    const part = terugkijken(ans.page)
    await part.getByRole('button', { name: `+ ${b.terugkijken.new}` }).click()
    const schedule = part.getByRole('form', { name: b.terugkijken.new })
    await schedule.getByLabel(b.terugkijken.date).fill(today())
    await schedule.getByLabel(b.terugkijken.note).fill('Over zes weken kijken we samen hoe het gaat')
    await schedule.getByRole('button', { name: b.terugkijken.add }).click()

    // On the day, the plan invites both, wherever they are in it.
    for (const device of [ans, bram]) {
      const invitation = device.page.getByRole('complementary', { name: nt.label }).getByText(fill(nt.evaluationWithNote, { note: 'Over zes weken kijken we samen hoe het gaat' }))
      await invitation.waitFor()
    }
    await openSection(bram.page, r.title)
    await bram.page.getByRole('complementary', { name: nt.label }).getByRole('link', { name: nt.evaluationLink }).click()
    await terugkijken(bram.page).waitFor()

    await Promise.all([
      answer(ans.page, { goed: 'Bram helpt elke zaterdag, dat geeft rust', vraag: 'Deels: het geld is nog een zorg' }),
      answer(bram.page, { goed: 'De boodschappen lukken goed', gezien: 'Ja, ik voelde me gehoord' }),
    ])

    // Both see both answers, each with a name, beside "Lukt het?".
    for (const page of [ans.page, bram.page]) {
      const goed = terugkijken(page).getByRole('list', { name: b.terugkijken.questions.goed, exact: true })
      await goed.getByRole('listitem').filter({ hasText: 'Bram helpt elke zaterdag' }).filter({ hasText: 'Ans' }).waitFor()
      await goed.getByRole('listitem').filter({ hasText: 'De boodschappen lukken goed' }).filter({ hasText: 'Bram' }).waitFor()
      await terugkijken(page).getByRole('list', { name: b.terugkijken.questions.gezien, exact: true }).getByText('Ja, ik voelde me gehoord').waitFor()
      await waitUntil(async () => (await page.getByRole('complementary', { name: nt.label }).count()) === 0, 'the invitation to go once answered')
    }
    await terugkijken(ans.page).getByText(fill(b.terugkijken.ourQuestion, { question: 'Hoe houden we het thuis vol?' })).waitFor()

    // What changes is written down at the moment, and the new action says where its change came from.
    await terugkijken(ans.page).getByRole('button', { name: `+ ${b.bijstellen.add}` }).click()
    const change = terugkijken(ans.page).getByRole('form', { name: b.bijstellen.add })
    await change.getByLabel(b.bijstellen.tasks.plan).check()
    await change.getByLabel(b.bijstellen.text).fill('Ook op woensdag boodschappen')
    await change.getByLabel(b.bijstellen.action).selectOption({ label: b.bijstellen.newAction })
    await change.getByRole('button', { name: b.bijstellen.submit }).click()
    const changes = terugkijken(bram.page).getByRole('list', { name: b.bijstellen.title, exact: true })
    await changes.getByRole('listitem').filter({ hasText: b.bijstellen.tasks.plan }).filter({ hasText: 'Ans' }).getByText('Ook op woensdag boodschappen', { exact: true }).waitFor()
    await changes.getByRole('link', { name: fill(b.bijstellen.onAction, { wat: 'Ook op woensdag boodschappen' }) }).waitFor()
    await ans.page.getByRole('tab', { name: b.tabs.all }).click()
    await action(ans.page, 'Ook op woensdag boodschappen').getByRole('list', { name: b.action.changesLabel }).getByText('Ook op woensdag boodschappen').waitFor()

    await terugkijken(bram.page).scrollIntoViewIfNeeded()
    expect(await fitsWidth(bram.page)).toBe(true)
    await saveScreenshot(bram.page, 'evaluatie-phone-nl')
    await inEnglish(bram.page, async () => {
      await terugkijken(bram.page, 'en').getByText(basisteamCatalog.en.terugkijken.questions.gezien).first().waitFor()
      expect(await fitsWidth(bram.page)).toBe(true)
      await saveScreenshot(bram.page, 'evaluatie-phone-en')
    })
    expectNoErrors()
  }, STEP)

  it('the plan goes to a waakvlam: the professional\'s own view says so plainly, and the household turns it back up', async () => {
    await openSection(karin.page, r.title)
    // Karin has not answered the moment of today, so the plan asks her; nothing about a waakvlam yet.
    const notices = karin.page.getByRole('complementary', { name: nt.label })
    await notices.getByRole('link', { name: nt.evaluationLink }).waitFor()
    expect(await notices.getByText(nt.professionalTitle).count()).toBe(0)

    await openSection(ans.page, r.title)
    const panel = ans.page.getByRole('region', { name: r.waakvlam.title })
    await panel.getByLabel(r.waakvlam.checkIn).fill('2031-09-01')
    await panel.getByRole('button', { name: r.waakvlam.lower }).click()
    await panel.getByText(r.waakvlam.on).waitFor()

    // Karin, the professional, is told plainly what it means for her.
    await notices.getByText(nt.professionalTitle).waitFor()
    await notices.getByText(nt.professional).waitFor()
    await notices.getByText(nt.professionalOptions).waitFor()
    await notices.getByText(/2031/).waitFor()
    await saveScreenshot(karin.page, 'waakvlam-professional-nl')

    // Bram's phone shows the waakvlam and the way back up.
    await openSection(bram.page, r.title)
    const onPhone = bram.page.getByRole('region', { name: r.waakvlam.title })
    await onPhone.getByText(r.waakvlam.on).waitFor()
    await onPhone.scrollIntoViewIfNeeded()
    expect(await fitsWidth(bram.page)).toBe(true)
    await saveScreenshot(bram.page, 'waakvlam-phone-nl')
    await inEnglish(bram.page, async () => {
      await bram.page.getByRole('region', { name: routeCatalog.en.waakvlam.title }).getByText(routeCatalog.en.waakvlam.on).waitFor()
      expect(await fitsWidth(bram.page)).toBe(true)
      await saveScreenshot(bram.page, 'waakvlam-phone-en')
    })

    // "Zo zwaar als nodig": the household turns it back up, and Karin's notice goes.
    await panel.getByRole('button', { name: r.waakvlam.raise }).click()
    await panel.getByText(r.waakvlam.full).waitFor()
    await waitUntil(async () => (await notices.getByText(nt.professionalTitle).count()) === 0, "Karin's waakvlam notice to go")
    expectNoErrors()
  }, STEP)

  it('on a waakvlam the professional can leave the plan on her device; the household keeps it', async () => {
    const panel = ans.page.getByRole('region', { name: r.waakvlam.title })
    await panel.getByRole('button', { name: r.waakvlam.lower }).click()
    const notices = karin.page.getByRole('complementary', { name: nt.label })
    await notices.getByRole('link', { name: nt.leave }).click()
    await karin.page.getByRole('heading', { level: 1, name: workspaceCatalog.nl.left.title }).waitFor()
    await karin.page.getByRole('button', { name: workspaceCatalog.nl.left.confirm }).click()
    await karin.page.getByRole('status').getByText(workspaceCatalog.nl.left.done).waitFor()
    await karin.page.getByRole('link', { name: workspaceCatalog.nl.left.toStart }).click()
    await karin.page.getByRole('heading', { name: startCatalog.nl.plans.title }).waitFor()
    // Her device had only this plan: the list now says it is empty.
    await karin.page.getByText(startCatalog.nl.plans.empty).waitFor()
    expect(await karin.page.getByRole('link', { name: /Familie Jansen/ }).count()).toBe(0)
    // The household still has its plan, on a waakvlam.
    await panel.getByText(r.waakvlam.on).waitFor()
    expectNoErrors()
  }, STEP)

  function expectNoErrors() {
    expect([...ans.errors, ...bram.errors, ...karin.errors]).toEqual([])
  }
})

/** The name of the phase marked "Hier zijn jullie nu", or null when none is. */
async function hereNow(page: Page): Promise<string | null> {
  const current = page.getByRole('list', { name: routeCatalog.nl.stepsLabel }).locator('li[aria-current="step"]')
  if ((await current.count()) === 0) return null
  return (await current.getByRole('heading').innerText()).replace(/^\d+\s*/, '').trim()
}

function step(page: Page, name: string): Locator {
  return page.getByRole('list', { name: routeCatalog.nl.stepsLabel }).getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })
}

function offer(page: Page): Locator {
  return page.getByRole('region', { name: routeCatalog.nl.offerTitle })
}

function terugkijken(page: Page, language: 'nl' | 'en' = 'nl'): Locator {
  return page.getByRole('region', { name: basisteamCatalog[language].terugkijken.title, exact: true })
}

function action(scope: Page | Locator, wat: string): Locator {
  return scope.getByRole('listitem', { name: wat, exact: true })
}

/** Answers the first moment's questions on this device, in one's own words. */
async function answer(page: Page, words: Partial<Record<keyof typeof basisteamCatalog.nl.terugkijken.questions, string>>): Promise<void> {
  const mine = terugkijken(page).getByRole('form', { name: basisteamCatalog.nl.terugkijken.yourAnswers }).first()
  for (const [question, text] of Object.entries(words)) await mine.getByLabel(basisteamCatalog.nl.terugkijken.questions[question as keyof typeof words], { exact: true }).fill(text)
  await mine.getByRole('button', { name: basisteamCatalog.nl.terugkijken.save }).click()
  await mine.getByText(basisteamCatalog.nl.terugkijken.saved).waitFor()
}

function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
}

/** Runs `look` with the app in English on this device, then switches back to Dutch. */
async function inEnglish(page: Page, look: () => Promise<void>): Promise<void> {
  await page.getByLabel(common.nl.language.label).selectOption('en')
  try {
    await look()
  } finally {
    await page.getByLabel(common.en.language.label).selectOption('nl')
    await page.getByLabel(common.nl.language.label).waitFor()
  }
}
