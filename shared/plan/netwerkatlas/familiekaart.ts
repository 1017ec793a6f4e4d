import type * as Y from 'yjs'
import { Cached } from '../cached.ts'
import { bool, oneOf, optionalNum, text, type FieldSource } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import { KeyedRecords, type KeyedMeta } from '../keyedRecords.ts'
import type { Person } from '../people.ts'
import type { PersonReference, PersonReferences, PersonReferenceSource, ReferencedPerson } from '../personReferences.ts'
import type { RecordList } from '../records.ts'
import { transact } from '../transact.ts'
import { compareText } from '../order.ts'
import { withPeople } from './showPeople.ts'

/**
 * Generations count from the household's own: 0 is "our generation", -1 our
 * parents, -2 grandparents, 1 our children. Kept within a range a drawing
 * can hold, each with its words in ATLAS_LABELS.generations.
 */
export const GENERATIONS = { oldest: -3, youngest: 3 } as const

/** A person as they appear in the familiekaart. Marks are said with care: no clinical codes. */
export interface FamilyMemberFields {
  generation: number
  birthYear: number | null
  /** Has passed away. */
  deceased: boolean
  /** There is no contact (now). */
  outOfContact: boolean
  note: string
}

export type FamilyMember = FamilyMemberFields & KeyedMeta & { person: ReferencedPerson }

/** A line in the familiekaart. For 'ouder-kind', `a` is the parent and `b` the child. */
export type FamilyLinkKind = 'ouder-kind' | 'partner' | 'ex-partner'
export const FAMILY_LINK_KINDS: readonly FamilyLinkKind[] = ['ouder-kind', 'partner', 'ex-partner']

export interface FamilyLink {
  /** Stable for the pair: two people adding the same line at once make one line. */
  id: string
  kind: FamilyLinkKind
  a: ReferencedPerson
  b: ReferencedPerson
  updatedBy: PersonId | null
  updatedAt: number
}

const memberSpec = {
  // A member is someone with a generation; without one there is no row to draw them in.
  read: (fields: FieldSource): FamilyMemberFields | null => {
    const generation = optionalNum(fields, 'generation')
    if (generation === null) return null
    return {
      generation: clampGeneration(generation),
      birthYear: year(optionalNum(fields, 'birthYear')),
      deceased: bool(fields, 'deceased'),
      outOfContact: bool(fields, 'outOfContact'),
      note: text(fields, 'note'),
    }
  },
}

interface StoredLink {
  kind: FamilyLinkKind
  a: PersonId
  b: PersonId
}

const linkSpec = {
  read: (fields: FieldSource): StoredLink | null => {
    const kind = oneOf(fields, 'kind', FAMILY_LINK_KINDS, null)
    const a = text(fields, 'a')
    const b = text(fields, 'b')
    return kind && a && b && a !== b ? { kind, a, b } : null
  },
}

export interface FamilyView {
  members: FamilyMember[]
  links: FamilyLink[]
}

/**
 * De familiekaart: the family across generations, drawn from people on the
 * plan's one people list and the lines between them. Each person is in it at
 * most once (keyed by person id); each pair has at most one line of a kind,
 * and partner / ex-partner is one line whose kind changes.
 */
export class Familiekaart implements PersonReferenceSource {
  readonly instrument = 'familiekaart'
  private readonly members: KeyedRecords<FamilyMemberFields>
  private readonly lines: KeyedRecords<StoredLink>
  private readonly view: Cached<FamilyView>

  constructor(
    private readonly memberMap: Y.Map<unknown>,
    linkMap: Y.Map<unknown>,
    private readonly people: RecordList<Person>,
    private readonly references: PersonReferences,
  ) {
    this.members = new KeyedRecords(memberMap, memberSpec)
    this.lines = new KeyedRecords(linkMap, linkSpec)
    this.view = new Cached([this.members, this.lines, references], () => this.compute())
  }

  /**
   * Puts a person in the familiekaart in a generation, with any details
   * given. Details left out start empty (nothing kept from an earlier time in
   * the kaart), and only given ones are written, so a mark someone else sets
   * at the same moment is not overwritten. For someone already in it, this
   * changes the given details only.
   */
  add(person: PersonId, member: { generation: number } & Partial<Omit<FamilyMemberFields, 'generation'>>, by: PersonId | null): void {
    transact(this.memberMap, () => {
      if (!this.members.get(person)) this.members.clear(person)
      this.members.set(person, this.fieldsToWrite(member), by)
    })
  }

  /** Changes some details of someone already in the familiekaart; does nothing for anyone else. */
  update(person: PersonId, patch: Partial<FamilyMemberFields>, by: PersonId | null): void {
    if (this.members.get(person)) this.members.set(person, this.fieldsToWrite(patch), by)
  }

  /** Takes a person out of the familiekaart with their lines (they stay on the people list). */
  removeMember(person: PersonId): void {
    transact(this.memberMap, () => {
      this.members.clear(person)
      for (const line of this.lines.list()) if (line.a === person || line.b === person) this.lines.clear(line.key)
    })
  }

  /**
   * Draws a line between two people and returns its id (null for a line from
   * someone to themselves). Whoever is not in the familiekaart yet joins it
   * in the generation the line implies: a parent one above the child, a
   * partner beside. Linking a pair again as partner or ex-partner changes
   * that one line.
   */
  link(kind: FamilyLinkKind, a: PersonId, b: PersonId, by: PersonId | null): string | null {
    if (a === b) return null
    const id = linkId(kind, a, b)
    transact(this.memberMap, () => {
      this.joinBeside(kind, a, b, by)
      this.lines.set(id, { kind, a, b }, by)
    })
    return id
  }

  /** Removes a line. */
  unlink(id: string): void {
    this.lines.clear(id)
  }

  /** One member, or undefined when the person is not in the familiekaart (or hidden after removal). */
  member(person: PersonId): FamilyMember | undefined {
    return this.view.per(`member:${person}`, (v) => v.members.find((m) => m.person.id === person))
  }

  /** Everyone in the familiekaart, oldest generation first, then in people-list order. */
  list(): FamilyMember[] {
    return this.view.get().members
  }

  /** The members by generation, oldest first; only generations someone is in. */
  generations(): { generation: number; members: FamilyMember[] }[] {
    return this.view.per('generations', (v) => {
      const found = [...new Set(v.members.map((m) => m.generation))].sort((x, y) => x - y)
      return found.map((generation) => ({ generation, members: v.members.filter((m) => m.generation === generation) }))
    })
  }

  /** The lines whose two people are both shown in the familiekaart. */
  links(): FamilyLink[] {
    return this.view.get().links
  }

  /** The lines one person has. */
  linksOf(person: PersonId): FamilyLink[] {
    return this.view.per(`links:${person}`, (v) => v.links.filter((l) => l.a.id === person || l.b.id === person))
  }

  /** People on the list who are not in the familiekaart yet (for the picker). */
  notInKaart(): PersonId[] {
    return this.view.per('notIn', (v) => {
      const inKaart = new Set(v.members.map((m) => m.person.id))
      return this.people.list().map((p) => p.id).filter((id) => !inKaart.has(id))
    })
  }

  /**
   * The people the familiekaart marks as passed away, in its order. Views
   * leave them out wherever someone is asked to do, answer or be something
   * now (a role, an action, "Wie ben jij?"), and keep them where the past is
   * told (the gebeurteniskaart).
   */
  passedAway(): PersonId[] {
    return this.view.per('passedAway', (v) => v.members.filter((m) => m.deceased).map((m) => m.person.id))
  }

  /** The birth year the familiekaart knows for a person, or null. */
  birthYearOf(person: PersonId): number | null {
    return this.members.get(person)?.birthYear ?? null
  }

  referencesTo(person: PersonId): PersonReference[] {
    const found: PersonReference[] = []
    if (this.members.get(person)) found.push({ instrument: this.instrument, kind: 'member', id: person })
    for (const line of this.lines.list()) if (line.a === person || line.b === person) found.push({ instrument: this.instrument, kind: 'link', id: line.key })
    return found
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private fieldsToWrite(patch: Partial<FamilyMemberFields>): Partial<FamilyMemberFields> {
    return {
      ...patch,
      generation: patch.generation === undefined ? undefined : clampGeneration(patch.generation),
      birthYear: patch.birthYear === undefined ? undefined : year(patch.birthYear),
    }
  }

  private joinBeside(kind: FamilyLinkKind, a: PersonId, b: PersonId, by: PersonId | null): void {
    const ga = this.members.get(a)?.generation
    const gb = this.members.get(b)?.generation
    const step = kind === 'ouder-kind' ? 1 : 0 // b's generation minus a's
    if (ga === undefined && gb === undefined) {
      this.add(a, { generation: -step }, by)
      this.add(b, { generation: 0 }, by)
    } else if (ga === undefined && gb !== undefined) this.add(a, { generation: gb - step }, by)
    else if (gb === undefined && ga !== undefined) this.add(b, { generation: ga + step }, by)
  }

  private compute(): FamilyView {
    // withPeople gives people-list order; the stable sort keeps it within each generation.
    const members: FamilyMember[] = withPeople(this.members.list(), this.people, this.references).sort((x, y) => x.generation - y.generation)
    const shown = new Map(members.map((m) => [m.person.id, m.person]))
    const links: FamilyLink[] = []
    for (const line of this.lines.list()) {
      const a = shown.get(line.a)
      const b = shown.get(line.b)
      if (a && b) links.push({ id: line.key, kind: line.kind, a, b, updatedBy: line.updatedBy, updatedAt: line.updatedAt })
    }
    links.sort((x, y) => compareText(x.id, y.id))
    return { members, links }
  }
}

/** The id of the line between two people: one per parent-child pair, one per couple (partner or ex-partner). */
export function linkId(kind: FamilyLinkKind, a: PersonId, b: PersonId): string {
  if (kind === 'ouder-kind') return `ouder-kind:${escapeId(a)}:${escapeId(b)}`
  const [first, second] = a < b ? [a, b] : [b, a]
  return `paar:${escapeId(first)}:${escapeId(second)}`
}

/** Keeps the ':' between ids unambiguous whatever an id contains. */
function escapeId(id: PersonId): string {
  return id.replaceAll('%', '%25').replaceAll(':', '%3A')
}

function clampGeneration(value: number): number {
  const whole = Number.isFinite(value) ? Math.round(value) : 0
  return Math.max(GENERATIONS.oldest, Math.min(GENERATIONS.youngest, whole))
}

function year(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= 1000 && value <= 2999 ? value : null
}
