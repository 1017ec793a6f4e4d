/**
 * Splits text into at most `maxLines` lines of about `maxChars` characters,
 * at spaces where it can, with "…" when something is left out. SVG text does
 * not wrap by itself; the full text is always in the list view beside it.
 * Character counts stand in for measured widths, which is close enough for a
 * system font at one size and keeps layout free of the DOM (and testable).
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (let i = 0; i < words.length; i++) {
    let word = words[i] ?? ''
    if (word.length > maxChars) word = `${word.slice(0, maxChars - 1)}…`
    const next = line ? `${line} ${word}` : word
    if (next.length <= maxChars) {
      line = next
      continue
    }
    lines.push(line)
    line = word
    if (lines.length === maxLines) return ellipsize(lines)
  }
  if (line) lines.push(line)
  return lines.length > maxLines ? ellipsize(lines.slice(0, maxLines)) : lines
}

/** One line, shortened with "…" when longer than `maxChars`. */
export function shorten(text: string, maxChars: number): string {
  const trimmed = text.trim()
  return trimmed.length <= maxChars ? trimmed : `${trimmed.slice(0, maxChars - 1).trimEnd()}…`
}

function ellipsize(lines: string[]): string[] {
  const last = lines.length - 1
  lines[last] = `${(lines[last] ?? '').replace(/…$/, '')}…`
  return lines
}
