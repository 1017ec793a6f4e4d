import type { Locator, Page } from 'playwright-core'
import kaart from '../../../client/sections/partnerschapskaart/i18n.ts'
import ui from '../../../client/ui/i18n.ts'
import { fill } from './app.ts'

/**
 * Steps on the partnerschapskaart, as a person takes them, in the app's Dutch
 * (a step's column can be found in English too). Words come from the catalogs,
 * so rewording a label keeps the tests whole.
 */
const k = kaart.nl
const u = ui.nl

/** One step (column) of the card, by its title ("Waarden", "Relaties", …), in the language the page shows. */
export function step(page: Page, title: string, language: 'nl' | 'en' = 'nl'): Locator {
  return page.getByRole('list', { name: kaart[language].cardLabel }).getByRole('listitem', { name: new RegExp(`^${title}$`, 'i') })
}

/** "Ik ben het hiermee eens" with a step, in my own name. */
export async function agree(page: Page, title: string): Promise<void> {
  await step(page, title).getByRole('button', { name: fill(u.agreement.agreeLabel, { label: k.agree, subject: title }) }).click()
}

/**
 * Writes under a question of a step, for the group or (draft) in my kladje,
 * and waits until the words show in that step on this device.
 */
export async function writeOnCard(page: Page, title: string, question: string, text: string, { draft = false } = {}): Promise<void> {
  const column = step(page, title)
  const name = fill(k.item.writeLabel, { question })
  const form = column.getByRole('form', { name })
  if (!(await form.isVisible())) await column.getByRole('button', { name }).click()
  await form.getByLabel(k.item.text).fill(text)
  await form.getByRole('button', { name: draft ? k.item.addDraft : k.item.add, exact: true }).click()
  await column.getByText(text).waitFor()
}
