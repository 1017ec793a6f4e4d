import type { Locator, Page } from 'playwright-core'
import common from '../../../client/i18n/common.ts'
import uitnodiging from '../../../client/invitations/i18n.ts'
import toegang from '../../../client/sections/toegang/i18n.ts'
import mensen from '../../../client/sections/mensen/i18n.ts'
import verhaal from '../../../client/sections/verhaal/i18n.ts'
import start from '../../../client/start/i18n.ts'
import workspace from '../../../client/workspace/i18n.ts'
import { waitUntil } from '../../support/wait.ts'

/**
 * Steps a person takes in the app, in the Dutch the app shows by default.
 * Labels come from the catalogs, so rewording a label does not break tests.
 */
const nl = { common: common.nl, start: start.nl, workspace: workspace.nl, verhaal: verhaal.nl, mensen: mensen.nl, uitnodiging: { ...uitnodiging.nl, ...toegang.nl } }

/** The Dutch status sentences, by state. */
export const SYNC_SENTENCES = { local: nl.common.sync.local, shared: nl.common.sync.shared, offline: nl.common.sync.offline }

/** Opens the start page. */
export async function openStartPage(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/`)
  await page.getByRole('heading', { name: nl.start.plans.title }).waitFor()
}

/**
 * Makes a new plan through the start page ("Nieuw plan", or with `work` "Een
 * plan starten voor een huishouden", as a professional) and waits for its
 * workspace. Returns the plan id from the address bar.
 */
export async function createPlanViaUi(page: Page, baseUrl: string, names: { householdName: string; myName: string; work?: string }): Promise<string> {
  await openStartPage(page, baseUrl)
  const words = names.work === undefined ? nl.start.newPlan : nl.start.forHousehold
  const form = page.getByRole('region', { name: words.title, exact: true })
  await form.getByLabel(nl.start.newPlan.householdName).fill(names.householdName)
  await form.getByLabel(nl.start.newPlan.myName).fill(names.myName)
  if (names.work !== undefined) await form.getByLabel(nl.start.forHousehold.work).fill(names.work)
  await form.getByRole('button', { name: words.submit }).click()
  await page.waitForURL(/#\/plan\/[^/]+\/[^/]+$/)
  await page.getByRole('heading', { level: 1, name: names.householdName }).waitFor()
  return planIdOf(page)
}

/**
 * On the household's device (the one holding the plan key): makes an
 * invitation link in "Toegang" → "Iemand uitnodigen" and returns it.
 * Leaves the page on "Toegang".
 */
export async function inviteViaUi(
  page: Page,
  invitee: { role?: 'huishouden' | 'netwerk' | 'professional' | 'meelezer'; name?: string; listed?: string; guests?: boolean } = {},
): Promise<string> {
  await openSection(page, nl.uitnodiging.section.title)
  const panel = page.getByRole('region', { name: nl.uitnodiging.panel.title })
  // The panel may still show the previous invitation.
  const another = panel.getByRole('button', { name: nl.uitnodiging.panel.another })
  if (await another.count()) await another.click()
  const who = panel.getByLabel(nl.uitnodiging.panel.who)
  if (invitee.listed) await who.selectOption({ label: invitee.listed })
  else if (invitee.guests) {
    await who.selectOption({ label: nl.uitnodiging.panel.whoGuests })
    if (invitee.name) await panel.getByLabel(nl.uitnodiging.panel.guestsName).fill(invitee.name)
  } else await panel.getByLabel(nl.uitnodiging.panel.name, { exact: true }).fill(invitee.name ?? 'Gast')
  await panel.getByLabel(nl.uitnodiging.panel.roles[invitee.role ?? 'netwerk'], { exact: true }).check()
  await panel.getByRole('button', { name: nl.uitnodiging.panel.create }).click()
  const link = panel.getByLabel(nl.uitnodiging.panel.link, { exact: true })
  await link.waitFor()
  return link.inputValue()
}

/**
 * Opens an invitation link on a device that does not have the plan and waits
 * for the workspace. An invitation naming a person opens straight as that
 * person; a link for several people asks "Wie ben jij?", answered by adding
 * yourself.
 */
export async function joinPlanViaUi(page: Page, invitationLink: string, me: { name: string; relation: string }): Promise<void> {
  await page.goto(invitationLink)
  const workspace = page.getByRole('navigation', { name: nl.workspace.sectionsLabel })
  const whoAreYou = page.getByRole('heading', { name: nl.workspace.whoAreYou.title })
  await workspace.or(whoAreYou).first().waitFor()
  if (await whoAreYou.isVisible()) {
    await page.getByLabel(nl.workspace.whoAreYou.name).fill(me.name)
    await page.getByLabel(nl.workspace.whoAreYou.relation).fill(me.relation)
    await page.getByRole('button', { name: nl.workspace.whoAreYou.add }).click()
  }
  await workspace.waitFor()
}

/** The plan id in the page's address (`#/plan/<id>/...`). */
export function planIdOf(page: Page): string {
  const match = /#\/plan\/([^/]+)/.exec(page.url())
  if (!match?.[1]) throw new Error(`Not on a plan page: ${page.url()}`)
  return match[1]
}

/** Clicks a section in the workspace navigation, by its visible label; on a phone it opens the "Menu" first. */
export async function openSection(page: Page, label: string): Promise<void> {
  const nav = sectionNav(page)
  await nav.waitFor()
  const link = nav.getByRole('link', { name: label })
  if (!(await link.isVisible())) await nav.getByRole('button', { name: new RegExp(`^${nl.workspace.menu}`) }).click()
  await link.click()
  await page.getByRole('heading', { level: 2, name: label }).waitFor()
}

/** The workspace's navigation of sections. */
export function sectionNav(page: Page): Locator {
  return page.getByRole('navigation', { name: nl.workspace.sectionsLabel })
}

/** The "Ons verhaal" text editor. */
export function storyEditor(page: Page): Locator {
  return page.getByRole('textbox', { name: nl.verhaal.editorLabel })
}

/**
 * Types in "Ons verhaal" at its end (or start), key by key like a person, so
 * two people's typing overlaps in time.
 */
export async function typeInStory(page: Page, text: string, { at = 'end', delayMs = 15 }: { at?: 'start' | 'end'; delayMs?: number } = {}): Promise<void> {
  await storyEditor(page).click()
  await placeStoryCaret(page, at)
  await page.keyboard.type(text, { delay: delayMs })
}

/**
 * Puts the caret at the start or end of "Ons verhaal" and waits until it is
 * really there: on a busy machine a single Control+Home can be taken before
 * the editor has settled after the click (CI once saw Ans's words land after
 * the first line instead of before it).
 */
async function placeStoryCaret(page: Page, at: 'start' | 'end'): Promise<void> {
  const editor = storyEditor(page)
  await waitUntil(async () => {
    await page.keyboard.press(at === 'end' ? 'Control+End' : 'Control+Home')
    return editor.evaluate((element, where) => {
      const selection = window.getSelection()
      if (!selection || selection.rangeCount === 0 || !selection.isCollapsed || !element.contains(selection.anchorNode)) return false
      const range = document.createRange()
      range.selectNodeContents(element)
      if (where === 'start') range.setEnd(selection.anchorNode!, selection.anchorOffset)
      else range.setStart(selection.anchorNode!, selection.anchorOffset)
      // Text between the caret and that edge, leaving out other people's caret labels.
      const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!range.intersectsNode(node) || node.parentElement?.closest('.collaboration-carets__caret')) continue
        const from = node === range.startContainer ? range.startOffset : 0
        const to = node === range.endContainer ? range.endOffset : (node.textContent ?? '').length
        if ((node.textContent ?? '').slice(from, to).length > 0) return false
      }
      return true
    }, at)
  }, `the caret at the ${at} of "Ons verhaal"`, { timeoutMs: 20_000 })
}

/** The text of "Ons verhaal" as shown (without others' caret labels). */
export async function storyText(page: Page): Promise<string> {
  return storyEditor(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.innerText
  })
}

/** Waits until "Ons verhaal" contains every one of `parts`; returns the whole text. */
export function waitForStoryToContain(page: Page, parts: string[]): Promise<string> {
  let text = ''
  return waitUntil(
    async () => {
      text = await storyText(page)
      return parts.every((part) => text.includes(part)) && text
    },
    `"Ons verhaal" to contain ${parts.map((p) => JSON.stringify(p)).join(' and ')}`,
    { describe: () => JSON.stringify(text) },
  )
}

/** The always-visible sync status line. */
export function syncStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: new RegExp(Object.values(SYNC_SENTENCES).map(escapeRegExp).join('|')) })
}

/** Waits until the sync status reads `sentence` exactly. */
export async function waitForSyncStatus(page: Page, sentence: string): Promise<void> {
  let seen = ''
  await waitUntil(
    async () => (seen = (await syncStatus(page).innerText()).trim()) === sentence,
    `sync status "${sentence}"`,
    { describe: () => JSON.stringify(seen) },
  )
}

/** The names in "Nu in dit plan", as shown. */
export async function presenceNames(page: Page): Promise<string[]> {
  const list = page.getByRole('region', { name: nl.common.presence.title })
  return (await list.getByRole('listitem').allInnerTexts()).map((name) => name.trim())
}

/**
 * Waits until the service worker controls the page, so a reload without a
 * network is served from its cache. Call before going offline.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (navigator.serviceWorker.controller) return
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }))
  })
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Fills a catalog template as the app does: fill('Eens over {{x}}', { x: 'Relaties' }). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''))
}
