/**
 * `npm run bench -- meeting-pages`: six people at a meeting in Chromium
 * (issue 10, "Performance": measured once), against the real relay serving
 * the real build. The household's page and five guests who joined with the
 * meeting's guest link all have "Ons verhaal" open (a text written together,
 * in the plan room, as the meeting's shared texts are). One page types a
 * key at a time; measured is the time from the key being pressed until the
 * new text is visible in each of the five other pages (a MutationObserver
 * in each page notes when its editor shows it, caret labels left out).
 * One clock: every page and this script run on this machine.
 *
 * p50 and p95 over every (keystroke, page) pair, printed as Markdown.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { createLogger } from '../../server/log.ts'
import { startRelay } from '../../server/relay.ts'
import { createPlanViaUi, inviteViaUi, joinPlanViaUi, openSection, storyEditor, SYNC_SENTENCES, syncStatus } from '../../tests/e2e/support/app.ts'
import { launchBrowser } from '../../tests/e2e/support/browser.ts'
import { buildClientSnapshot } from '../../tests/e2e/support/buildClient.ts'
import { percentile } from '../support/stats.ts'

const PAGES = 6
const KEYSTROKES = Number(process.env.KRING_BENCH_SAMPLES ?? (process.env.KRING_BENCH_QUICK === '1' ? 20 : 80))
const WARM_UP = 10
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

const progress = (line: string) => process.stderr.write(`bench meeting pages: ${line}\n`)

/**
 * Arms a page: window.__seen resolves with the moment its editor shows
 * `suffix`. Written as text: tsx would add helpers to a function's source
 * that the page does not have.
 */
const ARM = new Function(
  'editor',
  'wanted',
  `const shows = () => {
     const copy = editor.cloneNode(true)
     for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
     return (copy.textContent || '').includes(wanted)
   }
   window.__seen = new Promise((resolve) => {
     const observer = new MutationObserver(() => { if (shows()) { observer.disconnect(); resolve(performance.timeOrigin + performance.now()) } })
     observer.observe(editor, { subtree: true, childList: true, characterData: true })
     if (shows()) { observer.disconnect(); resolve(performance.timeOrigin + performance.now()) }
   })`,
) as (editor: Element, wanted: string) => void

async function arm(page: Page, suffix: string): Promise<void> {
  await storyEditor(page).evaluate(ARM, suffix)
}

async function main(): Promise<void> {
  progress('building the client')
  const built = await buildClientSnapshot()
  const dataDir = await mkdtemp(join(tmpdir(), 'kring-bench-meeting-pages-'))
  const relay = await startRelay({ config: { dataDir }, staticDir: built, logger: createLogger('silent') })
  const browser = await launchBrowser()
  try {
    const contexts = await Promise.all(Array.from({ length: PAGES }, () => browser.newContext()))
    const pages = await Promise.all(contexts.map((context) => context.newPage()))
    for (const page of pages) page.setDefaultTimeout(60_000)
    const [household, ...guests] = pages as [Page, ...Page[]]
    await createPlanViaUi(household, relay.url, { householdName: 'Familie Visser', myName: 'Ans' })
    // waitForSyncStatus polls through vitest's waitUntil; outside vitest the locator waits itself.
    await syncStatus(household).filter({ hasText: SYNC_SENTENCES.shared }).waitFor()
    const link = await inviteViaUi(household, { role: 'netwerk', guests: true, name: 'Bijeenkomst' })
    for (const [index, guest] of guests.entries()) {
      await joinPlanViaUi(guest, link, { name: `Gast ${index + 1}`, relation: 'buur' })
      progress(`guest ${index + 1} joined`)
    }
    for (const page of pages) await openSection(page, 'Ons verhaal')
    await storyEditor(household).click()
    await household.keyboard.press('Control+End')

    let typed = ''
    const latencies: number[] = []
    for (let i = 0; i < WARM_UP + KEYSTROKES; i++) {
      const key = LETTERS[Math.floor(Math.random() * LETTERS.length)]!
      typed += key
      const suffix = typed.slice(-8)
      await Promise.all(guests.map((guest) => arm(guest, suffix)))
      const pressed = Date.now()
      await household.keyboard.press(key)
      const seen = await Promise.all(guests.map((guest) => guest.evaluate('window.__seen') as Promise<number>))
      if (i >= WARM_UP) latencies.push(...seen.map((at) => at - pressed))
      // A person's pace between keystrokes.
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const ms = (value: number) => `${value.toFixed(1)} ms`
    process.stdout.write(
      [
        `Meeting in Chromium: ${PAGES} pages in one plan, ${KEYSTROKES} keystrokes in one page, each seen in the ${PAGES - 1} others (${latencies.length} pairs).`,
        '',
        '| keystroke in one page → visible in another | p50 | p95 | max |',
        '| --- | ---: | ---: | ---: |',
        `| Kring relay on loopback, "Ons verhaal" (Tiptap, collaboration carets on) | ${ms(percentile(latencies, 0.5))} | ${ms(percentile(latencies, 0.95))} | ${ms(Math.max(...latencies))} |`,
        '',
        `${new Date().toISOString()} · ${cpus().length} cores · load ${loadavg()[0]!.toFixed(1)}`,
        '',
      ].join('\n'),
    )
  } finally {
    await browser.close()
    await relay.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(built, { recursive: true, force: true })
  }
}

await main()
