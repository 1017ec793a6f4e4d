/**
 * Days as the plan stores them: 'YYYY-MM-DD', a calendar day where the
 * writer is (no time, no zone), so "on that day" means the same day to
 * everyone at the table. Text comparison orders them.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether a value is a real calendar day written as YYYY-MM-DD ('2024-02-30' is not). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = DAY.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The day of a moment where this device is (today by default), as YYYY-MM-DD. */
export function dayOf(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${String(at.getFullYear()).padStart(4, '0')}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** Today where this device is, as YYYY-MM-DD. */
export function today(): string {
  return dayOf()
}

/** The day `count` days after `day` (before, when negative); `day` must be a valid day. */
export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const shifted = new Date(Date.UTC(year, month - 1, date + count))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${String(shifted.getUTCFullYear()).padStart(4, '0')}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`
}
