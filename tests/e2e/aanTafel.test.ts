import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import aanTafelCatalog from '../../client/aanTafel/i18n.ts'
import basisteamCatalog from '../../client/sections/basisteam/i18n.ts'
import waardenCatalog from '../../client/sections/waarden/i18n.ts'
import workspaceCatalog from '../../client/workspace/i18n.ts'
import { seriousFaults } from './support/axe.ts'
import { createPlanViaUi, fill, inviteViaUi, joinPlanViaUi, openSection } from './support/app.ts'
import { devicesOnOneRelay, PHONE } from './support/devices.ts'
import { saveScreenshot } from './support/screenshots.ts'

const a = aanTafelCatalog.nl
const b = basisteamCatalog.nl
const wa = waardenCatalog.nl
const w = workspaceCatalog.nl

/** An action card in "Alle afspraken", by its "wat". */
function action(page: Page, wat: string): Locator {
  return page.getByRole('tabpanel').getByRole('listitem', { name: wat, exact: true })
}

async function showAllActions(page: Page): Promise<void> {
  await openSection(page, b.title)
  await page.getByRole('tab', { name: b.tabs.all }).click()
}

/** The line of one helper in an action card ("Oma Riet · doet mee …"). */
function helperLine(card: Locator, name: string): Locator {
  return card.getByRole('listitem').filter({ hasText: new RegExp(`^${name}`) })
}

/**
 * "Aan tafel" end to end in Chromium with the real relay: Oma Riet sits at
 * Ans's table and says yes; Ans's device records it, visibly. Every device
 * shows it as said at the table via Ans's phone, never as Oma's own; Oma,
 * on her own phone, sees it waiting for her and withdraws it.
 */
describe('aan tafel: a word given for someone on another person\'s device, visible everywhere, theirs to confirm or withdraw', () => {
  const { device, relayUrl } = devicesOnOneRelay()

  it('Oma\'s yes given at the table on Ans\'s device shows as such on all devices, and Oma withdraws it on her own phone', async () => {
    const phone = PHONE
    const [ans, riet, bram] = await Promise.all([device(), device(phone), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Jansen', myName: 'Ans' })
    const rietsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Oma Riet' })
    const bramsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    await joinPlanViaUi(riet.page, rietsLink, { name: 'Oma Riet', relation: 'oma' })
    await joinPlanViaUi(bram.page, bramsLink, { name: 'Bram', relation: 'broer' })

    // Ans asks Oma Riet to do the shopping on Tuesdays.
    await showAllActions(ans.page)
    await ans.page.getByRole('button', { name: `+ ${b.form.open}` }).click()
    const form = ans.page.getByRole('region', { name: b.form.newTitle, exact: true })
    await form.getByLabel(b.form.wat).fill('Boodschappen op dinsdag')
    await form.getByRole('group', { name: b.form.wie }).getByLabel('Oma Riet', { exact: true }).check()
    await form.getByRole('button', { name: b.form.add }).click()
    const onAns = action(ans.page, 'Boodschappen op dinsdag')
    await helperLine(onAns, 'Oma Riet').getByText(b.consent.asked).waitFor()

    // Nothing is said for her unless Ans opens the "aan tafel" dialog and chooses who speaks and what she says.
    expect(await onAns.getByText(a.markShort.split('{{')[0]!.trim()).count()).toBe(0)
    await onAns.getByRole('button', { name: fill(a.record.buttonLabel, { subject: 'Boodschappen op dinsdag' }) }).click()
    const dialog = ans.page.getByRole('dialog', { name: a.record.title })
    expect(await dialog.getByRole('radio', { checked: true }).count()).toBe(0)
    await dialog.getByRole('radio', { name: 'Oma Riet' }).check()
    await dialog.getByRole('radio', { name: b.action.yes }).check()
    await dialog.getByText(fill(a.mark, { person: 'Oma Riet', via: 'Ans' })).waitFor()
    await saveScreenshot(ans.page, 'aan-tafel-1-dialog')
    expect(await seriousFaults(ans.page)).toEqual([])
    await dialog.getByRole('button', { name: fill(a.record.confirm, { person: 'Oma Riet' }) }).click()

    // Every device shows it as said at the table, via Ans's phone.
    await helperLine(onAns, 'Oma Riet').getByText(b.consent.yes).waitFor()
    await helperLine(onAns, 'Oma Riet').getByText(fill(a.markShort, { via: 'Ans (jij)' })).waitFor()
    await showAllActions(bram.page)
    const onBram = action(bram.page, 'Boodschappen op dinsdag')
    await helperLine(onBram, 'Oma Riet').getByText(fill(a.markShort, { via: 'Ans' })).waitFor()
    await helperLine(onBram, 'Oma Riet').getByText(b.consent.yes).waitFor()
    await saveScreenshot(bram.page, 'aan-tafel-2-seen-by-bram')

    // On her own phone Oma Riet sees what was said for her, with her own choice.
    const notices = riet.page.getByRole('complementary', { name: w.notices.label })
    const waiting = notices.getByRole('group', { name: 'Boodschappen op dinsdag' })
    await waiting.getByText(fill(a.pending.item, { by: 'Ans', subject: 'Boodschappen op dinsdag', said: a.pending.said.yes })).waitFor()
    await saveScreenshot(riet.page, 'aan-tafel-3-oma-sees-it')
    expect(await seriousFaults(riet.page)).toEqual([])
    await waiting.getByRole('button', { name: fill(a.pending.withdrawLabel, { subject: 'Boodschappen op dinsdag' }) }).click()
    await notices.getByText(a.pending.title).waitFor({ state: 'detached' })

    // Withdrawn: she is asked again everywhere, and nothing reads as said for her.
    for (const card of [onAns, onBram]) {
      await helperLine(card, 'Oma Riet').getByText(b.consent.asked).waitFor()
      expect(await helperLine(card, 'Oma Riet').getByText(a.markShort.split('{{')[0]!.trim()).count()).toBe(0)
    }
    await showAllActions(riet.page)
    const onRiet = action(riet.page, 'Boodschappen op dinsdag')
    await onRiet.getByRole('button', { name: fill(b.action.yesLabel, { wat: 'Boodschappen op dinsdag' }) }).waitFor()
    await saveScreenshot(riet.page, 'aan-tafel-4-oma-withdrew')
    expect([...ans.errors, ...riet.errors, ...bram.errors]).toEqual([])
  })

  it('a geslaagd sentence written for Oma at the table reads as hers via Ans until she confirms it, and then it is her own', async () => {
    const [ans, riet] = await Promise.all([device(), device(PHONE)])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie de Vries', myName: 'Ans' })
    const rietsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Oma Riet' })
    await joinPlanViaUi(riet.page, rietsLink, { name: 'Oma Riet', relation: 'oma' })

    await openSection(ans.page, wa.title)
    await ans.page.getByRole('button', { name: a.geslaagd.button }).click()
    const dialog = ans.page.getByRole('dialog', { name: a.geslaagd.title })
    await dialog.getByRole('radio', { name: 'Oma Riet' }).check()
    await dialog.getByLabel(wa.geslaagd.condition).fill('ik op zondag bij jullie eet')
    await dialog.getByRole('button', { name: fill(a.record.confirm, { person: 'Oma Riet' }) }).click()
    const list = ans.page.getByRole('list', { name: wa.geslaagd.listLabel })
    await list.getByText(fill(a.mark, { person: 'Oma Riet', via: 'Ans (jij)' })).waitFor()

    // Oma confirms it on her phone: it is her own sentence now, on both devices.
    const notices = riet.page.getByRole('complementary', { name: w.notices.label })
    await notices.getByRole('button', { name: new RegExp(`^${a.pending.confirm}`) }).click()
    await notices.getByText(a.pending.title).waitFor({ state: 'detached' })
    await list.getByText(fill(a.mark, { person: 'Oma Riet', via: 'Ans (jij)' })).waitFor({ state: 'detached' })
    await list.getByText(/ik op zondag bij jullie eet/).waitFor()
    expect([...ans.errors, ...riet.errors]).toEqual([])
  })
})
