import type * as Y from 'yjs'
import { Cached } from './cached.ts'
import { Choices } from './choices.ts'
import { isDay } from './days.ts'
import { oneOf } from './fields.ts'
import type { PersonId } from './ids.ts'

/**
 * How much support the plan has now: 'full', or 'waakvlam' — things go well,
 * the professional steps back, the network carries on, and one light
 * check-in date remains (004: the monitoring phase, "ook wel de
 * 'waakvlam' fase genoemd"). "Zo licht als mogelijk, zo zwaar als nodig":
 * anyone, the household first, can turn it back up at any time.
 */
export type SupportLevel = 'full' | 'waakvlam'
export const SUPPORT_LEVELS: readonly SupportLevel[] = ['full', 'waakvlam']

export interface SupportChoice {
  level: SupportLevel
  /** The day to look in once more (YYYY-MM-DD), or null when none was set. */
  checkIn: string | null
}

export interface SupportState extends SupportChoice {
  /** Who made it so, and when; null and 0 for a plan that never changed. */
  by: PersonId | null
  at: number
}

const FULL: SupportState = { level: 'full', checkIn: null, by: null, at: 0 }

/** The plan's waakvlam: a choice with its history, the latest one counts (see Choices). */
export class Waakvlam {
  private readonly choices: Choices<SupportChoice>
  private readonly view: Cached<SupportState[]>

  constructor(map: Y.Map<Y.Map<unknown>>) {
    this.choices = new Choices(map, (fields) => {
      const level = oneOf(fields, 'level', SUPPORT_LEVELS, null)
      const checkIn = fields.get('checkIn')
      return level ? { level, checkIn: level === 'waakvlam' && isDay(checkIn) ? checkIn : null } : null
    })
    this.view = new Cached([this.choices], () =>
      this.choices.history().map((c) => ({ level: c.level, checkIn: c.checkIn, by: c.createdBy, at: c.createdAt })),
    )
  }

  /** Puts the plan on waakvlam, with a day to look in once more (null: none yet). */
  lower(checkIn: string | null, by: PersonId | null): void {
    this.choices.choose({ level: 'waakvlam', checkIn: checkIn !== null && isDay(checkIn) ? checkIn : null }, by)
  }

  /** Turns it back up: full support again. */
  raise(by: PersonId | null): void {
    this.choices.choose({ level: 'full', checkIn: null }, by)
  }

  /** How it is now; full support for a plan that never went to waakvlam. The same object until something changes. */
  state(): SupportState {
    return this.view.get()[0] ?? FULL
  }

  /** Every change, newest first, for "wie zette het op waakvlam, en wanneer"; the same array until something changes. */
  history(): SupportState[] {
    return this.view.get()
  }

  /** Whether the plan is on waakvlam and its check-in day is `today` or has passed. */
  checkInDue(today: string): boolean {
    const { level, checkIn } = this.state()
    return level === 'waakvlam' && checkIn !== null && checkIn <= today
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}
