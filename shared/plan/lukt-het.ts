import type * as Y from 'yjs'
import { Cached } from './cached.ts'
import { today } from './days.ts'
import { optionalText, text } from './fields.ts'
import type { PersonId } from './ids.ts'
import { compareText } from './order.ts'
import { InstrumentRecords } from './instrumentRecords.ts'
import type { Stored } from './records.ts'

/**
 * "Lukt het?": a short, dated reflection on one action or on the plan as a
 * whole, written by anyone — household, network or professional alike.
 * Words, never a score: reflections must not turn into indicators.
 */
export interface Evaluation {
  /** The basisteam action it is about, or null for the plan as a whole. */
  action: string | null
  text: string
  /** The day it is about (YYYY-MM-DD), which may be earlier than the day it was written down. */
  date: string
}

export type StoredEvaluation = Stored<Evaluation>

const evaluationSpec = {
  read: (map: Y.Map<unknown>): Evaluation => ({
    action: optionalText(map, 'action'),
    text: text(map, 'text'),
    date: text(map, 'date'),
  }),
}

/** The "Lukt het?" reflections of a plan. */
export class LuktHet extends InstrumentRecords<Evaluation> {
  private readonly view: Cached<StoredEvaluation[]>

  constructor(map: Y.Map<Y.Map<unknown>>) {
    super(map, evaluationSpec)
    this.view = new Cached([this.records], () => [...this.records.list()].sort(byDateThenOrder))
  }

  /** Writes a reflection (about today unless `date` says otherwise) and returns its id. */
  add(evaluation: { action?: string | null; text: string; date?: string }, by: PersonId): string {
    return this.records.add({ action: evaluation.action ?? null, text: evaluation.text, date: evaluation.date ?? today() }, by)
  }

  /** Changes the words or the day. */
  edit(id: string, patch: { text?: string; date?: string }, by: PersonId): void {
    this.records.update(id, patch, by)
  }

  /** Every reflection, newest day first; the same array until something changes. */
  list(): StoredEvaluation[] {
    return this.view.get()
  }

  /** The reflections on one action. */
  forAction(actionId: string): StoredEvaluation[] {
    return this.view.per(`action:${actionId}`, (list) => list.filter((e) => e.action === actionId))
  }

  /** The reflections on the plan as a whole. */
  forPlan(): StoredEvaluation[] {
    return this.view.per('plan', (list) => list.filter((e) => e.action === null))
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

function byDateThenOrder(a: StoredEvaluation, b: StoredEvaluation): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1
  return b.createdAt - a.createdAt || compareText(a.id, b.id)
}
