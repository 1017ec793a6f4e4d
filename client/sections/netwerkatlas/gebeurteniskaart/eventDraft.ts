import type { DatePrecision, LifeEvent, PersonId, Strength } from '../../../../shared/plan/index.ts'

/** An event as its form holds it: one field per way of saying when, so switching back and forth loses nothing. */
export interface EventDraft {
  what: string
  precision: DatePrecision
  day: string
  month: string
  year: string
  words: string
  /** "Ongeveer welk jaar?": a year someone gives for approximate words. */
  estimateYear: string
  involved: PersonId[]
  strength: Strength | null
}

export const EMPTY_DRAFT: EventDraft = { what: '', precision: 'dag', day: '', month: '', year: '', words: '', estimateYear: '', involved: [], strength: null }

/** The draft for changing an existing event. */
export function draftOf(event: LifeEvent): EventDraft {
  const text = event.when.text
  const precision = event.when.precision ?? 'ongeveer'
  return {
    what: event.what,
    precision,
    day: precision === 'dag' ? text : '',
    month: precision === 'maand' ? text : '',
    year: precision === 'jaar' ? text : '',
    words: precision === 'ongeveer' ? text : '',
    estimateYear: event.when.basis === 'opgegeven' && event.when.sortDate ? event.when.sortDate.slice(0, 4) : '',
    involved: event.involved.map((p) => p.id),
    strength: event.strength,
  }
}

/**
 * What setWhen takes: the written "when" for the chosen precision, and the
 * estimate for approximate words when a year was given (passed on every
 * change, because leaving it out drops it).
 */
export function whenOf(draft: EventDraft): { when: string; estimate?: string } {
  switch (draft.precision) {
    case 'dag':
      return { when: draft.day.trim() }
    case 'maand':
      return { when: draft.month.trim() }
    case 'jaar':
      return { when: draft.year.trim() }
    case 'ongeveer': {
      const estimate = draft.estimateYear.trim()
      return /^\d{4}$/.test(estimate) ? { when: draft.words.trim(), estimate } : { when: draft.words.trim() }
    }
  }
}
