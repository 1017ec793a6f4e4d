import type { Locator, Page } from 'playwright-core'
import netwerkatlas from '../../../client/sections/netwerkatlas/i18n.ts'
import { polar, ringRoom, sectorAngles } from '../../../client/sections/netwerkatlas/relatiekaart/geometry.ts'
import ui from '../../../client/ui/i18n.ts'
import {
  ATLAS_LABELS,
  type ContactFrequency,
  type Day,
  type DayPart,
  type FamilyLinkKind,
  type PosterSection,
  type Ring,
  type Sector,
  type Strength,
} from '../../../shared/plan/index.ts'
import type { RoomKind } from '../../../shared/protocol/rooms.ts'
import { waitUntil } from '../../support/wait.ts'
import { openSection } from './app.ts'

/**
 * Steps in the netwerkatlas, as a person takes them, in the app's Dutch.
 * Words come from the catalogs and ATLAS_LABELS, so rewording keeps tests whole.
 */
export const atlas = netwerkatlas.nl
const uiNl = ui.nl
const nl = <K extends string>(labels: Readonly<Record<K, { nl: string }>>, key: K) => labels[key].nl

export type InstrumentName = keyof typeof atlas.instruments

/** Opens the netwerkatlas (when not open yet) and one of its instruments. */
export async function openInstrument(page: Page, instrument: InstrumentName): Promise<void> {
  const nav = page.getByRole('navigation', { name: atlas.navLabel })
  if (!(await nav.isVisible())) await openSection(page, atlas.title)
  await nav.getByRole('link', { name: atlas.instruments[instrument], exact: true }).click()
  await page.getByRole('heading', { level: 3, name: atlas.instruments[instrument], exact: true }).waitFor()
}

function form(page: Page, title: string): Locator {
  return page.getByRole('form', { name: title })
}

// Relatiekaart

/** Adds someone new to the plan's people list from the relatiekaart ("Iemand nieuw toevoegen"). */
export async function addPersonOnRelatiekaart(page: Page, name: string, relation: string): Promise<void> {
  const add = form(page, atlas.relatiekaart.addTitle)
  await add.getByLabel(atlas.chooser.name, { exact: true }).fill(name)
  await add.getByLabel(atlas.chooser.relation).fill(relation)
  await add.getByRole('button', { name: atlas.relatiekaart.add, exact: true }).click()
}

/** Someone waiting beside the map ("Nog niet op de kaart"). */
export function waitingChip(page: Page, name: string): Locator {
  return page.getByRole('button', { name: atlas.relatiekaart.placeLabel.replace('{{name}}', name), exact: true })
}

/** Someone's pill on the drawing; its accessible name starts with their name, then ring and sector. */
export function mapPill(page: Page, name: string): Locator {
  return page.getByRole('group', { name: atlas.relatiekaart.drawingLabel }).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)},`) })
}

/** The words the pill of someone at this ring and sector starts with ("Oma Riet, Dichtbij, Familie"). */
export function placedWords(name: string, ring: Ring, sector: Sector): string {
  return `${name}, ${nl(ATLAS_LABELS.rings, ring)}, ${nl(ATLAS_LABELS.sectors, sector)}`
}

/** The middle of a ring × sector cell on the screen. */
export async function cellOnScreen(page: Page, ring: Ring, sector: Sector): Promise<{ x: number; y: number }> {
  const svg = page.getByRole('group', { name: atlas.relatiekaart.drawingLabel })
  const box = await svg.boundingBox()
  const viewBox = await svg.evaluate((element) => {
    const { x, y, width } = (element as SVGSVGElement).viewBox.baseVal
    return { x, y, width }
  })
  if (!box) throw new Error('The relatiekaart drawing is not on screen')
  const [inner, outer] = ringRoom(ring)
  const [start, end] = sectorAngles(sector)
  const point = polar((inner + outer) / 2, (start + end) / 2)
  const scale = box.width / viewBox.width
  return { x: box.x + (point.x - viewBox.x) * scale, y: box.y + (point.y - viewBox.y) * scale }
}

/** A real mouse drag: press on `what`, move in steps, release over the cell. */
export async function dragToCell(page: Page, what: Locator, ring: Ring, sector: Sector): Promise<void> {
  // The drawing's top at the top of the screen, so the map and the names beside or under it are both in view.
  await page.getByRole('group', { name: atlas.relatiekaart.drawingLabel }).evaluate((element) => element.scrollIntoView({ block: 'start' }))
  const from = await what.boundingBox()
  if (!from) throw new Error('Nothing to drag')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  const to = await cellOnScreen(page, ring, sector)
  await page.mouse.move(to.x, to.y, { steps: 12 })
  await page.mouse.up()
}

/**
 * A finger drag (Chromium's touch emulation: the device needs `hasTouch`):
 * touch `what`, move in steps, lift over the cell. Touch events go through
 * CDP, as a real finger's do, so the page may scroll instead if the app lets
 * it. Returns how far the page scrolled meanwhile.
 */
export async function fingerDragToCell(page: Page, what: Locator, ring: Ring, sector: Sector): Promise<number> {
  await page.getByRole('group', { name: atlas.relatiekaart.drawingLabel }).evaluate((element) => element.scrollIntoView({ block: 'start' }))
  const from = await what.boundingBox()
  if (!from) throw new Error('Nothing to drag')
  const to = await cellOnScreen(page, ring, sector)
  const session = await page.context().newCDPSession(page)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    session.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] })
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 }
  const scrollBefore = await page.evaluate(() => window.scrollY)
  await touch('touchStart', start.x, start.y)
  for (let step = 1; step <= 12; step++) await touch('touchMove', start.x + ((to.x - start.x) * step) / 12, start.y + ((to.y - start.y) * step) / 12)
  await touch('touchEnd', to.x, to.y)
  await session.detach()
  return (await page.evaluate(() => window.scrollY)) - scrollBefore
}

/** Places someone waiting beside the map through the dialog ("Waar hoort …?"). */
export async function placeWithDialog(page: Page, name: string, ring: Ring, sector: Sector): Promise<void> {
  await waitingChip(page, name).click()
  const dialog = page.getByRole('dialog', { name: atlas.relatiekaart.placeTitle.replace('{{name}}', name) })
  await dialog.getByLabel(nl(ATLAS_LABELS.rings, ring), { exact: true }).check()
  await dialog.getByLabel(nl(ATLAS_LABELS.sectors, sector), { exact: true }).check()
  await dialog.getByRole('button', { name: atlas.relatiekaart.place }).click()
  await dialog.waitFor({ state: 'detached' })
}

/** Opens someone's details on the map and sets what the contact gives, and whether it is strained or a bridge. */
export async function describeRelationship(
  page: Page,
  name: string,
  details: { support?: readonly (keyof typeof ATLAS_LABELS.support)[]; strained?: boolean; brug?: boolean },
): Promise<void> {
  await page.getByRole('button', { name: atlas.editNamed.replace('{{name}}', name), exact: true }).click()
  const dialog = page.getByRole('dialog', { name: atlas.relatiekaart.detailsTitle.replace('{{name}}', name) })
  for (const kind of details.support ?? []) await dialog.getByLabel(nl(ATLAS_LABELS.support, kind)).check()
  if (details.strained) await tickSensitiveMark(page, dialog, ATLAS_LABELS.relationship.strained.nl)
  if (details.brug) await dialog.getByLabel(ATLAS_LABELS.relationship.brug.nl).check()
  await dialog.getByRole('button', { name: uiNl.done }).click()
  await dialog.waitFor({ state: 'detached' })
}

/** The names in one ring of the relatiekaart's list view. */
export async function namesInRing(page: Page, ring: Ring): Promise<string[]> {
  const group = page.getByRole('region', { name: nl(ATLAS_LABELS.rings, ring), exact: true })
  return group.locator('li strong').allInnerTexts()
}

/** The question "Wie mag dit over … zien?", asked the first time someone on a device sets a sensitive mark. */
export function whereMarksGo(page: Page): Locator {
  return page.getByRole('alertdialog', { name: new RegExp(`^${escapeRegExp(atlas.privacy.title.split('{{')[0]!)}`) })
}

/**
 * Ticks a sensitive mark (passed away, no contact, difficult contact) in a
 * person's dialog. The first time on a device the app asks who may see it:
 * this answers with `room`, or leaves the most private room it offers first.
 */
export async function tickSensitiveMark(page: Page, dialog: Locator, label: string, room?: RoomKind): Promise<void> {
  const box = dialog.getByLabel(label, { exact: true })
  await box.click()
  const question = whereMarksGo(page)
  const asked = await waitUntil(async () => ((await box.isChecked()) ? 'set' : (await question.isVisible()) ? 'asked' : false), `"${label}" set, or the question where it goes`)
  if (asked === 'asked') {
    if (room) await question.getByLabel(atlas.privacy.rooms[room], { exact: true }).check()
    await question.getByRole('button', { name: atlas.privacy.confirm }).click()
    await question.waitFor({ state: 'detached' })
  }
  await waitUntil(() => box.isChecked(), `"${label}" ticked`)
}

// Pickers

/** The names a "Wie?" picker offers in a form of an instrument. */
export async function pickerNames(page: Page, formTitle: string, label: string): Promise<string[]> {
  return form(page, formTitle).getByLabel(label, { exact: true }).locator('option').allInnerTexts()
}

// Familiekaart

/** Draws a line in the familiekaart ("Een lijn trekken"). */
export async function drawFamilyLine(page: Page, kind: FamilyLinkKind, a: string, b: string): Promise<void> {
  const lineForm = form(page, atlas.familiekaart.linkTitle)
  await lineForm.getByLabel(nl(ATLAS_LABELS.familyLinks, kind), { exact: true }).check()
  const [first, second] = kind === 'ouder-kind' ? [atlas.familiekaart.parent, atlas.familiekaart.child] : [atlas.familiekaart.onePerson, atlas.familiekaart.otherPerson]
  await lineForm.getByLabel(first, { exact: true }).selectOption({ label: a })
  await lineForm.getByLabel(second, { exact: true }).selectOption({ label: b })
  await lineForm.getByRole('button', { name: atlas.familiekaart.link }).click()
}

/** Opens a family member's details and sets a birth year and marks. */
export async function describeFamilyMember(
  page: Page,
  name: string,
  details: { birthYear?: number; deceased?: boolean; outOfContact?: boolean; room?: RoomKind },
): Promise<void> {
  await page.getByRole('button', { name: atlas.editNamed.replace('{{name}}', name), exact: true }).click()
  const dialog = page.getByRole('dialog', { name: atlas.familiekaart.detailsTitle.replace('{{name}}', name) })
  if (details.birthYear) await dialog.getByLabel(atlas.familiekaart.birthYear).fill(String(details.birthYear))
  if (details.deceased) await tickSensitiveMark(page, dialog, ATLAS_LABELS.familyMarks.deceased.nl, details.room)
  if (details.outOfContact) await tickSensitiveMark(page, dialog, ATLAS_LABELS.familyMarks.outOfContact.nl, details.room)
  await dialog.getByRole('button', { name: uiNl.done }).click()
  await dialog.waitFor({ state: 'detached' })
}

/** What a screen reader says after a control's name and role: the text its aria-describedby points at. */
export async function descriptionOf(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  )
}

// Contactschema

/** Adds someone from the list to the contactschema with how often there is contact; `who` as the picker shows them ("Oma Riet (oma)"). */
export async function addToContactschema(page: Page, who: string, frequency: ContactFrequency): Promise<void> {
  const add = form(page, atlas.contactschema.addTitle)
  await add.getByLabel(atlas.contactschema.who, { exact: true }).selectOption({ label: who })
  await add.getByLabel(atlas.contactschema.howOften).selectOption({ label: nl(ATLAS_LABELS.frequencies, frequency) })
  await add.getByRole('button', { name: atlas.contactschema.add, exact: true }).click()
}

/** Puts someone in a cell of the week with the cell's "+". */
export async function putInWeek(page: Page, name: string, day: Day, part: DayPart): Promise<void> {
  const when = atlas.contactschema.slotWords.replace('{{day}}', nl(ATLAS_LABELS.days, day)).replace('{{part}}', nl(ATLAS_LABELS.dayParts, part))
  await page.getByRole('button', { name: atlas.contactschema.putLabel.replace('{{when}}', when) }).click()
  await page.getByRole('menuitem', { name, exact: true }).click()
  await page.getByRole('button', { name: atlas.contactschema.takeLabel.replace('{{name}}', name).replace('{{when}}', when) }).waitFor()
}

// Gebeurteniskaart

export interface EventInput {
  what: string
  day?: string
  month?: string
  year?: string
  words?: string
  estimate?: string
  involved?: string[]
  strength?: Strength
}

/** Puts an event on the timeline through "Iets op de tijdlijn zetten". */
export async function addEvent(page: Page, event: EventInput): Promise<void> {
  const add = form(page, atlas.gebeurteniskaart.addTitle)
  await add.getByLabel(atlas.gebeurteniskaart.what).fill(event.what)
  const precision = event.day ? 'dag' : event.month ? 'maand' : event.year ? 'jaar' : 'ongeveer'
  await add.getByLabel(nl(ATLAS_LABELS.datePrecisions, precision), { exact: true }).check()
  if (event.day) await add.getByLabel(atlas.gebeurteniskaart.day, { exact: true }).fill(event.day)
  if (event.month) await add.getByLabel(atlas.gebeurteniskaart.month, { exact: true }).fill(event.month)
  if (event.year) await add.getByLabel(atlas.gebeurteniskaart.year, { exact: true }).fill(event.year)
  if (precision === 'ongeveer') {
    await add.getByLabel(atlas.gebeurteniskaart.words).fill(event.words ?? '')
    if (event.estimate) await add.getByLabel(atlas.gebeurteniskaart.estimate).fill(event.estimate)
  }
  for (const name of event.involved ?? []) await add.getByLabel(name, { exact: true }).check()
  if (event.strength) await add.getByLabel(nl(ATLAS_LABELS.strengths, event.strength), { exact: true }).check()
  await add.getByRole('button', { name: atlas.gebeurteniskaart.add }).click()
  await page.getByRole('region', { name: atlas.asList }).getByText(event.what, { exact: true }).waitFor()
}

/** What happened, in the order of the timeline's list view. */
export async function eventsInOrder(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: atlas.asList }).locator('.event-what').allInnerTexts()
}

// Basisposter

/** Adds a short item to a section of the basisposter. */
export async function addPosterItem(page: Page, section: PosterSection, text: string): Promise<void> {
  const field = page.getByLabel(atlas.basisposter.addLabel.replace('{{section}}', nl(ATLAS_LABELS.posterSections, section)))
  await field.fill(text)
  await field.press('Enter')
  await page.getByText(text, { exact: true }).first().waitFor()
}

/** Writes the free text of a poster section. */
export async function writePosterText(page: Page, section: PosterSection, text: string): Promise<void> {
  const title = nl(ATLAS_LABELS.posterSections, section)
  const card = page.getByRole('region', { name: title, exact: true })
  await card.getByText(atlas.basisposter.freeText, { exact: true }).click()
  await card.getByLabel(atlas.basisposter.freeTextLabel.replace('{{section}}', title)).fill(text)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
