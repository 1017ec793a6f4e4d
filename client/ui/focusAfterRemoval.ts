// Where focus goes when an action takes a control away with its item.
// Where it goes when a press replaces a control with another one: focusOnReplacement.ts.

/** An item's "⋯" button (MoreMenu marks it): the control a neighbouring item takes focus by. */
export const MORE_MENU_BUTTON = '[data-more-menu]'

/** The one control being watched by keepFocusIfRemoved, with how to stop watching it. */
let watched: { control: HTMLElement; stop: () => void } | null = null

/**
 * Before an action that may remove `control` with the item it belongs to
 * (removing through the "⋯" menu, putting back or dismissing a "verwijderd"
 * notice): if the control disappears and leaves focus on the page body, focus
 * goes to what a person would expect next — the next item of the same list
 * (its "⋯" button, or the item), else the previous one, else the control that
 * followed (or preceded) the item, such as the list's add button, else the
 * heading above it. Where the action made a control of its own take focus
 * (focusNext, an opened form), nothing moves.
 *
 * The neighbours are noted now, while the item is still there. The watch lasts
 * while a menu or dialog the action opened is open (a confirmation asks
 * first), and ends once the page has settled with the control still there.
 */
export function keepFocusIfRemoved(control: HTMLElement): void {
  watched?.stop()
  const candidates = neighboursOf(control)
  let frame = 0
  const observer = new MutationObserver(() => settleSoon())
  const stop = () => {
    observer.disconnect()
    cancelAnimationFrame(frame)
    if (watched?.control === control) watched = null
  }
  // React has committed a press's changes before the next frame, and react-aria restores focus in one: look after both.
  const settleSoon = () => {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(settle)
    })
  }
  const settle = () => {
    if (control.isConnected) {
      if (overlayOpen()) return
      if (focusLost()) control.focus()
    } else if (focusLost()) {
      candidates.find((candidate) => candidate.isConnected && focusOn(candidate))
    }
    stop()
  }
  watched = { control, stop }
  observer.observe(document.body, { childList: true, subtree: true })
  settleSoon()
}

/** Focus fell to the page body, as it does when the focused control is taken out of the page. */
function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body
}

/** A menu, popover or dialog is open: the action may still be asking something. */
function overlayOpen(): boolean {
  return document.querySelector('[role="menu"], [role="dialog"], [role="alertdialog"]') !== null
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]'

/** What an item is: a list's entry, or a section of its own (the card's own question). */
const ITEM = 'li, section, article'

/** Where focus may go if `control` and its item disappear, best first (see keepFocusIfRemoved). */
function neighboursOf(control: HTMLElement): HTMLElement[] {
  const item = control.closest<HTMLElement>(ITEM) ?? control
  const after: HTMLElement[] = []
  const before: HTMLElement[] = []
  for (let next = item.nextElementSibling; next; next = next.nextElementSibling) after.push(...entryOf(next))
  for (let previous = item.previousElementSibling; previous; previous = previous.previousElementSibling) before.push(...entryOf(previous))
  const focusable = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => shown(element) && !item.contains(element))
  const following = focusable.filter((element) => item.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)
  const preceding = focusable.filter((element) => item.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING).reverse()
  return [...after, ...before, ...following.slice(0, 3), ...preceding.slice(0, 3), ...headingAbove(item)]
}

/** How a neighbouring item takes focus: its own "⋯" button, else the item itself if it can, else its first control. */
function entryOf(element: Element): HTMLElement[] {
  if (!(element instanceof HTMLElement) || !shown(element)) return []
  // A control beside the items (the list's add button) is its own entry.
  if (element.matches(FOCUSABLE)) return [element]
  const own = [...element.querySelectorAll<HTMLElement>(MORE_MENU_BUTTON)].find((button) => button.parentElement?.closest(ITEM) === element)
  const first = element.querySelector<HTMLElement>(FOCUSABLE)
  return [own, element.hasAttribute('tabindex') ? element : null, first].filter((candidate): candidate is HTMLElement => candidate !== null && candidate !== undefined)
}

/** The heading of the part of the page the item was in, made focusable by script only (tabIndex -1). */
function headingAbove(item: HTMLElement): HTMLElement[] {
  for (let part = item.parentElement; part; part = part.parentElement) {
    const headings = [...part.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
    const heading = headings.filter((h) => shown(h) && item.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_PRECEDING).pop()
    if (heading) return [heading]
  }
  return []
}

function shown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0
}

/** Focuses `element`, a heading by script only; true if focus is now there. */
function focusOn(element: HTMLElement): boolean {
  if (!element.matches(FOCUSABLE) && !element.hasAttribute('tabindex')) element.tabIndex = -1
  element.focus()
  return document.activeElement === element
}
