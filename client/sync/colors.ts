/**
 * Colours that tell people apart in carets and the presence list. All are dark
 * enough for white text on them and for a 3:1 contrast against the page.
 */
const PALETTE = ['#2f6f5e', '#8a4b9c', '#b4532a', '#1f6fb2', '#a0304f', '#5d6b1e', '#7a5a00', '#3b5bab'] as const

/** A stable colour for a person (or any id): the same id gets the same colour on every device. */
export function colorFor(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return PALETTE[hash % PALETTE.length] ?? PALETTE[0]
}
