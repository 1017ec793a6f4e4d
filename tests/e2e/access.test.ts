import { describe, expect, it } from 'vitest'
import { createPlanViaUi, inviteViaUi, joinPlanViaUi, openSection, openStartPage, SYNC_SENTENCES, waitForServiceWorkerControl, waitForSyncStatus } from './support/app.ts'
import { addNoteViaUi, deletePlanViaUi, invitationsList, nlAccess, noteTexts, refusalNotice, revokeViaUi, sectionRegion, waitForNote } from './support/access.ts'
import uitnodiging from '../../client/invitations/i18n.ts'
import toegang from '../../client/sections/toegang/i18n.ts'
import waarden from '../../client/sections/waarden/i18n.ts'
import { devicesOnOneRelay, PHONE } from './support/devices.ts'
import { saveScreenshot } from './support/screenshots.ts'
import { waitUntil } from '../support/wait.ts'

const { uitnodiging: u, notities: n, workspace: w } = nlAccess

/**
 * Regie bij de inwoner, end to end (issue 5): real Chromium, the real relay
 * with tokens required, the built client. The household invites by link,
 * takes access back, shares from its own room, and deletes its plan; the
 * others are told plainly, and nothing they write afterwards reaches the plan.
 */
describe('access: invitations, taking access back, Alleen voor ons, deleting a plan', () => {
  const { device, close, relayUrl } = devicesOnOneRelay()

  it('the household invites by link, takes access back, and what the others write afterwards never reaches the plan', async () => {
    const [ans, bram, carla] = await Promise.all([device(), device(), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Jansen', myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)

    // Ans invites Bram from the network: a link and a QR code on screen.
    const bramsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    expect(bramsLink).toMatch(new RegExp(`^${relayUrl()}/#/uitnodiging/[A-Za-z0-9_-]+$`))
    await ans.page.getByRole('img', { name: u.panel.qr }).waitFor()
    await saveScreenshot(ans.page, 'access-1-invitation-with-qr')

    // Bram opens it: he is told in one sentence what he may do, says who he is, and writes along.
    await bram.page.goto(bramsLink)
    await bram.page.getByText(u.youCan.netwerk).waitFor()
    await saveScreenshot(bram.page, 'access-1-who-are-you-with-role')
    await joinPlanViaUi(bram.page, bramsLink, { name: 'Bram', relation: 'buurman' })
    await waitForSyncStatus(bram.page, SYNC_SENTENCES.shared)
    await openSection(bram.page, n.title)
    await addNoteViaUi(bram.page, sectionRegion(bram.page, n.title), 'Bram kan op dinsdag koken.')
    await waitForNote(ans.page, 'Bram kan op dinsdag koken.')

    // Everyone sees who was invited; only the household can take access back.
    await openSection(bram.page, u.section.title)
    await invitationsList(bram.page).getByRole('listitem').filter({ hasText: 'Bram' }).waitFor()
    expect(await bram.page.getByRole('button', { name: u.list.revoke }).count()).toBe(0)

    // Carla joins too, then loses her connection and keeps writing.
    const carlasLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Carla' })
    await joinPlanViaUi(carla.page, carlasLink, { name: 'Carla', relation: 'nicht' })
    await waitForSyncStatus(carla.page, SYNC_SENTENCES.shared)
    await waitForServiceWorkerControl(carla.page)
    await carla.context.setOffline(true)
    await waitForSyncStatus(carla.page, SYNC_SENTENCES.offline)
    await openSection(carla.page, n.title)
    await addNoteViaUi(carla.page, sectionRegion(carla.page, n.title), 'Carla schreef dit zonder internet.')

    // Ans takes Bram's access back; the relay confirms it.
    const bramsRow = await revokeViaUi(ans.page, 'Bram')
    await bramsRow.getByText(u.list.confirmed.split('{{')[0]!).waitFor()
    // She takes Carla's back without a connection: it waits on her device, says so, and goes out once she is online.
    await ans.context.setOffline(true)
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.offline)
    const carlasRow = await revokeViaUi(ans.page, 'Carla')
    await carlasRow.getByText(u.list.revokingHere).waitFor()
    await saveScreenshot(ans.page, 'access-1-revocation-waits-offline')
    await ans.context.setOffline(false)
    await carlasRow.getByText(u.list.confirmed.split('{{')[0]!).waitFor()
    await saveScreenshot(ans.page, 'access-1-revoked-and-confirmed')

    // Bram, connected, is disconnected at once and told why; his copy stays readable, editing is gone.
    await refusalNotice(bram.page, u.refused.revoked.title).waitFor()
    await bram.page.getByText(u.refused.status).waitFor()
    await openSection(bram.page, n.title)
    expect(await noteTexts(sectionRegion(bram.page, n.title))).toContain('Bram kan op dinsdag koken.')
    expect(await bram.page.getByRole('button', { name: n.add }).count()).toBe(0)
    await saveScreenshot(bram.page, 'access-1-bram-told-why')
    // After a reload he is still told, at once, and not offered editing.
    await bram.page.reload()
    await refusalNotice(bram.page, u.refused.revoked.title).waitFor()
    expect(await bram.page.getByRole('button', { name: n.add }).count()).toBe(0)
    // Invited again (under his full name: the Bram whose access was taken back stays on the list as he was),
    // he opens the new link on the same phone. It replaces the invitation taken back (the plan opens while
    // the phone keeps it, and must not read the old refusal meanwhile), and he writes along again.
    const bramsNewLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram de Vries' })
    await bram.page.goto(bramsNewLink)
    await waitForSyncStatus(bram.page, SYNC_SENTENCES.shared)
    await openSection(bram.page, n.title)
    await addNoteViaUi(bram.page, sectionRegion(bram.page, n.title), 'Bram is er weer bij.')
    await waitForNote(ans.page, 'Bram is er weer bij.')

    // Carla comes back online: turned away and told why; what she wrote offline stays on her device only.
    await carla.context.setOffline(false)
    await refusalNotice(carla.page, u.refused.revoked.title).waitFor()
    expect(await noteTexts(sectionRegion(carla.page, n.title))).toContain('Carla schreef dit zonder internet.')
    await saveScreenshot(carla.page, 'access-1-carla-told-why')
    await close(bram, carla)

    // A fresh device gets the whole plan from the relay: Bram's earlier note, and nothing of Carla's offline note.
    const dora = await device()
    const dorasLink = await inviteViaUi(ans.page, { role: 'meelezer', name: 'Dora' })
    await joinPlanViaUi(dora.page, dorasLink, { name: 'Dora', relation: 'wijkcoach' })
    const seenFresh = await waitForNote(dora.page, 'Bram kan op dinsdag koken.')
    expect(seenFresh).not.toContain('Carla schreef dit zonder internet.')
    // A meelezer: one line says so, and there is nothing to type in.
    await dora.page.getByText(u.readOnly).waitFor()
    expect(await dora.page.getByRole('button', { name: n.add }).count()).toBe(0)
    await saveScreenshot(dora.page, 'access-1-fresh-meelezer')
    // Elsewhere too there is nothing to type in or press (hidden by the section, or disabled by the workspace's frame).
    await openSection(dora.page, waarden.nl.title)
    expect(await dora.page.locator('#content :is(button, input, textarea, select):enabled').count()).toBe(0)
    // And the household's own view never got it either.
    await openSection(ans.page, n.title)
    expect(await noteTexts(sectionRegion(ans.page, n.title))).not.toContain('Carla schreef dit zonder internet.')
    // The same in English.
    await openSection(ans.page, u.section.title)
    await ans.page.getByLabel('Taal').selectOption('en')
    await ans.page.getByRole('heading', { name: toegang.en.list.title }).waitFor()
    await saveScreenshot(ans.page, 'access-1-access-in-english')
    expect([...ans.errors, ...dora.errors]).toEqual([])
    await close(ans, dora)
  })

  it('"Delen met het plan" copies a draft from Alleen voor ons into the plan, where the network sees it; the rest stays private', async () => {
    const [ans, bram] = await Promise.all([device(), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie de Vries', myName: 'Ans' })
    const link = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    await joinPlanViaUi(bram.page, link, { name: 'Bram', relation: 'broer' })

    // The household writes two drafts in its own room.
    await openSection(ans.page, n.ours.title)
    const ours = sectionRegion(ans.page, n.ours.notesTitle)
    await addNoteViaUi(ans.page, ours, 'Nog niet delen: de schulden.')
    await addNoteViaUi(ans.page, ours, 'Wij willen hulp bij de administratie.')
    await ans.page.getByText(n.ours.status.shared).waitFor()

    // Sharing one is an explicit act, with a question first.
    await ours.getByRole('button', { name: n.ours.shareLabel.replace('{{text}}', 'Wij willen hulp bij de administratie.') }).click()
    await ans.page.getByRole('alertdialog').getByRole('button', { name: n.ours.shareConfirm }).click()
    await ours.locator('.note', { hasText: 'Wij willen hulp' }).getByText(n.ours.sharedTo.split('{{')[0]!).waitFor()
    await saveScreenshot(ans.page, 'access-2-alleen-voor-ons-shared')

    // Bram, from the network, sees the shared note with its author and where it came from, and nothing else of the household's room.
    expect(await bram.page.getByRole('navigation', { name: w.sectionsLabel }).getByRole('link', { name: n.ours.title }).count()).toBe(0)
    const seen = await waitForNote(bram.page, 'Wij willen hulp bij de administratie.')
    expect(seen).not.toContain('Nog niet delen: de schulden.')
    const sharedNote = sectionRegion(bram.page, n.title).locator('.note', { hasText: 'Wij willen hulp' })
    expect(await sharedNote.innerText()).toContain('Geschreven door Ans')
    expect(await sharedNote.innerText()).toContain('Gedeeld uit "Alleen voor ons" door Ans')
    await saveScreenshot(bram.page, 'access-2-network-sees-shared-note')
    expect([...ans.errors, ...bram.errors]).toEqual([])
    await close(ans, bram)
  })

  it('a second household member becomes eigenaar with the plan key file, and then shares the household\'s own room and may invite', async () => {
    const ans = await device()
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Bakker', myName: 'Ans' })
    await openSection(ans.page, n.ours.title)
    await addNoteViaUi(ans.page, sectionRegion(ans.page, n.ours.notesTitle), 'Alleen voor ons tweeën.')
    await ans.page.getByText(n.ours.status.shared).waitFor()

    // Ans shows the key only when asked, after saying what it means, and saves it as a file.
    await openSection(ans.page, u.section.title)
    await ans.page.getByRole('button', { name: u.key.show }).click()
    await ans.page.getByRole('img', { name: u.key.qr }).waitFor()
    const [download] = await Promise.all([ans.page.waitForEvent('download'), ans.page.getByRole('button', { name: u.key.download }).click()])
    const keyFile = await download.path()
    expect(download.suggestedFilename()).toBe('kring-plansleutel-familie-bakker.json')

    // Kees, on his phone, takes it in from the start page.
    const kees = await device(PHONE)
    await openStartPage(kees.page, relayUrl())
    await kees.page.getByRole('link', { name: u.importKey.start }).click()
    await kees.page.getByLabel(u.importKey.file).setInputFiles(keyFile)
    await kees.page.getByText(u.importKey.foundUnknown).waitFor()
    await kees.page.getByRole('button', { name: u.importKey.keep }).click()
    await kees.page.getByRole('heading', { name: w.whoAreYou.title }).waitFor()
    await kees.page.getByText(u.youCan.eigenaar).waitFor()
    await kees.page.getByLabel(w.whoAreYou.name).fill('Kees')
    await kees.page.getByRole('button', { name: w.whoAreYou.add }).click()

    // He manages the plan now: the household's own room is his too, and he may invite.
    await openSection(kees.page, n.ours.title)
    await sectionRegion(kees.page, n.ours.notesTitle).locator('.note-text', { hasText: 'Alleen voor ons tweeën.' }).waitFor()
    await openSection(kees.page, u.section.title)
    await kees.page.getByRole('region', { name: u.panel.title }).waitFor()
    await saveScreenshot(kees.page, 'access-4-second-eigenaar-phone')
    expect([...ans.errors, ...kees.errors]).toEqual([])
    await close(ans, kees)
  })

  it('deleting a plan erases it on the relay and on this device; whoever connects afterwards is told it was deleted', async () => {
    const [ans, bram] = await Promise.all([device(), device()])
    const planId = await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Smit', myName: 'Ans' })
    const bramsLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Bram' })
    const unusedLink = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Evi' })
    await joinPlanViaUi(bram.page, bramsLink, { name: 'Bram', relation: 'zwager' })
    await openSection(bram.page, n.title)
    await addNoteViaUi(bram.page, sectionRegion(bram.page, n.title), 'Notitie van voor het verwijderen.')
    await waitForNote(ans.page, 'Notitie van voor het verwijderen.')

    // The confirmation asks for the household's name before anything happens.
    await openSection(ans.page, u.section.title)
    await ans.page.getByRole('button', { name: u.deletePlan.open }).click()
    const dialog = ans.page.getByRole('alertdialog')
    expect(await dialog.getByRole('button', { name: u.deletePlan.confirm }).isDisabled()).toBe(true)
    await saveScreenshot(ans.page, 'access-3-delete-confirmation')
    await dialog.getByRole('button', { name: 'Annuleren' }).click()
    await deletePlanViaUi(ans.page, 'Familie Smit')
    await ans.page.getByText(u.deleted.confirmed).waitFor()
    await ans.page.getByText(u.deleted.local).waitFor()
    await saveScreenshot(ans.page, 'access-3-deleted')
    // Gone from this device: not on the start page, and its local copy is gone.
    await openStartPage(ans.page, relayUrl())
    expect(await ans.page.getByRole('link', { name: /Familie Smit/ }).count()).toBe(0)
    const leftOver = await ans.page.evaluate(async (id) => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.includes(id)), planId)
    expect(leftOver).toEqual([])

    // Bram, connected, is told plainly; his copy stays readable until he removes it himself.
    await refusalNotice(bram.page, u.refused.deleted.title).waitFor()
    expect(await noteTexts(sectionRegion(bram.page, n.title))).toContain('Notitie van voor het verwijderen.')
    await saveScreenshot(bram.page, 'access-3-bram-told-deleted')
    await refusalNotice(bram.page, u.refused.deleted.title).getByRole('button', { name: u.refused.forget }).click()
    await bram.page.getByText(u.deleted.local).waitFor()
    await openStartPage(bram.page, relayUrl())
    expect(await bram.page.getByRole('link', { name: /Familie Smit/ }).count()).toBe(0)
    await close(bram)

    // Someone opening an invitation for the deleted plan afterwards is told it was deleted.
    const evi = await device()
    await evi.page.goto(unusedLink)
    await evi.page.getByRole('heading', { name: u.refused.deleted.title }).waitFor()
    await saveScreenshot(evi.page, 'access-3-later-visitor-told-deleted')
    expect([...ans.errors, ...evi.errors]).toEqual([])
    await close(ans, evi)
  })
  it('an invitation the phone cannot keep (no room to store it) says so and what to do; a reload once there is room opens the plan', async () => {
    const [ans, riet] = await Promise.all([device(), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie Jansen', myName: 'Ans' })
    await waitForSyncStatus(ans.page, SYNC_SENTENCES.shared)
    const link = await inviteViaUi(ans.page, { role: 'netwerk', name: 'Riet' })
    // Her browser refuses to store the invitation, as a full phone does (IndexedDB is the browser's, not Kring's).
    await riet.page.addInitScript(() => {
      if (sessionStorage.getItem('room-again') === 'yes') return
      const put = IDBObjectStore.prototype.put
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'tokens') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return put.apply(this, args)
      }
    })
    await riet.page.goto(link)
    await riet.page.getByRole('heading', { name: uitnodiging.nl.open.notKeptTitle }).waitFor()
    await riet.page.getByText(uitnodiging.nl.open.notKept).waitFor()
    await saveScreenshot(riet.page, 'access-4-invitation-not-kept')
    // The link stays in the address, so a reload tries again.
    expect(riet.page.url()).toBe(link)
    await riet.page.evaluate(() => sessionStorage.setItem('room-again', 'yes'))
    await riet.page.reload()
    await waitForSyncStatus(riet.page, SYNC_SENTENCES.shared)
    expect([...ans.errors, ...riet.errors]).toEqual([])
    await close(ans, riet)
  })
})
