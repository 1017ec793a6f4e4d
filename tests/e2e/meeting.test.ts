import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import common from '../../client/i18n/common.ts'
import documentCatalog from '../../client/document/i18n.ts'
import meetingCatalog from '../../client/meeting/i18n.ts'
import basisteamCatalog from '../../client/sections/basisteam/i18n.ts'
import routeCatalog from '../../client/sections/route/i18n.ts'
import versiesCatalog from '../../client/sections/versies/i18n.ts'
import workspaceCatalog from '../../client/workspace/i18n.ts'
import type { MethodStep } from '../../shared/plan/index.ts'
import { createPlanViaUi, fill, inviteViaUi, joinPlanViaUi, openSection, SYNC_SENTENCES, typeInStory, waitForSyncStatus } from './support/app.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { waitUntil } from '../support/wait.ts'

/**
 * Issue 10 end to end: a meedenkbijeenkomst at Ans's kitchen table. Ans (the
 * household, on a laptop) starts it and leads it; her neighbour Bram
 * (netwerk, a 360 px phone), Karin of the wijkteam (professional) and the
 * TV in the room (a meelezer showing the big screen) follow, each on their
 * own device through the real relay. Labels come from the catalogs.
 */
const m = meetingCatalog.nl
const ws = workspaceCatalog.nl
const STEP = 5 * 60_000
const PHONE = { width: 360, height: 740 }
const verhaalTitle = documentCatalog.nl.sections.verhaal
const QUESTION = 'Hoe houden we het thuis vol, nu mama meer zorg nodig heeft?'

describe('samen aan tafel: a meedenkbijeenkomst led from one device and followed on every other', () => {
  let browser: Browser
  let relay: TestRelay
  let ans: Device
  let bram: Device
  let karin: Device
  let tv: Device
  let planId = ''

  beforeAll(async () => {
    ;[browser, relay] = await Promise.all([launchBrowser(), startTestRelay()])
    ;[ans, bram, karin, tv] = await Promise.all([
      newDevice(browser, { viewport: { width: 1280, height: 900 } }),
      newDevice(browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
      newDevice(browser),
      newDevice(browser, { viewport: { width: 1280, height: 720 } }),
    ])
    planId = await createPlanViaUi(ans.page, relay.url, { householdName: 'Familie Jansen', myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    await ans.page.getByLabel(routeCatalog.nl.ontmoeten.question, { exact: true }).fill(QUESTION)
    const forBram = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    const forKarin = await inviteViaUi(ans.page, { role: 'professional', name: 'Karin' })
    const forTv = await inviteViaUi(ans.page, { role: 'meelezer', name: 'Tv in de kamer' })
    await Promise.all([
      joinPlanViaUi(bram.page, forBram, { name: 'Bram', relation: 'buurman' }),
      joinPlanViaUi(karin.page, forKarin, { name: 'Karin', relation: 'wijkcoach' }),
      joinPlanViaUi(tv.page, forTv, { name: 'Tv in de kamer', relation: 'scherm' }),
    ])
    await Promise.all([bram, karin, tv].map((device) => waitForSyncStatus(device.page, SYNC_SENTENCES.shared)))
  }, STEP)

  afterAll(async () => {
    for (const device of [ans, bram, karin, tv]) await device?.close()
    await browser?.close()
    await relay?.close()
  })

  it('the household starts the meeting and names its gespreksleider; everyone, the big screen too, follows each step', async () => {
    await Promise.all([openSection(bram.page, m.title), openSection(karin.page, m.title), openSection(ans.page, m.title)])
    await bram.page.getByText(m.start.none).waitFor()
    // Only the household starts one: Bram and Karin see no form.
    expect(await bram.page.getByRole('button', { name: m.start.submit }).count()).toBe(0)
    expect(await karin.page.getByRole('button', { name: m.start.submit }).count()).toBe(0)

    const form = ans.page.getByRole('form', { name: m.start.title })
    await form.getByLabel(m.start.leader).selectOption({ label: 'Ans (jij)' })
    await form.getByLabel(m.start.name).fill('Bij Ans thuis')
    await form.getByRole('button', { name: m.start.submit }).click()

    // The big screen: the TV opens the meeting's screen address, as the gespreksleider's "Op een groot scherm" link does.
    const screenHref = await ans.page.getByRole('link', { name: m.running.screen }).getAttribute('href')
    expect(screenHref).toBe(`#/plan/${planId}/meedenkbijeenkomst/scherm`)
    await tv.page.goto(`${relay.url}/${screenHref}`)

    await everyoneAt('opening')
    // The opening shows the household's own question, on the screen too.
    await tv.page.getByText(QUESTION).waitFor()
    await bram.page.getByText(fill(m.running.leader, { name: 'Ans' })).waitFor()
    // Followers have no controls.
    expect(await bram.page.getByRole('button', { name: fill(m.lead.nextTo, { step: m.steps.voorstellen.name }) }).count()).toBe(0)
    expect(await karin.page.getByRole('button', { name: m.lead.end }).count()).toBe(0)
    await shootStep('opening')

    await next('voorstellen')
    await shootStep('voorstellen')
    expectNoErrors()
  }, STEP)

  it('shows who is here and where, calmly; someone looking elsewhere finds the way back', async () => {
    const here = ans.page.getByRole('region', { name: m.presence.title })
    await waitUntil(async () => (await here.innerText()).includes(`Bram · ${m.presence.following}`), 'Bram at the meeting, on Ans\'s list')
    await openSection(bram.page, basisteamCatalog.nl.title)
    await waitUntil(async () => (await here.innerText()).includes(`Bram · ${fill(m.presence.elsewhere, { section: ws.nav.basisteam })}`), 'Bram looking at Wie doet wat, on Ans\'s list')
    const follow = bram.page.getByRole('complementary', { name: ws.meeting.label })
    await follow.getByText(ws.meeting.running).waitFor()
    await follow.getByRole('link', { name: ws.meeting.back }).click()
    await currentStepIs(bram.page, m.steps.voorstellen.name)
    await waitUntil(async () => (await here.innerText()).includes(`Bram · ${m.presence.following}`), 'Bram back at the meeting')
    expect(await bram.page.getByRole('complementary', { name: ws.meeting.label }).count()).toBe(0)
    expectNoErrors()
  }, STEP)

  it('the gespreksleider adds an own step with a timer, moves it, skips a step and takes the skip back', async () => {
    const own = ans.page.getByRole('form', { name: m.lead.own })
    await own.getByLabel(m.lead.ownTitle).fill('Koffie')
    await own.getByRole('button', { name: m.lead.ownAdd }).click()
    const agenda = ans.page.getByRole('region', { name: m.running.agenda })
    await agenda.getByText('Koffie', { exact: true }).waitFor()
    // Put it right after Voorstellen (it was added at the end: seven steps on, so five moves up).
    for (let i = 0; i < 5; i++) await agenda.getByRole('button', { name: fill(m.lead.upLabel, { step: 'Koffie' }) }).click()
    await waitUntil(async () => (await agendaNames(bram.page)).slice(0, 3).join('|') === [m.steps.opening.name, m.steps.voorstellen.name, 'Koffie'].join('|'), 'Koffie third on Bram\'s agenda')
    await agenda.getByLabel(fill(m.lead.minutesLabel, { step: 'Koffie' })).fill('10')
    await agenda.getByRole('button', { name: `${m.lead.setTimer}: Koffie` }).click()
    await next('Koffie')
    for (const page of [bram.page, tv.page]) await waitUntil(async () => /Nog \d+:\d\d/.test(await page.locator('.meeting-timer').innerText()), 'the timer of Koffie')

    // Skipping the informatieronde: "volgende stap" passes over it; taking the skip back brings it back.
    await agenda.getByRole('button', { name: fill(m.lead.skipLabel, { step: m.steps.informatie.name }) }).click()
    await next('vragen')
    await ans.page.getByRole('button', { name: fill(m.lead.nextTo, { step: m.steps.privetijd.name }) }).waitFor()
    await agenda.getByRole('button', { name: fill(m.lead.unskipLabel, { step: m.steps.informatie.name }) }).click()
    await ans.page.getByRole('button', { name: fill(m.lead.nextTo, { step: m.steps.informatie.name }) }).waitFor()
    await shootStep('vragen')
    await next('informatie')
    await shootStep('informatie')
    expectNoErrors()
  }, STEP)

  it('privétijd: started by the gespreksleider; the professional is told kindly and sees nothing of the network; the network ends it', async () => {
    await next('privetijd')
    await ans.page.getByRole('button', { name: m.step.privetijdStart }).click()
    const told = karin.page.getByRole('region', { name: m.step.professionalTitle })
    await told.waitFor()
    await told.getByRole('button', { name: m.step.stepOut }).click()
    await karin.page.getByText(m.step.steppedOut).waitFor()
    await bram.page.getByText(m.step.privetijdRunning).waitFor()
    await tv.page.getByText(m.screen.privetijd).waitFor()
    // The professional cannot end it (it is not hers); the network can.
    expect(await karin.page.getByRole('button', { name: m.step.privetijdEnd }).count()).toBe(0)
    await shootStep('privetijd')
    await bram.page.getByRole('button', { name: m.step.privetijdEnd }).click()
    await karin.page.getByText(m.step.privetijdEnded).waitFor()
    expectNoErrors()
  }, STEP)

  it('presentatie van het plan: the big screen shows the part the gespreksleider chooses, and edits made meanwhile show live', async () => {
    await next('presentatie')
    await ans.page.getByRole('button', { name: m.walk.parts.verhaal, exact: true }).click()
    await tv.page.locator('.presentation-walk').getByText(verhaalTitle).first().waitFor()
    await bram.page.getByText(fill(m.walk.showing, { part: m.walk.parts.verhaal })).waitFor()
    // Bram writes in the story while it is on the screen.
    await bram.page.getByRole('region', { name: m.walk.title }).getByRole('link', { name: m.walk.parts.verhaal }).click()
    await typeInStory(bram.page, 'Bram doet op zaterdag de boodschappen.')
    await waitUntil(async () => (await tv.page.locator('.presentation-walk').innerText()).includes('Bram doet op zaterdag de boodschappen.'), 'Bram\'s words on the big screen')
    await bram.page.getByRole('complementary', { name: ws.meeting.label }).getByRole('link', { name: ws.meeting.back }).click()
    await shootStep('presentatie')
    expectNoErrors()
  }, STEP)

  it('samenstellen basisteam: Bram says yes to the team, Ans is the aanspreekpunt, and an action asked of Bram is in his own "wat doe ik"', async () => {
    await next('basisteam')
    const team = ans.page.getByRole('region', { name: m.team.title, exact: true })
    await team.getByLabel(m.team.ask).selectOption({ label: 'Bram' })
    await team.getByRole('button', { name: m.team.askSubmit }).click()
    await bram.page.getByText(m.team.myAsk).waitFor()
    await bram.page.getByRole('button', { name: m.team.yes }).click()
    await team.getByText(`Bram · ${m.team.consent.yes}`).waitFor()

    const contact = ans.page.getByRole('region', { name: m.team.aanspreekpunt, exact: true })
    await contact.getByLabel(m.team.aanspreekpuntChoose).selectOption({ label: 'Ans (jij)' })
    await contact.getByRole('button', { name: m.team.aanspreekpuntSubmit }).click()
    await bram.page.getByText(fill(m.team.aanspreekpuntIs, { name: 'Ans', consent: m.team.consent.yes })).waitFor()

    const wat = 'Bram rijdt mama op dinsdag naar de dagbesteding'
    const ask = ans.page.getByRole('form', { name: m.team.actionAsk })
    await ask.getByLabel(m.team.actionWat).fill(wat)
    await ask.getByLabel(m.team.actionWie).selectOption({ label: 'Bram' })
    await ask.getByRole('button', { name: m.team.actionSubmit }).click()
    // In Bram's own "wat doe ik", asked; his yes shows on everyone's list.
    const mine = bram.page.getByRole('region', { name: m.team.mine, exact: true })
    await mine.getByRole('region', { name: basisteamCatalog.nl.mine.asked, exact: true }).getByText(wat).waitFor()
    await mine.getByRole('button', { name: fill(basisteamCatalog.nl.action.yesLabel, { wat }) }).click()
    await ans.page.getByRole('region', { name: m.team.actions, exact: true }).getByText(`Bram: ${m.team.consent.yes}`).waitFor()
    await tv.page.getByText(wat).waitFor()

    await ans.page.getByLabel(m.decided.label).fill('We proberen het zes weken zo. Ans belt Karin als het niet lukt.')
    await shootStep('basisteam')
    expectNoErrors()
  }, STEP)

  it('afterwards a short record stays in the plan, and the plan is kept as a version', async () => {
    await ans.page.getByRole('button', { name: m.lead.end }).click()
    await ans.page.getByRole('alertdialog', { name: m.lead.endTitle }).getByRole('button', { name: m.lead.endConfirm }).click()
    for (const page of [ans.page, bram.page, karin.page]) {
      const record = page.getByRole('region', { name: m.record.title }).getByRole('article')
      await record.waitFor()
      const text = await record.innerText()
      for (const words of ['Ans', 'Bram', 'Karin', 'Koffie', m.steps.basisteam.name, 'Bram rijdt mama op dinsdag naar de dagbesteding', 'We proberen het zes weken zo.']) expect(text).toContain(words)
    }
    await tv.page.getByText(m.screen.noMeeting).waitFor()
    await openSection(ans.page, versiesCatalog.nl.title)
    await ans.page.getByText(new RegExp(fill(m.lead.versionName, { date: '' }).trim())).first().waitFor()
    await openSection(bram.page, m.title)
    await saveScreenshot(bram.page, 'meeting-record-phone-nl')
    expectNoErrors()
  }, STEP)

  /** Ans moves everyone to the next step; every device, the big screen too, shows it. */
  async function next(to: MethodStep | string): Promise<void> {
    const name = to in m.steps ? m.steps[to as MethodStep].name : to
    await ans.page.getByRole('button', { name: fill(m.lead.nextTo, { step: name }) }).click()
    await everyoneAt(to)
  }

  async function everyoneAt(step: MethodStep | string): Promise<void> {
    const name = step in m.steps ? m.steps[step as MethodStep].name : step
    await Promise.all([ans.page, bram.page, karin.page].map((page) => currentStepIs(page, name)))
    await waitUntil(async () => (await tv.page.locator('#presentation-step-title').innerText()) === name, `the big screen at ${name}`)
  }

  /**
   * Screenshots of a step on Bram's phone, Ans's laptop and the big screen,
   * in Dutch and English, and axe on each: nothing serious or critical.
   */
  async function shootStep(step: MethodStep): Promise<void> {
    const faults: string[] = []
    for (const language of ['nl', 'en'] as const) {
      if (language === 'en') await setLanguage('en')
      for (const [device, name, title] of [[bram, 'phone', '#meeting-now-title'], [ans, 'laptop', '#meeting-now-title'], [tv, 'screen', '#presentation-step-title']] as const) {
        await waitUntil(async () => (await device.page.locator(title).innerText()) === meetingCatalog[language].steps[step].name, `${name} in ${language}`)
        if (name === 'phone') expect(await fitsWidth(device.page)).toBe(true)
        await saveScreenshot(device.page, `meeting-${step}-${name}-${language}`)
        faults.push(...(await seriousFaults(device.page)).map((fault) => `${step} ${name} ${language}: ${fault}`))
      }
      if (language === 'en') await setLanguage('nl')
    }
    expect(faults).toEqual([])
  }

  async function setLanguage(language: 'nl' | 'en'): Promise<void> {
    const from = language === 'en' ? 'nl' : 'en'
    await Promise.all([ans, bram, tv].map((device) => device.page.getByLabel(common[from].language.label).selectOption(language)))
  }

  function expectNoErrors(): void {
    for (const device of [ans, bram, karin, tv]) expect(device.errors).toEqual([])
  }
})

/** The step the meeting's own section shows as current. */
async function currentStepIs(page: Page, name: string): Promise<void> {
  let seen = ''
  await waitUntil(async () => (seen = await page.locator('#meeting-now-title').innerText().catch(() => '')) === name, `the current step "${name}"`, { describe: () => JSON.stringify(seen) })
}

async function agendaNames(page: Page): Promise<string[]> {
  return (await page.locator('.meeting-step-name').allInnerTexts()).map((text) => text.split('\n')[0]!.replace(/ ·.*$/, '').replace(new RegExp(`${m.running.now}$`), '').trim())
}

function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
}

/** What axe-core finds serious or critical (tests/e2e/accessibility.test.ts does the same for every section). */
async function seriousFaults(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)}`).join(', ')}`)
}
