import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import common from '../../client/i18n/common.ts'
import mensenCatalog from '../../client/sections/mensen/i18n.ts'
import notitiesCatalog from '../../client/sections/notities/i18n.ts'
import spelregelsCatalog from '../../client/sections/spelregels/i18n.ts'
import uitnodigingCatalog from '../../client/invitations/i18n.ts'
import toegangCatalog from '../../client/sections/toegang/i18n.ts'
import workspaceCatalog from '../../client/workspace/i18n.ts'
import { addNoteViaUi, sectionRegion, waitForNote } from './support/access.ts'
import { createPlanViaUi, inviteViaUi, openSection, openStartPage, SYNC_SENTENCES, waitForSyncStatus } from './support/app.ts'
import startCatalog from '../../client/start/i18n.ts'
import { launchBrowser, newDevice, type Device } from './support/browser.ts'
import { devicesOnOneRelay, PHONE } from './support/devices.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { atlas, openInstrument, whereMarksGo } from './support/netwerkatlas.ts'
import { ATLAS_LABELS } from '../../shared/plan/index.ts'
import uiCatalog from '../../client/ui/i18n.ts'
import { AxeBuilder } from '@axe-core/playwright'

const m = mensenCatalog.nl
const n = notitiesCatalog.nl
const s = spelregelsCatalog.nl
const u = uitnodigingCatalog.nl
const w = workspaceCatalog.nl

/** Fills a catalog template: fill('Rol toevoegen voor {{name}}', { name: 'Bram' }). */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '')
}

/**
 * Which of `needles` any IndexedDB database of the page's origin holds (every
 * store, every value: the y-indexeddb copies of each room and the device's
 * own records), read as bytes, so a mark is found however it is stored.
 */
async function deviceHolds(page: Page, needles: string[]): Promise<boolean[]> {
  return page.evaluate(async (wanted) => {
    const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))))
    let text = ''
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue
      const db = await request(indexedDB.open(name))
      for (const store of Array.from(db.objectStoreNames)) {
        for (const value of await request(db.transaction(store).objectStore(store).getAll())) {
          text += value instanceof Uint8Array ? new TextDecoder().decode(value) : JSON.stringify(value)
        }
      }
      db.close()
    }
    return wanted.map((needle) => text.includes(needle))
  }, needles)
}

/**
 * Wie is wie (issue 11), end to end: real Chromium, a device (browser
 * context) per person, the real relay with tokens required. An invitation
 * names a person, so whoever opens it is that person and nobody else; a link
 * for several people lets a guest say who they are, which the household sees
 * and can undo; a role stands only by its person's own yes; only the
 * household takes people off the list.
 */
describe('identity: invitations that name a person, claims, consent, the household\'s list', () => {
  const { device, close, relayUrl } = devicesOnOneRelay()

  async function addPersonViaUi(page: Page, name: string, relation: string): Promise<void> {
    await openSection(page, m.title)
    const add = page.getByRole('region', { name: m.add.title })
    await add.getByLabel(m.form.name).fill(name)
    await add.getByLabel(m.form.relation).fill(relation)
    await add.getByRole('button', { name: m.add.submit, exact: true }).click()
    await page.getByRole('list', { name: m.title }).getByText(name, { exact: true }).waitFor()
  }

  it('a netwerk invitee is never offered another person\'s name, and what he writes shows with his own name on the household\'s device', async () => {
    const [ans, bram] = await Promise.all([device(), device(PHONE)])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Jansen', myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    await addPersonViaUi(ans.page, 'Oma Riet', 'oma')
    const link = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })

    // Bram opens his link: he is Bram at once, welcomed by his name, and no "Wie ben jij?" offers Ans or Oma Riet.
    await bram.page.goto(link)
    await bram.page.getByRole('heading', { name: fill(u.welcome.title, { name: 'Bram' }) }).waitFor()
    await bram.page.getByText(u.youCan.netwerk).waitFor()
    expect(await bram.page.getByRole('heading', { name: w.whoAreYou.title }).count()).toBe(0)
    expect(await bram.page.getByRole('button', { name: fill(w.whoAreYou.pick, { name: 'Ans' }) }).count()).toBe(0)
    await saveScreenshot(bram.page, 'identity-1-bram-welcomed-as-himself')
    await bram.page.getByRole('button', { name: u.welcome.ok }).click()

    await openSection(bram.page, n.title)
    await addNoteViaUi(bram.page, sectionRegion(bram.page, n.title), 'Ik kan op dinsdag koken.')
    await waitForNote(ans.page, 'Ik kan op dinsdag koken.')
    const onAnsDevice = sectionRegion(ans.page, n.title).locator('.note', { hasText: 'Ik kan op dinsdag koken.' })
    const written = await onAnsDevice.innerText()
    expect(written).toContain(fill(n.writtenBy, { name: 'Bram', when: '' }).replace(/,\s*$/, ''))
    expect(written).not.toContain('Ans (jij)')
    // After a reload he is still Bram, still not asked.
    await bram.page.reload()
    await bram.page.getByRole('navigation', { name: w.sectionsLabel }).waitFor()
    expect(await bram.page.getByRole('heading', { name: w.whoAreYou.title }).count()).toBe(0)
    expect([...ans.errors, ...bram.errors]).toEqual([])
    await close(ans, bram)
  })

  it('a guest link: a phone says it is Oma Riet, the household sees it and undoes it, and that phone is asked again', async () => {
    const [ans, riet] = await Promise.all([device(), device(PHONE)])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie de Vries', myName: 'Ans' })
    await addPersonViaUi(ans.page, 'Oma Riet', 'oma')
    // Bram gets a link of his own: he is never offered on the guest link.
    await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    const guestLink = await inviteViaUi(ans.page, { role: 'netwerk', guests: true, name: 'Bijeenkomst 12 maart' })

    await riet.page.goto(guestLink)
    await riet.page.getByRole('heading', { name: w.whoAreYou.title }).waitFor()
    const choices = riet.page.getByRole('list', { name: w.whoAreYou.listLabel })
    await choices.getByRole('button', { name: fill(w.whoAreYou.pick, { name: 'Oma Riet' }) }).waitFor()
    expect(await choices.getByRole('button', { name: fill(w.whoAreYou.pick, { name: 'Bram' }) }).count()).toBe(0)
    await saveScreenshot(riet.page, 'identity-2-guest-link-who-are-you')
    await choices.getByRole('button', { name: fill(w.whoAreYou.pick, { name: 'Oma Riet' }) }).click()
    await riet.page.getByRole('navigation', { name: w.sectionsLabel }).waitFor()

    // The household sees it, and says it is not right.
    await openSection(ans.page, m.title)
    const notice = ans.page.getByRole('region', { name: m.claims.title })
    await notice.getByText(fill(m.claims.joined, { name: 'Oma Riet', when: '' }).split(' (')[0]!).waitFor()
    await saveScreenshot(ans.page, 'identity-2-household-sees-claim')
    await notice.getByRole('button', { name: fill(m.claims.undoLabel, { name: 'Oma Riet' }) }).click()
    await notice.waitFor({ state: 'detached' })

    // The phone is asked again who it is, and is no longer offered Oma Riet.
    await riet.page.getByRole('heading', { name: w.whoAreYou.title }).waitFor()
    expect(await riet.page.getByRole('button', { name: fill(w.whoAreYou.pick, { name: 'Oma Riet' }) }).count()).toBe(0)
    await saveScreenshot(riet.page, 'identity-2-phone-asked-again')
    expect([...ans.errors, ...riet.errors]).toEqual([])
    await close(ans, riet)
  })

  it('a role given to Bram shows "gevraagd" until Bram accepts on his own device; a professional cannot take anyone off the list', async () => {
    const [ans, bram, carla] = await Promise.all([device(), device(), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Bakker', myName: 'Ans' })
    const bramsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    const carlasLink = await inviteViaUi(ans.page, { role: 'professional', name: 'Carla' })
    await Promise.all([bram.page.goto(bramsLink), carla.page.goto(carlasLink)])
    for (const page of [bram.page, carla.page]) await page.getByRole('navigation', { name: w.sectionsLabel }).waitFor()

    // Ans proposes "mantelzorger" for Bram: it is asked, not given.
    await Promise.all([openSection(ans.page, s.title), openSection(bram.page, s.title)])
    const addRole = fill(s.rollen.addLabel, { name: 'Bram' })
    await ans.page.getByRole('button', { name: addRole }).click()
    const roleForm = ans.page.getByRole('form', { name: addRole })
    await roleForm.getByLabel(s.rollen.name, { exact: true }).fill('mantelzorger')
    await roleForm.getByRole('button', { name: s.rollen.submit }).click()
    const onAns = sectionRegion(ans.page, s.rollen.title).getByRole('listitem', { name: 'Bram' })
    await onAns.getByText(s.rollen.asked, { exact: true }).waitFor()
    const onBram = sectionRegion(bram.page, s.rollen.title).getByRole('listitem', { name: 'Bram (jij)' })
    await onBram.getByText(s.rollen.asked, { exact: true }).waitFor()
    await saveScreenshot(bram.page, 'identity-3-role-asked')
    await onBram.getByRole('button', { name: fill(s.rollen.yesLabel, { rol: 'mantelzorger' }) }).click()
    await onAns.getByText(s.rollen.asked, { exact: true }).waitFor({ state: 'detached' })
    expect(await onAns.getByText('mantelzorger').count()).toBe(1)

    // A role typed in the people form is asked too: "gevraagd" on Ans's and Bram's list until Bram says yes on his own device.
    await Promise.all([openSection(ans.page, m.title), openSection(bram.page, m.title)])
    await ans.page.getByRole('button', { name: fill(m.editLabel, { name: 'Bram' }) }).click()
    const editing = ans.page.locator('li.person-editing')
    await editing.getByLabel(m.form.rol).fill('aanspreekpunt')
    await editing.getByRole('button', { name: common.nl.actions.save }).click()
    const rolesOnAns = ans.page.getByRole('list', { name: fill(m.rollenLabel, { name: 'Bram' }) }).getByRole('listitem').filter({ hasText: 'aanspreekpunt' })
    await rolesOnAns.getByText(m.rolAsked).waitFor()
    const rolesOnBram = bram.page.getByRole('list', { name: fill(m.rollenLabel, { name: 'Bram' }) }).getByRole('listitem').filter({ hasText: 'aanspreekpunt' })
    await rolesOnBram.getByText(m.rolAsked).waitFor()
    await saveScreenshot(ans.page, 'identity-3-role-asked-from-people-list')
    await openSection(bram.page, s.title)
    await sectionRegion(bram.page, s.rollen.title).getByRole('button', { name: fill(s.rollen.yesLabel, { rol: 'aanspreekpunt' }) }).click()
    await rolesOnAns.getByText(m.rolAsked).waitFor({ state: 'detached' })
    await rolesOnAns.waitFor()

    // Carla, a professional, sees the list but no way to take anyone off it, nor to say who belongs to the household; Ans does.
    await Promise.all([openSection(carla.page, m.title), openSection(ans.page, m.title)])
    await carla.page.getByRole('list', { name: m.title }).getByText('Bram', { exact: true }).waitFor()
    expect(await carla.page.getByRole('button', { name: fill(m.removeLabel, { name: 'Bram' }) }).count()).toBe(0)
    await ans.page.getByRole('button', { name: fill(m.removeLabel, { name: 'Carla' }) }).waitFor()
    await carla.page.getByRole('button', { name: fill(m.editLabel, { name: 'Bram' }) }).click()
    await carla.page.locator('li.person-editing').getByLabel(m.form.rol).waitFor()
    expect(await carla.page.getByLabel(m.form.role).count()).toBe(0)
    await saveScreenshot(carla.page, 'identity-3-professional-cannot-remove')
    expect(common.nl.roles.huishouden).toBeTruthy()
    expect([...ans.errors, ...bram.errors, ...carla.errors]).toEqual([])
    await close(ans, bram, carla)
  })

  it('a "nu geen contact" mark kept "alleen voor ons" never reaches the device of a netwerk member or a professional', async () => {
    const [ans, bram, carla] = await Promise.all([device(), device(), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Smit', myName: 'Ans' })
    await addPersonViaUi(ans.page, 'Oma Riet', 'oma')
    const bramsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    const carlasLink = await inviteViaUi(ans.page, { role: 'professional', name: 'Carla' })
    await Promise.all([bram.page.goto(bramsLink), carla.page.goto(carlasLink)])
    for (const page of [bram.page, carla.page]) await page.getByRole('navigation', { name: w.sectionsLabel }).waitFor()

    // Ans puts Oma Riet in the familiekaart and says there is no contact now: the app asks who may see it, the most private room first.
    await openInstrument(ans.page, 'familiekaart')
    const addMember = ans.page.getByRole('form', { name: atlas.familiekaart.addTitle })
    await addMember.getByLabel(atlas.familiekaart.who, { exact: true }).selectOption({ label: 'Oma Riet (oma)' })
    await addMember.getByRole('button', { name: atlas.familiekaart.add }).click()
    await ans.page.getByRole('button', { name: fill(atlas.editNamed, { name: 'Oma Riet' }), exact: true }).click()
    const details = ans.page.getByRole('dialog', { name: fill(atlas.familiekaart.detailsTitle, { name: 'Oma Riet' }) })
    await details.getByLabel(ATLAS_LABELS.familyMarks.outOfContact.nl, { exact: true }).click()
    const question = whereMarksGo(ans.page)
    await question.waitFor()
    expect(await question.getByLabel(atlas.privacy.rooms.huishouden, { exact: true }).isChecked()).toBe(true)
    expect(await question.getByLabel(atlas.privacy.rooms.plan, { exact: true }).isChecked()).toBe(false)
    expect(await new AxeBuilder({ page: ans.page }).include('[role="alertdialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze().then((found) => found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))).toEqual([])
    await saveScreenshot(ans.page, 'identity-5-where-does-this-go')
    await question.getByRole('button', { name: atlas.privacy.confirm }).click()
    await question.waitFor({ state: 'detached' })
    await details.getByLabel(ATLAS_LABELS.familyMarks.outOfContact.nl, { exact: true }).isChecked().then((checked) => expect(checked).toBe(true))
    await details.getByText(atlas.privacy.says.huishouden).waitFor()
    // A note about her goes the same way, now without asking; her birth year is for everyone.
    await details.getByLabel(atlas.familiekaart.note).fill('Belt al een jaar niet terug.')
    await details.getByLabel(atlas.familiekaart.birthYear).fill('1948')
    await details.getByRole('button', { name: uiCatalog.nl.done }).click()
    await details.waitFor({ state: 'detached' })
    const ansList = ans.page.getByRole('region', { name: atlas.asList })
    await ansList.getByText(ATLAS_LABELS.familyMarks.outOfContact.nl, { exact: true }).waitFor()
    await ansList.getByText('Belt al een jaar niet terug.').waitFor()

    // Bram and Carla get what is for everyone (her birth year, written after the mark), and nothing of the mark or the note.
    for (const other of [bram, carla]) {
      await openInstrument(other.page, 'familiekaart')
      await other.page.getByRole('region', { name: atlas.asList }).getByText(fill(atlas.familiekaart.born, { year: '1948' })).waitFor()
      expect(await other.page.getByText(ATLAS_LABELS.familyMarks.outOfContact.nl).count()).toBe(0)
      expect(await other.page.getByText('Belt al een jaar niet terug.').count()).toBe(0)
    }
    await saveScreenshot(bram.page, 'identity-5-network-sees-no-mark')
    // Not hidden by the screen: the device holds none of it. Ans's own device holds both (so the search can find them).
    for (const [who, expected] of [[ans, true], [bram, false], [carla, false]] as const) {
      expect(await deviceHolds(who.page, ['noContact', 'Belt al een jaar niet terug.']), who === ans ? 'Ans' : who === bram ? 'Bram' : 'Carla').toEqual([expected, expected])
    }
    expect([...ans.errors, ...bram.errors, ...carla.errors]).toEqual([])
    await close(ans, bram, carla)
  })
})

describe('handing a plan over to the household', () => {
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

  it('a professional starts a plan for a household from the start screen and hands it over by QR image; afterwards the professional cannot invite or delete, and everyone sees who manages the plan', async () => {
    const t = toegangCatalog.nl
    const [carla, ans] = await Promise.all([newDevice(browser), newDevice(browser, PHONE)])
    open.push(carla, ans)
    // Carla starts the plan for the household from the start screen, and is told before that it will be handed over.
    await openStartPage(carla.page, relay.url)
    await carla.page.getByRole('region', { name: startCatalog.nl.forHousehold.title, exact: true }).getByText(startCatalog.nl.forHousehold.handover).waitFor()
    await createPlanViaUi(carla.page, relay.url, { householdName: 'Familie Jansen', myName: 'Carla', work: 'wijkcoach' })
    await carla.page.getByText(fill(u.startedFor.keyHolder, { household: 'Familie Jansen' })).waitFor()
    const link = await inviteViaUi(carla.page, { role: 'huishouden', name: 'Ans' })
    await ans.page.goto(link)
    await ans.page.getByRole('navigation', { name: w.sectionsLabel }).waitFor()
    // Ans sees from the start whose plan it is and that Carla will hand it over; Carla is on the list as a professional.
    await ans.page.getByText(fill(u.startedFor.text, { name: 'Carla', household: 'Familie Jansen' })).waitFor()
    await openSection(ans.page, m.title)
    await ans.page.getByRole('list', { name: m.title }).getByText('wijkcoach', { exact: true }).waitFor()
    await saveScreenshot(ans.page, 'identity-4-plan-started-for-household')

    // At the first meeting Carla shows the handover code; Ans takes a picture of it.
    await openSection(carla.page, t.section.title)
    await carla.page.getByRole('button', { name: t.handOver.show }).click()
    const qr = carla.page.getByRole('img', { name: t.handOver.qr })
    await qr.waitFor()
    const picture = join(await mkdtemp(join(tmpdir(), 'kring-qr-')), 'overdracht.png')
    await qr.screenshot({ path: picture })
    await saveScreenshot(carla.page, 'identity-4-handover-code')

    // A fresh page: leaving an open editor by a jump in the address is not what a person does.
    await ans.page.goto('about:blank')
    await ans.page.goto(`${relay.url}/#/overnemen`)
    await ans.page.getByLabel(t.takeOver.picture).setInputFiles(picture)
    await ans.page.getByRole('button', { name: t.takeOver.confirm }).click()
    // Ans manages the plan now, and is offered at once to take back everything from before.
    await ans.page.getByRole('heading', { name: t.earlierKeys.title }).waitFor()
    await ans.page.getByRole('region', { name: t.panel.title }).waitFor()
    const manages = ans.page.getByRole('region', { name: t.manages.title })
    await manages.getByText(fill(t.manages.people, { names: 'Ans (jij)' }).split('.')[0]!).waitFor()
    await saveScreenshot(ans.page, 'identity-4-household-took-over')
    // Handed over: the notice that it would be is gone.
    await ans.page.getByText(u.startedFor.title, { exact: true }).waitFor({ state: 'detached' })

    // Carla's device forgot the key: no inviting, no deleting; it sees who manages the plan now.
    await carla.page.reload()
    await openSection(carla.page, t.section.title)
    await carla.page.getByRole('region', { name: t.manages.title }).getByText(fill(t.manages.people, { names: 'Ans' }).split('.')[0]!).waitFor()
    await carla.page.getByText(t.panel.onlyKeyHolder).waitFor()
    expect(await carla.page.getByRole('button', { name: t.deletePlan.open }).count()).toBe(0)
    expect(await carla.page.evaluate(async () => {
      const request = indexedDB.open('kring-device')
      const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)))
      const keys = await new Promise<unknown[]>((resolve) => {
        const all = db.transaction('planKeys').objectStore('planKeys').getAll()
        all.onsuccess = () => resolve(all.result)
      })
      return keys.length
    })).toBe(0)
    await saveScreenshot(carla.page, 'identity-4-professional-after-handover')
    // Then Ans takes back everything from before the handover: Carla's own link too.
    await ans.page.getByRole('button', { name: t.earlierKeys.confirm }).click()
    await carla.page.getByRole('alert').filter({ hasText: uitnodigingCatalog.nl.refused.revoked.title }).waitFor()
    expect([...carla.errors, ...ans.errors]).toEqual([])
  })
})
