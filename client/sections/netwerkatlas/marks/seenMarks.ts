import { Changes, marksAcross, type MarkPlace, type PersonId, type PersonMarkKind, type Plan, type RoomSide, type SeenMark, type Source } from '../../../../shared/plan/index.ts'

/** The marks the app treats as sensitive, without notes. */
export type SensitiveKind = Exclude<PersonMarkKind, 'note'>
/** Where a note about a person is written in the netwerkatlas. */
export type NotePlace = Exclude<MarkPlace, ''>

/**
 * A person's sensitive marks as this device sees them: each kind once, in
 * the widest room that holds it. Marks of the first release are fields of
 * the instruments in the plan room (the familiekaart's deceased and
 * outOfContact, the relatiekaart's strained, each instrument's note); they
 * count too, as marks in the plan room without a record of their own
 * (`legacy`), so nothing said before disappears.
 */
export interface PersonSensitivity {
  marks: Partial<Record<SensitiveKind, Seen>>
  notes: Partial<Record<NotePlace, Seen>>
}

export type Seen = SeenMark & { legacy: boolean }

/**
 * Every room's marks and the instruments' own, as one Source: the views
 * read `of(person)`, which stays the same object until something changes.
 */
export class SeenMarks implements Source {
  private readonly changes = new Changes()
  private readonly stops: (() => void)[]
  private changed = 0
  private readonly cache = new Map<PersonId, { version: number; value: PersonSensitivity }>()

  constructor(
    private readonly plan: Plan,
    private readonly sides: readonly RoomSide[],
  ) {
    const { familiekaart, relatiekaart, contactschema } = plan.netwerkatlas
    const sources: Source[] = [familiekaart, relatiekaart, contactschema, ...sides.map((side) => side.plan.personMarks)]
    this.stops = sources.map((source) =>
      source.subscribe(() => {
        this.changed++
        this.changes.notify()
      }),
    )
  }

  readonly subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener)

  /** A number that changes whenever any mark might have: a snapshot for views that redraw many people at once. */
  get version(): number {
    return this.changed
  }

  /** A person's marks and notes; the same object until one of the rooms or instruments changes. */
  of(person: PersonId): PersonSensitivity {
    const known = this.cache.get(person)
    if (known && known.version === this.changed) return known.value
    const value = this.compute(person)
    this.cache.set(person, { version: this.changed, value })
    return value
  }

  destroy(): void {
    for (const stop of this.stops) stop()
    this.changes.clear()
  }

  private compute(person: PersonId): PersonSensitivity {
    const result: PersonSensitivity = { marks: {}, notes: {} }
    const { familiekaart, relatiekaart, contactschema } = this.plan.netwerkatlas
    const member = familiekaart.member(person)
    const placed = relatiekaart.get(person)
    const contact = contactschema.get(person)
    const legacy = (kind: PersonMarkKind, place: MarkPlace, text: string): Seen => ({ kind, place, text, room: 'plan', id: '', createdBy: null, legacy: true })
    // The first release's fields are in the plan room, the widest: they win over a copy in a smaller room.
    if (member?.deceased) result.marks.passedAway = legacy('passedAway', '', '')
    if (member?.outOfContact) result.marks.noContact = legacy('noContact', '', '')
    if (placed?.strained) result.marks.difficultContact = legacy('difficultContact', '', '')
    if (member?.note) result.notes.familiekaart = legacy('note', 'familiekaart', member.note)
    if (placed?.note) result.notes.relatiekaart = legacy('note', 'relatiekaart', placed.note)
    if (contact?.note) result.notes.contactschema = legacy('note', 'contactschema', contact.note)
    for (const mark of marksAcross(this.sides, person)) {
      const seen = { ...mark, legacy: false }
      if (mark.kind === 'note') {
        if (mark.place !== '') result.notes[mark.place] ??= seen
      } else result.marks[mark.kind] ??= seen
    }
    return result
  }
}
