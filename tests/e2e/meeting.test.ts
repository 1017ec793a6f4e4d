import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import common from '../../client/i18n/common.ts'
import aanTafelCatalog from '../../client/aanTafel/i18n.ts'
import documentCatalog from '../../client/document/i18n.ts'
import meetingCatalog from '../../client/meeting/i18n.ts'
import basisteamCatalog from '../../client/sections/basisteam/i18n.ts'
import onsNetwerkCatalog from '../../client/sections/onsNetwerk/i18n.ts'
import routeCatalog from '../../client/sections/route/i18n.ts'
import vragenCatalog from '../../client/sections/vragen/i18n.ts'
import versiesCatalog from '../../client/sections/versies/i18n.ts'
import workspaceCatalog from '../../client/workspace/i18n.ts'
import type { MethodStep } from '../../shared/plan/index.ts'
import { readMeetingCode } from '../../shared/protocol/meetingCode.ts'
import { createPlanViaUi, fill, inviteViaUi, joinPlanViaUi, openSection, sectionNav, SYNC_SENTENCES, typeInStory, waitForSyncStatus } from './support/app.ts'
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
const v = vragenCatalog.nl
const o = onsNetwerkCatalog.nl
const at = aanTafelCatalog.nl
const b = basisteamCatalog.nl
const STEP = 5 * 60_000
const PHONE = { width: 360, height: 740 }
const verhaalTitle = documentCatalog.nl.sections.verhaal
const QUESTION_ANS = 'Wie helpt mama met de boodschappen?'
const QUESTION_BRAM = 'Hoe houden we het vol in de vakanties?'
const ANSWER = 'Bram en oma wisselen af.'
const PRIVATE_NOTE = 'Tante Els wil niet, dat houden we voor ons.'
const QUESTION = 'Hoe houden we het thuis vol, nu mama meer zorg nodig heeft?'

describe('samen aan tafel: a meedenkbijeenkomst led from one device and followed on every other', () => {
  let browser: Browser
  let relay: TestRelay
  let ans: Device
  let bram: Device
  let karin: Device
  let tv: Device
  let oma: Device | undefined
  let forOma = ''
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
    // Oma Riet sits at Ans's table without a phone; her own tablet joins later.
    forOma = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Oma Riet' })
    await Promise.all([
      joinPlanViaUi(bram.page, forBram, { name: 'Bram', relation: 'buurman' }),
      joinPlanViaUi(karin.page, forKarin, { name: 'Karin', relation: 'wijkcoach' }),
      joinPlanViaUi(tv.page, forTv, { name: 'Tv in de kamer', relation: 'scherm' }),
    ])
    await Promise.all([bram, karin, tv].map((device) => waitForSyncStatus(device.page, SYNC_SENTENCES.shared)))
  }, STEP)

  afterAll(async () => {
    for (const device of [ans, bram, karin, tv, oma]) await device?.close()
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

    // A guest joins on the spot with the short code on the gespreksleider's screen, and is in the meeting at once.
    const code = (await ans.page.getByTestId('meeting-code').innerText()).trim()
    const nicole = await newDevice(browser, { viewport: PHONE, isMobile: true, hasTouch: true })
    try {
      await nicole.page.goto(`${relay.url}/m/${readMeetingCode(code)}`)
      await nicole.page.getByRole('heading', { name: ws.whoAreYou.title }).waitFor()
      await nicole.page.getByLabel(ws.whoAreYou.name).fill('Nicole')
      await nicole.page.getByLabel(ws.whoAreYou.relation).fill('nichtje')
      await nicole.page.getByRole('button', { name: ws.whoAreYou.add }).click()
      await openSection(nicole.page, m.title)
      await currentStepIs(nicole.page, m.steps.opening.name)
      await ans.page.getByRole('region', { name: m.presence.title }).getByText('Nicole').waitFor()
      expect(nicole.errors).toEqual([])
    } finally {
      await nicole.close()
    }

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
    expectNoErrors()
  }, STEP)

  it('vragen voor het plan: questions added from two phones at once appear for everyone, the big screen too; information is linked to a question', async () => {
    await Promise.all([addQuestion(ans.page, QUESTION_ANS), addQuestion(bram.page, QUESTION_BRAM)])
    for (const page of [ans.page, bram.page, karin.page]) {
      for (const words of [QUESTION_ANS, QUESTION_BRAM]) await page.getByRole('region', { name: v.listLabel }).getByText(words, { exact: true }).waitFor()
    }
    for (const words of [QUESTION_ANS, QUESTION_BRAM]) await tv.page.getByText(words, { exact: true }).waitFor()
    await shootStep('vragen')

    await next('informatie')
    const info = karin.page.getByRole('form', { name: fill(v.info.addLabel, { question: QUESTION_ANS }) })
    await info.getByLabel(v.info.label).fill('De thuiszorg kan ook op zaterdag komen.')
    await info.getByRole('button', { name: v.info.save }).click()
    await tv.page.getByText('De thuiszorg kan ook op zaterdag komen.').waitFor()
    await bram.page.getByText('De thuiszorg kan ook op zaterdag komen.').first().waitFor()
    await shootStep('informatie')
    expectNoErrors()
  }, STEP)

  it('privétijd: the professional is told kindly and never gets the network\'s draft; after "delen met het plan" exactly the chosen items appear for everyone', async () => {
    await next('privetijd')
    await ans.page.getByRole('button', { name: m.step.privetijdStart }).click()
    const told = karin.page.getByRole('region', { name: o.privetijd.professionalTitle })
    await told.waitFor()
    await tv.page.getByText(m.screen.privetijd).waitFor()
    // The professional is never offered the network's room, and going there by address opens nothing.
    expect(await sectionNav(karin.page).getByRole('link', { name: ws.nav['ons-netwerk'], exact: true, includeHidden: true }).count()).toBe(0)
    expect(await karin.page.getByRole('button', { name: m.step.privetijdEnd }).count()).toBe(0)

    // Bram answers a question in the network's draft; Ans keeps a note there that is not for the plan.
    const bramsRoom = bram.page.getByRole('region', { name: o.privetijd.title })
    await bramsRoom.getByText(o.status.shared).waitFor()
    await bramsRoom.getByRole('button', { name: fill(o.answers.addLabel, { question: QUESTION_ANS }) }).click()
    const answer = bramsRoom.getByRole('form', { name: fill(o.answers.addLabel, { question: QUESTION_ANS }) })
    await answer.getByRole('textbox', { name: o.answers.label, exact: true }).fill(ANSWER)
    await answer.getByRole('button', { name: o.answers.save, exact: true }).click()
    const ansRoom = ans.page.getByRole('region', { name: o.privetijd.title })
    await ansRoom.getByRole('button', { name: `+ ${o.notes.add}` }).click()
    const note = ansRoom.getByRole('form', { name: o.notes.add })
    await note.getByRole('textbox', { name: o.notes.label, exact: true }).fill(PRIVATE_NOTE)
    await note.getByRole('button', { name: o.notes.save, exact: true }).click()
    await ansRoom.getByText(ANSWER).first().waitFor()
    await bramsRoom.getByText(PRIVATE_NOTE).first().waitFor()
    await shootStep('privetijd')

    // Nothing of the draft on the professional's device, in the page or in its storage.
    expect(await karin.page.content()).not.toContain(ANSWER)
    expect(await karin.page.content()).not.toContain(PRIVATE_NOTE)
    expect((await databasesOf(karin.page, planId)).filter((name) => name.includes('.netwerk'))).toEqual([])
    await karin.page.goto(`${relay.url}/#/plan/${planId}/ons-netwerk`)
    await karin.page.getByText(ws.sectionMissing).waitFor()
    await karin.page.getByRole('complementary', { name: ws.meeting.label }).getByRole('link', { name: ws.meeting.back }).click()
    await karin.page.getByRole('region', { name: o.privetijd.professionalTitle }).waitFor()

    // The network ends privétijd; Ans shares the answer, not the note.
    await bram.page.getByRole('button', { name: m.step.privetijdEnd }).click()
    await karin.page.getByText(o.privetijd.professionalEnded).waitFor()
    const share = ansRoom.getByRole('region', { name: o.share.title })
    await share.getByRole('checkbox', { name: new RegExp(ANSWER) }).check()
    await share.getByRole('button', { name: fill(o.share.button_one, { count: 1 }) }).click()
    await ans.page.getByRole('alertdialog').getByRole('button', { name: o.share.confirm }).click()
    await share.getByText(fill(o.share.done_one, { count: 1 })).waitFor()

    // Everyone, the professional too, now has exactly that answer in the plan.
    await openSection(karin.page, v.title)
    await karin.page.getByRole('region', { name: v.listLabel }).getByText(ANSWER).waitFor()
    await waitUntil(async () => (await databasesOf(karin.page, planId)).length > 0, 'the professional has the plan room stored')
    expect(await karin.page.content()).not.toContain(PRIVATE_NOTE)
    expect((await databasesOf(karin.page, planId)).filter((name) => name.includes('.netwerk'))).toEqual([])
    await karin.page.getByRole('complementary', { name: ws.meeting.label }).getByRole('link', { name: ws.meeting.back }).click()
    await currentStepIs(karin.page, m.steps.privetijd.name)
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
    // Straight back, right after typing, while others' carets move: the editor closes without an error.
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
    await ans.page.getByRole('region', { name: m.team.actions, exact: true }).getByText(`Bram · ${b.consent.yes}`).first().waitFor()
    await tv.page.getByText(wat).waitFor()

    await ans.page.getByLabel(m.decided.label).fill('We proberen het zes weken zo. Ans belt Karin als het niet lukt.')
    await shootStep('basisteam')
    expectNoErrors()
  }, STEP)

  it('aan tafel: Oma Riet says yes at Ans\'s phone, it shows as such for everyone, and Oma withdraws it from her own device', async () => {
    const wat = 'Oma belt elke avond even met mama'
    const ask = ans.page.getByRole('form', { name: m.team.actionAsk })
    await ask.getByLabel(m.team.actionWat).fill(wat)
    await ask.getByLabel(m.team.actionWie).selectOption({ label: 'Oma Riet' })
    await ask.getByRole('button', { name: m.team.actionSubmit }).click()
    await ans.page.getByRole('button', { name: fill(at.record.buttonLabel, { subject: wat }) }).click()
    const dialog = ans.page.getByRole('dialog', { name: at.record.title })
    await dialog.getByRole('group', { name: at.record.who }).getByLabel('Oma Riet').check()
    await dialog.getByRole('group', { name: fill(at.record.what, { person: 'Oma Riet' }) }).getByLabel(b.action.yes).check()
    await dialog.getByRole('button', { name: fill(at.record.confirm, { person: 'Oma Riet' }) }).click()
    const mark = fill(at.markShort, { via: 'Ans' })
    const omasAction = (page: Page) => page.getByRole('region', { name: m.team.actions, exact: true }).getByRole('listitem').filter({ hasText: wat }).first()
    await omasAction(bram.page).getByText(mark).waitFor()
    // Said at the table, so Oma Riet is there, via Ans.
    await ans.page.getByRole('region', { name: m.presence.title }).getByText(fill(m.presence.atTable, { name: 'Ans (jij)' })).waitFor()

    // Oma's own tablet: she sees what was said for her, and takes it back.
    oma = await newDevice(browser)
    await joinPlanViaUi(oma.page, forOma, { name: 'Oma Riet', relation: 'oma' })
    const pending = oma.page.getByRole('region', { name: at.pending.title })
    await pending.getByText(fill(at.pending.item, { by: 'Ans', subject: wat, said: at.pending.said.yes })).waitFor()
    await pending.getByRole('button', { name: fill(at.pending.withdrawLabel, { subject: wat }) }).click()
    await waitUntil(async () => (await omasAction(bram.page).getByText(mark).count()) === 0, 'the yes at the table gone from Bram\'s phone')
    await omasAction(bram.page).getByText(`Oma Riet`).first().waitFor()
    expect([...oma.errors]).toEqual([])
    expectNoErrors()
  }, STEP)

  it('afterwards a short record stays in the plan, and the plan is kept as a version', async () => {
    await ans.page.getByRole('button', { name: m.lead.end }).click()
    await ans.page.getByRole('alertdialog', { name: m.lead.endTitle }).getByRole('button', { name: m.lead.endConfirm }).click()
    for (const page of [ans.page, bram.page, karin.page]) {
      const record = page.getByRole('region', { name: m.record.title }).getByRole('article')
      await record.waitFor()
      const text = await record.innerText()
      for (const words of ['Ans', 'Bram', 'Karin', 'Nicole', 'Oma Riet', 'Koffie', m.steps.basisteam.name, QUESTION_ANS, QUESTION_BRAM, 'Bram rijdt mama op dinsdag naar de dagbesteding', 'We proberen het zes weken zo.']) expect(text).toContain(words)
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

/** Adds a question in "Onze vragen" (shown in the meeting's step). */
async function addQuestion(page: Page, words: string): Promise<void> {
  const form = page.getByRole('form', { name: v.add.button })
  await form.getByLabel(v.add.label).fill(words)
  await form.getByRole('button', { name: v.add.button }).click()
  await page.getByRole('region', { name: v.listLabel }).getByText(words, { exact: true }).waitFor()
}

/** The names of the IndexedDB databases this device holds for a plan (a room's local copy is one). */
function databasesOf(page: Page, planId: string): Promise<string[]> {
  return page.evaluate(async (id) => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.includes(id)), planId)
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
