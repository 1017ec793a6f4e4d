/** A text on a drawing: as drawn (perhaps shortened to fit) and in full. */
export interface DrawnText {
  drawn: string
  full: string
}

/**
 * The accessible name of a control on a drawing: its texts in reading order,
 * exactly as drawn (shortened ones too), with commas for a screen reader's
 * pauses. So the name contains what a person sees (WCAG 2.5.3, "label in
 * name"): a voice command of the visible words finds the control. A name made
 * of the full words would not contain a drawn "Opa He…" followed by more text.
 */
export function nameFromDrawn(texts: readonly DrawnText[]): string {
  return texts
    .map((text) => text.drawn)
    .filter(Boolean)
    .join(', ')
}

/** The full words of every text the drawing had to shorten, for the control's description, so nothing is lost to a screen reader. */
export function fullWhereShortened(texts: readonly DrawnText[]): string[] {
  return texts.filter((text) => text.drawn !== normalSpaces(text.full)).map((text) => text.full)
}

function normalSpaces(text: string): string {
  return text.trim().split(/\s+/).join(' ')
}
