import { compareOrder, compareText } from '../order.ts'

/**
 * When something happened, as precisely as the household knows it.
 *
 * Hand-written rather than chrono-node: chrono's Dutch parser reads concrete
 * calendar dates relative to "now" (and fills a missing year with the current
 * one, wrong for a life story), but not what people say at a kitchen table:
 * seasons, "begin 2019", "jaren 80", "toen ik 12 was". The rules below are
 * small and each has a test.
 */

/** 'dag' (YYYY-MM-DD), 'maand' (YYYY-MM), 'jaar' (YYYY), or 'ongeveer': free words such as "zomer 2019". */
export type DatePrecision = 'dag' | 'maand' | 'jaar' | 'ongeveer'
export const DATE_PRECISIONS: readonly DatePrecision[] = ['dag', 'maand', 'jaar', 'ongeveer']

/** How a sortable date was found: written as a date, estimated from the words, from an age and a birth year, or given by someone. */
export type DateBasis = 'datum' | 'tekst' | 'leeftijd' | 'opgegeven'
export const DATE_BASES: readonly DateBasis[] = ['datum', 'tekst', 'leeftijd', 'opgegeven']

export interface ParsedWhen {
  /** null when nothing was said. */
  precision: DatePrecision | null
  /** The start of the period as YYYY-MM-DD (sortable as text), or null when it cannot be told. */
  sortDate: string | null
  basis: DateBasis | null
}

const NOTHING: ParsedWhen = { precision: null, sortDate: null, basis: null }

/**
 * Reads what someone wrote for "wanneer". Exact forms (2019-07-14, 2019-07,
 * 2019) keep their precision; anything else is 'ongeveer', with a sortable
 * estimate when the words allow one. An age ("toen ik 12 was") needs the
 * birth year of the person it is about; without it there is no estimate.
 */
export function parseWhen(written: string, birthYear: number | null = null): ParsedWhen {
  const text = written.trim()
  if (!text) return NOTHING
  const exact = parseExact(text)
  if (exact) return exact
  const words = text.toLowerCase().normalize('NFC')
  const fromText = numericDate(words) ?? monthAndYear(words) ?? yearWithHint(words) ?? decade(words)
  if (fromText) return { precision: 'ongeveer', sortDate: fromText, basis: 'tekst' }
  const age = ageIn(words)
  if (age !== null && birthYear !== null) return { precision: 'ongeveer', sortDate: isoDate(birthYear + age, 1, 1), basis: 'leeftijd' }
  return { precision: 'ongeveer', sortDate: null, basis: null }
}

/** The exact forms a date picker writes: YYYY-MM-DD, YYYY-MM or YYYY; null for anything else. */
export function parseExact(text: string): ParsedWhen | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (m) {
    const date = validDate(Number(m[1]), Number(m[2]), Number(m[3]))
    return date ? { precision: 'dag', sortDate: date, basis: 'datum' } : null
  }
  m = /^(\d{4})-(\d{2})$/.exec(text)
  if (m) {
    const date = validDate(Number(m[1]), Number(m[2]), 1)
    return date ? { precision: 'maand', sortDate: date, basis: 'datum' } : null
  }
  m = /^(\d{4})$/.exec(text)
  if (m) {
    const date = validDate(Number(m[1]), 1, 1)
    return date ? { precision: 'jaar', sortDate: date, basis: 'datum' } : null
  }
  return null
}

/** "14-7-2019", "14/07/2019", "14.7.2019": the Dutch order, day first. */
function numericDate(words: string): string | null {
  const m = /(?:^|\D)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/.exec(words)
  return m ? validDate(Number(m[3]), Number(m[2]), Number(m[1])) : null
}

const MONTHS: readonly [RegExp, number][] = [
  [/^(januari|january|jan)$/, 1],
  [/^(februari|february|feb)$/, 2],
  [/^(maart|march|mrt|mar)$/, 3],
  [/^(april|apr)$/, 4],
  [/^(mei|may)$/, 5],
  [/^(juni|june|jun)$/, 6],
  [/^(juli|july|jul)$/, 7],
  [/^(augustus|august|aug)$/, 8],
  [/^(september|sept|sep)$/, 9],
  [/^(oktober|october|okt|oct)$/, 10],
  [/^(november|nov)$/, 11],
  [/^(december|dec)$/, 12],
]

/** "juli 2019", "14 juli 2019", "in mei 1998". */
function monthAndYear(words: string): string | null {
  const m = /(?:^|[^\p{L}\d])(?:(\d{1,2})\s+)?(\p{L}+)\.?\s+(\d{4})(?!\d)/u.exec(words)
  if (!m) return null
  const month = MONTHS.find(([pattern]) => pattern.test(m[2] ?? ''))?.[1]
  if (!month) return null
  return validDate(Number(m[3]), month, m[1] ? Number(m[1]) : 1)
}

/**
 * Words that say where in a year: checked in this order, the first found
 * counts. Winter is read as the start of the year it names (January and
 * February), which is what "winter 2019" most often means when telling a
 * story; December would be "eind 2019".
 */
const YEAR_HINTS: readonly [RegExp, number, number][] = [
  [/(kerst|christmas)/, 12, 25],
  [/(lente|voorjaar|spring)/, 3, 1],
  [/(zomer|summer)/, 6, 1],
  [/(herfst|najaar|autumn|fall)/, 9, 1],
  [/(winter)/, 1, 1],
  [/(begin|start|early|eerste helft)/, 1, 1],
  [/(midden|halverwege|half|mid)/, 7, 1],
  [/(eind|late|end|tweede helft)/, 10, 1],
]

/** A year anywhere in the words ("zomer 2019", "ongeveer 2015", "eind 2019"), placed in the year by a hint word. */
function yearWithHint(words: string): string | null {
  const m = /(?:^|\D)(\d{4})(?!\d)/.exec(words)
  if (!m) return null
  const year = Number(m[1])
  for (const [pattern, month, day] of YEAR_HINTS) if (wordStart(pattern).test(words)) return validDate(year, month, day)
  return validDate(year, 1, 1)
}

const DECADE_WORDS: Record<string, number> = {
  twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90,
}

/** "jaren 80", "jaren '80", "jaren tachtig", "the 80s", "1980s": the first year of the decade. */
function decade(words: string): string | null {
  const full = /(?:^|\D)(\d{3}0)'?s(?!\p{L})/u.exec(words)
  if (full) return validDate(Number(full[1]), 1, 1)
  const short = /jaren\s*['’]?(\d0)(?!\d)/.exec(words) ?? /(?:^|[^\p{L}\d])['’]?(\d0)'?s(?!\p{L})/u.exec(words)
  const wordy = /jaren\s+(\p{L}+)/u.exec(words)
  const two = short ? Number(short[1]) : wordy ? DECADE_WORDS[wordy[1] ?? ''] : undefined
  if (two === undefined) return null
  // "jaren 00" and "jaren 10" are this century; "jaren 20" and later the last one (people telling about 2020 say "2020").
  return validDate(two <= 10 ? 2000 + two : 1900 + two, 1, 1)
}

const AGE_PATTERNS: readonly RegExp[] = [
  /(?:^|\s)toen(?:\s+\S+){1,3}?\s+(\d{1,3})\s*(?:jaar\s*)?(?:oud\s*)?(?:was|werd)(?!\p{L})/u,
  /(?:^|\s)op\s+(?:mijn|m'n|zijn|z'n|haar|hun)\s+(\d{1,3})(?:e|de|ste)?(?!\p{L})/u,
  /(?:^|\s)(\d{1,3})\s+jaar\s+oud(?!\p{L})/u,
  /(?:^|\s)when\s+\S+\s+(?:was|were|turned)\s+(\d{1,3})(?!\d)/u,
  /(?:^|\s)(?:at|aged|age)\s+(\d{1,3})(?!\d)/u,
]

/** The age in "toen ik 12 was", "op mijn 12e", "12 jaar oud", "when I was 12", "at 12"; null when there is none. */
export function ageIn(words: string): number | null {
  for (const pattern of AGE_PATTERNS) {
    const m = pattern.exec(words.toLowerCase())
    if (m) {
      const age = Number(m[1])
      if (age <= 120) return age
    }
  }
  return null
}

function wordStart(pattern: RegExp): RegExp {
  return new RegExp(`(?:^|[^\\p{L}])${pattern.source}`, 'u')
}

function validDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return isoDate(year, month, day)
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** What `sortByWhen` needs of an item: its date, and the order it was told in (a RecordList's order key, creation time, id). */
export interface Dated {
  id: string
  order: string
  createdAt: number
  when: ParsedWhen
}

/** Among items starting on the same day, the wider period first, so "2019" heads the things that happened in 2019. */
const PRECISION_RANK: Record<DatePrecision, number> = { jaar: 0, ongeveer: 1, maand: 2, dag: 3 }
const UNDATED_RANK = 4

/**
 * Orders a timeline. Dated items (exact or estimated) go by the start of
 * their period. An item without any date keeps its place in the story as it
 * was told: it goes right after the item written just before it (or first,
 * when nothing was written before it). Ties go by creation time, then id, so
 * every device shows the same order.
 */
export function sortByWhen<T extends Dated>(items: readonly T[]): T[] {
  const told = [...items].sort(compareOrder)
  const keys = new Map<T, { date: string; rank: number }>()
  let previous = ''
  for (const item of told) {
    const date = item.when.sortDate
    if (date !== null) {
      previous = date
      keys.set(item, { date, rank: PRECISION_RANK[item.when.precision ?? 'ongeveer'] })
    } else keys.set(item, { date: previous, rank: UNDATED_RANK })
  }
  return told.sort((a, b) => {
    const ka = keys.get(a)!
    const kb = keys.get(b)!
    return compareText(ka.date, kb.date) || ka.rank - kb.rank || compareOrder(a, b)
  })
}
