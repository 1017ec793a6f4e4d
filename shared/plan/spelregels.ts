import type * as Y from 'yjs'
import { asNum, asObject, asText, entries, optionalText, text } from './fields.ts'
import { newId, type PersonId } from './ids.ts'
import { compareText } from './order.ts'
import { InstrumentRecords } from './instrumentRecords.ts'
import type { Stored } from './records.ts'
import { transact } from './transact.ts'

/** One wording a spelregel has had, with who agreed to exactly that wording. */
export interface SpelregelWording {
  revision: string
  text: string
  by: PersonId | null
  at: number
  agreedBy: Record<PersonId, number>
}

/**
 * A "spelregel": one explicit, jointly agreed rule of how we work together
 * (the informal collaborative contract the partnerschapskaart leads to).
 *
 * Agreement belongs to a wording: when the wording changes, nobody has agreed
 * to the new one yet, and the earlier wording stays in `history` with the
 * agreements it had. An agreement given at the same moment someone else
 * changes the wording stays with the wording it was given to, so nobody is
 * ever counted as agreeing to words they did not see. Two people rewording at
 * once both keep their wording: one becomes current, the other shows in the
 * history.
 */
export interface Spelregel {
  /** The current wording. */
  text: string
  notes: string
  proposedBy: PersonId | null
  /** The current wording's id. */
  revision: string
  /** Who wrote the current wording, and when (for "gewijzigd door …"). */
  wordedBy: PersonId | null
  wordedAt: number
  /** Who agreed to the current wording, and when. */
  agreedBy: Record<PersonId, number>
  /** The other wordings, newest first. */
  history: SpelregelWording[]
}

export type StoredSpelregel = Stored<Spelregel>

/*
 * Layout of one rule: `revision` names the current wording; nested map
 * `wordings` holds every wording ever (revision → { text, by, at }); nested
 * map `agreements` holds "<revision>:<person>" → time. Both only grow by
 * fresh keys, so concurrent edits all survive.
 */
function readRule(map: Y.Map<unknown>): Spelregel {
  // A Map, not an object: a revision is whatever a replica wrote before the ':', and '__proto__' must stay a key.
  const agreements = new Map<string, Record<PersonId, number>>()
  for (const [key, at] of Object.entries(entries(map, 'agreements'))) {
    const colon = key.indexOf(':')
    if (colon < 0 || typeof at !== 'number') continue
    const revision = key.slice(0, colon)
    const agreed = agreements.get(revision) ?? {}
    agreed[key.slice(colon + 1)] = at
    agreements.set(revision, agreed)
  }
  const wordings: SpelregelWording[] = []
  for (const [revision, value] of Object.entries(entries(map, 'wordings'))) {
    const wording = asObject(value)
    if (!wording) continue
    const by = wording['by']
    wordings.push({
      revision,
      text: asText(wording['text']),
      by: typeof by === 'string' ? by : null,
      at: asNum(wording['at']),
      agreedBy: agreements.get(revision) ?? {},
    })
  }
  wordings.sort((a, b) => b.at - a.at || compareText(b.revision, a.revision))
  const named = optionalText(map, 'revision')
  // A rule whose current wording did not arrive (or was damaged) shows its newest wording.
  const current = wordings.find((w) => w.revision === named) ?? wordings[0]
  return {
    text: current?.text ?? '',
    notes: text(map, 'notes'),
    proposedBy: optionalText(map, 'proposedBy'),
    revision: current?.revision ?? '',
    wordedBy: current?.by ?? null,
    wordedAt: current?.at ?? 0,
    agreedBy: current?.agreedBy ?? {},
    history: wordings.filter((w) => w !== current),
  }
}

const ruleSpec = { read: readRule, maps: ['wordings', 'agreements'] }

/** The plan's spelregels, each with who proposed it, who agreed and when, and its earlier wordings. */
export class Spelregels extends InstrumentRecords<Spelregel> {
  constructor(private readonly map: Y.Map<Y.Map<unknown>>) {
    super(map, ruleSpec)
  }

  /** Proposes a rule and returns its id. Nobody has agreed yet, not even the one proposing. */
  propose(rule: { text: string; notes?: string }, by: PersonId): string {
    const revision = newId()
    let id = ''
    transact(this.map, () => {
      id = this.records.add({ notes: rule.notes ?? '', proposedBy: by, revision }, by)
      this.records.setEntry(id, 'wordings', revision, { text: rule.text, by, at: Date.now() })
    })
    return id
  }

  /**
   * Changes the wording. The new wording starts without agreements (everyone
   * is asked again) and the old one moves to the history. Returns false,
   * writing nothing, when the rule does not exist or the wording is the same.
   */
  reword(id: string, wording: string, by: PersonId): boolean {
    const rule = this.records.get(id)
    if (!rule || rule.text === wording) return false
    const revision = newId()
    transact(this.map, () => {
      this.records.setEntry(id, 'wordings', revision, { text: wording, by, at: Date.now() })
      this.records.update(id, { revision }, by)
    })
    return true
  }

  /** Changes the explanation beside the rule; agreements stay, because the rule itself did not change. */
  editNotes(id: string, notes: string, by: PersonId): void {
    this.records.update(id, { notes }, by)
  }

  /** Records that `by` agrees to the rule's current wording, now. */
  agree(id: string, by: PersonId): void {
    const rule = this.records.get(id)
    if (rule) this.records.setEntry(id, 'agreements', `${rule.revision}:${by}`, Date.now())
  }

  /** Takes `by`'s agreement to the current wording back. */
  withdrawAgreement(id: string, by: PersonId): void {
    const rule = this.records.get(id)
    if (rule) this.records.deleteEntry(id, 'agreements', `${rule.revision}:${by}`)
  }

  /** Those of `present` who have not (yet) agreed to the current wording. */
  notYet(id: string, present: readonly PersonId[]): PersonId[] {
    const agreed = this.records.get(id)?.agreedBy ?? {}
    return present.filter((person) => !(person in agreed))
  }

  move(id: string, toIndex: number, by: PersonId): void {
    this.records.move(id, toIndex, by)
  }

  /** The visible rules, in order; the same array until something changes. */
  list(): StoredSpelregel[] {
    return this.records.list()
  }

  subscribe(listener: () => void): () => void {
    return this.records.subscribe(listener)
  }
}
