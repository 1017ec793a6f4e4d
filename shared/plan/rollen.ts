import type * as Y from 'yjs'
import { mayWithdrawAtTable, readAtTable, type AtTable, type AtTableAct, type AtTableSource } from './aanTafel.ts'
import type { Consent } from './basisteam.ts'
import { Cached } from './cached.ts'
import { asNum, asObject, asText, optionalText, text } from './fields.ts'
import type { PersonId } from './ids.ts'
import type { PersonReference, PersonReferenceSource, PersonVisibility } from './personReferences.ts'
import { InstrumentRecords } from './instrumentRecords.ts'
import type { FieldValue, Stored } from './records.ts'

/**
 * A role someone takes in the collaboration and what they are responsible
 * for. "Gelijkwaardig is niet hetzelfde als gelijk": responsibilities differ
 * and are visible, while every voice counts the same. A person may have
 * several. (Not to be confused with a person's access role in Kring.)
 *
 * Nobody is given a role without their own yes (issue 11; mantelzorg is
 * "nooit verplicht"): a role someone else proposes is "gevraagd" until that
 * person answers, and stands only after their yes to these very words.
 * A role a person writes for themselves stands at once.
 */
export interface Rol {
  person: PersonId | null
  /** The role in the household's words: "aanspreekpunt", "mantelzorger", "wijkcoach". */
  name: string
  /** What they take care of, in a sentence or two. */
  responsibilities: string
  /** The person's own answer to the role as it reads now: asked (gevraagd), yes, or no. */
  consent: Consent
  /** When they answered; null while asked. */
  answeredAt: number | null
  /** Set when the answer was given for them at the table (aanTafel.ts) and they have not made it their own yet. */
  atTable: AtTable | null
}

export type StoredRol = Stored<Rol>

/*
 * The answer is one plain field written only by the person (through
 * `answer`), holding the words they answered to: when someone else changes
 * the role's name or responsibilities afterwards, it reads as asked again.
 * An answer given for them at the table is a field of its own
 * (`answerAtTable`, with who recorded it), so it never passes for theirs; the
 * newer of the two counts. Roles written before answers existed have none:
 * they stand when the person wrote them, and are asked otherwise.
 */
const rolSpec = {
  read: (map: Y.Map<unknown>): Rol => {
    const person = optionalText(map, 'person')
    const name = text(map, 'name')
    const responsibilities = text(map, 'responsibilities')
    const own = readAnswer(map.get('answer'), name, responsibilities)
    const forThem = readAnswer(map.get('answerAtTable'), name, responsibilities)
    const table = forThem ? readAtTable(map.get('answerAtTable')) : null
    const counts = forThem && table && (!own || forThem.at > own.at) ? forThem : own
    if (counts) return { person, name, responsibilities, consent: counts.current ? counts.consent : 'asked', answeredAt: counts.current ? counts.at : null, atTable: counts === forThem && counts.current ? table : null }
    const ownWords = person !== null && optionalText(map, 'createdBy') === person
    return { person, name, responsibilities, consent: ownWords ? 'yes' : 'asked', answeredAt: null, atTable: null }
  },
}

/** A stored answer, and whether it was given to the role's words as they read now. */
function readAnswer(value: unknown, name: string, responsibilities: string): { consent: 'yes' | 'no'; at: number; current: boolean } | null {
  const answer = asObject(value)
  const said = answer?.['consent']
  if (!answer || (said !== 'yes' && said !== 'no')) return null
  return { consent: said, at: asNum(answer['at']), current: asText(answer['name']) === name && asText(answer['responsibilities']) === responsibilities }
}

/** Roles and responsibilities, per person. */
export class Rollen extends InstrumentRecords<Rol> implements PersonReferenceSource, AtTableSource {
  readonly instrument = 'rollen'
  private readonly view: Cached<StoredRol[]>

  /** `shown` hides the roles of people removed with "weghalen" (kept, and back when they are put back). */
  constructor(map: Y.Map<Y.Map<unknown>>, shown: PersonVisibility) {
    super(map, rolSpec)
    this.view = new Cached([this.records, shown], () => this.records.list().filter((r) => r.person === null || shown.isShown(r.person)))
  }

  /**
   * Proposes a role for a person and returns its id: "gevraagd" until they
   * answer. A role you give yourself stands at once.
   */
  add(rol: { person: PersonId; name: string; responsibilities?: string }, by: PersonId): string {
    const responsibilities = rol.responsibilities ?? ''
    const fields = { person: rol.person, name: rol.name, responsibilities }
    return this.records.add(rol.person === by ? withAnswer(fields, answerOf('yes', rol.name, responsibilities)) : fields, by)
  }

  /**
   * Changes a role's name or responsibilities. Changed by anyone but the
   * person, it is asked again (their yes was to the old words); changed by
   * the person, it is theirs as it reads now.
   */
  edit(id: string, patch: { name?: string; responsibilities?: string }, by: PersonId): void {
    const rol = this.records.get(id)
    if (!rol) return
    const name = patch.name ?? rol.name
    const responsibilities = patch.responsibilities ?? rol.responsibilities
    this.records.update(id, rol.person === by ? withAnswer(patch, answerOf('yes', name, responsibilities)) : patch, by)
  }

  /**
   * The person's own answer to a role proposed for them: yes (it stands) or
   * no. Only that person answers; returns false, writing nothing, for anyone
   * else or a role that does not exist.
   */
  answer(id: string, consent: 'yes' | 'no', by: PersonId): boolean {
    const rol = this.records.get(id)
    if (!rol || rol.person !== by) return false
    // Their own word replaces one given for them at the table.
    this.records.update(id, withAnswer({ answerAtTable: null } as { [K in keyof Rol]?: FieldValue }, answerOf(consent, rol.name, rol.responsibilities)), by)
    return true
  }

  /**
   * "Aan tafel": `person` answers a role proposed for them, at the table, and
   * `by` records it for them (aanTafel.ts). Returns false for `by` answering
   * for themselves (that is `answer`) or a role that is not `person`'s.
   */
  answerAtTable(id: string, consent: 'yes' | 'no', person: PersonId, by: PersonId): boolean {
    const rol = this.records.get(id)
    if (!rol || rol.person !== person || person === by) return false
    this.records.update(id, { answerAtTable: { ...answerOf(consent, rol.name, rol.responsibilities), by } } as { [K in keyof Rol]?: FieldValue }, by)
    return true
  }

  atTableFor(person: PersonId): AtTableAct[] {
    return this.view.per(`atTable:${person}`, (list) =>
      list.flatMap((rol) => (rol.person === person && rol.atTable && rol.consent !== 'asked' ? [{ instrument: this.instrument, id: rol.id, person, said: rol.consent, ...rol.atTable }] : [])),
    )
  }

  /** The person makes the answer given for them at the table their own. */
  confirm(act: AtTableAct, by: PersonId): boolean {
    const rol = this.records.get(act.id)
    if (by !== act.person || !rol?.atTable || rol.consent === 'asked') return false
    return this.answer(act.id, rol.consent, by)
  }

  /** Takes back an answer given at the table: by its person, or by whoever recorded it. */
  withdraw(act: AtTableAct, by: PersonId): boolean {
    const rol = this.records.get(act.id)
    if (!rol?.atTable || rol.person !== act.person || !mayWithdrawAtTable({ person: act.person, by: rol.atTable.by }, by)) return false
    this.records.update(act.id, { answerAtTable: null } as { [K in keyof Rol]?: FieldValue }, by)
    return true
  }

  /** The roles proposed to a person that wait for their answer ("gevraagd"). */
  askedOf(person: PersonId): StoredRol[] {
    return this.view.per(`asked:${person}`, (list) => list.filter((r) => r.person === person && r.consent === 'asked'))
  }

  /** Moves a role among the roles of the same person. */
  move(id: string, toIndex: number, by: PersonId): void {
    const rol = this.records.get(id)
    if (rol) this.records.move(id, toIndex, by, (other) => other.person === rol.person)
  }

  /** Every visible role, in order; the same array until something changes. */
  list(): StoredRol[] {
    return this.view.get()
  }

  /** One person's roles. */
  of(person: PersonId): StoredRol[] {
    return this.view.per(person, (list) => list.filter((r) => r.person === person))
  }

  /** The roles (also removed ones) of this person. */
  referencesTo(person: PersonId): PersonReference[] {
    return [...this.records.list(), ...this.records.removed()]
      .filter((r) => r.person === person)
      .map((r) => ({ instrument: this.instrument, kind: 'rol', id: r.id }))
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

function answerOf(consent: 'yes' | 'no', name: string, responsibilities: string): { consent: 'yes' | 'no'; at: number; name: string; responsibilities: string } {
  return { consent, at: Date.now(), name, responsibilities }
}

/** Fields to write with the stored `answer` beside them (a field of the layout, read into `consent`, not one of Rol's own). */
function withAnswer(fields: { [K in keyof Rol]?: FieldValue }, answer: ReturnType<typeof answerOf>): { [K in keyof Rol]?: FieldValue } {
  return { ...fields, answer } as { [K in keyof Rol]?: FieldValue }
}
