import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId, Wording } from '../../shared/plan/index.ts'
import { usePlan, useRecords } from '../plan/hooks.ts'

export interface Format {
  /** The language shown now: 'nl' or 'en'. */
  language: 'nl' | 'en'
  /** One person's name ("iemand" for someone no longer on the list); "Ans (jij)" for me. */
  name(id: PersonId | null): string
  /** Names as a sentence part: "Ans, Bram en Carla". */
  names(ids: readonly (PersonId | null)[]): string
  /** Any words as a sentence part: "maandag, dinsdag en vrijdag". */
  list(words: readonly string[]): string
  /** A moment: "vandaag 14:03", or "12 mei 14:03" on another day; empty for a time no calendar holds. */
  moment(at: number): string
  /** The day of a moment: "12 mei 2026"; empty for a time no calendar holds. */
  date(at: number): string
  /** A day written as YYYY-MM-DD: "dinsdag 12 mei 2026". */
  day(date: string): string
  /** Wording the schema holds in both languages (the card's printed questions, the leefgebieden). */
  wording(w: Wording): string
}

/**
 * Names, times and the card's own wording in the language shown. Names come
 * from the people list: views never show ids.
 */
export function useFormat(): Format {
  const { t, i18n } = useTranslation('ui')
  const { plan, me } = usePlan()
  const people = useRecords(plan.people)
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'nl'
  return useMemo(() => {
    const intl = intlFor(language)
    const name = (id: PersonId | null) => {
      const known = people.find((p) => p.id === id)?.name || t('someone')
      return id !== null && id === me ? t('nameIsMe', { name: known }) : known
    }
    return {
      language,
      name,
      names: (ids) => intl.list().format(ids.map(name)),
      list: (words) => intl.list().format(words),
      moment: (at) => (!isTime(at) ? '' : isToday(at) ? t('today', { time: intl.time().format(at) }) : intl.moment().format(at)),
      date: (at) => (isTime(at) ? intl.date().format(at) : ''),
      day: (date) => {
        const [y, m, d] = date.split('-').map(Number)
        return y && m && d ? intl.day().format(new Date(y, m - 1, d)) : date
      },
      wording: (w) => w[language],
    }
  }, [language, people, me, t])
}

/**
 * The browser's formatters for a language, each made the first time it is
 * used and then kept. Making one loads the language's calendar data: five of
 * them took some 50 ms of a phone's first screen, which mostly formats
 * nothing at all.
 */
function intlFor(language: 'nl' | 'en'): IntlFormatters {
  return (formatters[language] ??= {
    list: once(() => new Intl.ListFormat(language, { type: 'conjunction' })),
    moment: once(() => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })),
    time: once(() => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' })),
    day: once(() => new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })),
    date: once(() => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' })),
  })
}

interface IntlFormatters {
  list(): Intl.ListFormat
  moment(): Intl.DateTimeFormat
  time(): Intl.DateTimeFormat
  day(): Intl.DateTimeFormat
  date(): Intl.DateTimeFormat
}

const formatters: Partial<Record<'nl' | 'en', IntlFormatters>> = {}

/** A value made on first use and kept. */
function once<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}

/** Whether a number is a moment a Date can hold: a plan from another device may carry any number, and Intl throws on the rest. */
function isTime(at: number): boolean {
  return Number.isFinite(new Date(at).getTime())
}

function isToday(at: number): boolean {
  const day = new Date(at)
  const now = new Date()
  return day.getFullYear() === now.getFullYear() && day.getMonth() === now.getMonth() && day.getDate() === now.getDate()
}
