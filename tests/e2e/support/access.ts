import type { Locator, Page } from 'playwright-core'
import uitnodiging from '../../../client/invitations/i18n.ts'
import toegang from '../../../client/sections/toegang/i18n.ts'
import notities from '../../../client/sections/notities/i18n.ts'
import workspace from '../../../client/workspace/i18n.ts'
import { openSection } from './app.ts'
import { waitUntil } from '../../support/wait.ts'

/** Steps around access and the household's own room, in the Dutch the app shows by default (labels from the catalogs). */
// The Toegang section's strings and this device's invitation strings, as one.
export const nlAccess = { uitnodiging: { ...uitnodiging.nl, ...toegang.nl }, notities: notities.nl, workspace: workspace.nl }
const { uitnodiging: u, notities: n } = nlAccess

/** The region of a section (its <section> is named by its heading). */
export function sectionRegion(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true })
}

/** Adds a note in the open notes section ("Notities", or "Onze notities" in "Alleen voor ons"). */
export async function addNoteViaUi(page: Page, region: Locator, text: string): Promise<void> {
  await region.getByRole('button', { name: n.add }).click()
  await region.getByLabel(n.text, { exact: true }).fill(text)
  await region.getByRole('button', { name: n.save, exact: true }).click()
  await region.locator('.note-text', { hasText: text }).waitFor()
}

/** The words of the notes shown in a region. */
export async function noteTexts(region: Locator): Promise<string[]> {
  return (await region.locator('.note-text').allInnerTexts()).map((text) => text.trim())
}

/** Opens "Notities" and waits until it shows a note with `text`; returns all notes shown. */
export async function waitForNote(page: Page, text: string): Promise<string[]> {
  await openSection(page, n.title)
  const region = sectionRegion(page, n.title)
  return waitUntil(async () => {
    const texts = await noteTexts(region)
    return texts.includes(text) && texts
  }, `the note "${text}" in Notities`)
}

/** The list "Wie kan meelezen en meeschrijven" in "Toegang". */
export function invitationsList(page: Page): Locator {
  return page.getByRole('list', { name: u.list.title })
}

/** On a device holding the plan key: takes someone's access back in "Toegang" and confirms. Leaves the page on "Toegang". */
export async function revokeViaUi(page: Page, name: string): Promise<Locator> {
  await openSection(page, u.section.title)
  const row = invitationsList(page).getByRole('listitem').filter({ hasText: name })
  await row.getByRole('button', { name: u.list.revokeLabel.replaceAll('{{name}}', name) }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: u.list.revokeConfirm }).click()
  return row
}

/** The alert that says why the relay turned this device away. */
export function refusalNotice(page: Page, title: string): Locator {
  return page.getByRole('alert').filter({ hasText: title })
}

/** On a device holding the plan key: "Toegang" → "Plan verwijderen…", types the household's name and confirms. */
export async function deletePlanViaUi(page: Page, householdName: string): Promise<void> {
  await openSection(page, u.section.title)
  await page.getByRole('button', { name: u.deletePlan.open }).click()
  const dialog = page.getByRole('alertdialog')
  await dialog.getByLabel(u.deletePlan.typeName.replace('{{name}}', householdName)).fill(householdName)
  await dialog.getByRole('button', { name: u.deletePlan.confirm }).click()
  await page.getByRole('heading', { name: u.deleted.title }).waitFor()
}
