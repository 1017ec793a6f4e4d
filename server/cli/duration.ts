/**
 * How long an invitation lasts, as an operator types it: `45min`, `12h`,
 * `30d`, `2w`, or `never`. No months or years (their length varies) and no
 * bare `m` (minute or month? a household would not want to guess).
 */
const UNIT_MS = { min: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const

/** Milliseconds for a duration, or null for `never`. Throws RangeError naming the accepted forms. */
export function parseDuration(text: string): number | null {
  if (text === 'never') return null
  const match = /^(\d{1,6})(min|h|d|w)$/.exec(text.trim())
  const amount = match ? Number(match[1]) : 0
  if (!match || amount === 0) throw new RangeError(`"${text}" is not a duration; write for example 45min, 12h, 30d, 2w or never`)
  return amount * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}
