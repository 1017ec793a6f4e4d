import type { Basisteam, Consent } from '../basisteam.ts'
import { asNum, asObject, asText, bool, objectList, oneOf, optionalNum, optionalText, plainFields, text, type FieldSource } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import type { Person } from '../people.ts'
import type { RecordList } from '../records.ts'
import type { Team } from '../team.ts'
import type { OnzeVragen } from '../vragen.ts'
import { MEETING_STEP_KINDS, type MeetingStepKind, type StoredMeetingStep } from './agenda.ts'

/**
 * The short record a meeting leaves in the plan ("verslag"): who was there,
 * which steps, the questions, what was decided and who does what. Written
 * once when the meeting ends, as plain values, so it keeps saying what the
 * meeting was even when the plan moves on; names are kept beside ids, so
 * it reads the same after someone leaves the people list.
 */
export interface MeetingRecord {
  startedAt: number
  endedAt: number
  endedBy: PersonId | null
  gespreksleider: NamedPerson | null
  /** Who was there: with a device of their own, or at the table via someone else's. */
  present: (NamedPerson & { via: NamedPerson | null })[]
  steps: { kind: MeetingStepKind; title: string; skipped: boolean; reachedAt: number | null }[]
  questions: { id: string; text: string }[]
  /** "Wat we hebben afgesproken", as written during the meeting. */
  decided: string
  /** Who does what: the actions asked of someone during the meeting, with each person's answer then. */
  actions: { id: string; wat: string; wie: (NamedPerson & { consent: Consent; atTable: boolean })[] }[]
  team: (NamedPerson & { consent: Consent })[]
  aanspreekpunt: (NamedPerson & { consent: Consent }) | null
}

export interface NamedPerson {
  person: PersonId
  name: string
}

/** What a record is made from: the meeting's own facts and the plan's instruments. */
export interface RecordSources {
  people: RecordList<Person>
  vragen: OnzeVragen
  basisteam: Basisteam
  team: Team
}

export interface MeetingFacts {
  id: string
  startedAt: number
  gespreksleider: PersonId | null
  present: Record<PersonId, number>
  atTable: Record<PersonId, { via: PersonId; at: number }>
  steps: StoredMeetingStep[]
  decided: string
}

/** Builds the record of a meeting ending now. */
export function buildMeetingRecord(facts: MeetingFacts, sources: RecordSources, ended: { at: number; by: PersonId | null }): MeetingRecord {
  const named = (person: PersonId): NamedPerson => ({ person, name: sources.people.get(person)?.name ?? '' })
  const during = (at: number) => at >= facts.startedAt && at <= ended.at
  const presentIds = [...new Set([...Object.keys(facts.present), ...Object.keys(facts.atTable)])]
  const aanspreekpunt = sources.team.aanspreekpunt()
  return {
    startedAt: facts.startedAt,
    endedAt: ended.at,
    endedBy: ended.by,
    gespreksleider: facts.gespreksleider === null ? null : named(facts.gespreksleider),
    present: presentIds
      .map((person) => {
        const seat = facts.atTable[person]
        return { ...named(person), via: seat && !(person in facts.present) ? named(seat.via) : null, at: facts.present[person] ?? seat?.at ?? 0 }
      })
      .sort((a, b) => a.at - b.at)
      .map(({ at: _at, ...person }) => person),
    steps: facts.steps.map((step) => ({ kind: step.kind, title: step.title, skipped: step.skipped, reachedAt: step.reachedAt })),
    questions: sources.vragen.forMeeting(facts.id).map((q) => ({ id: q.id, text: q.text })),
    decided: facts.decided,
    actions: sources.basisteam
      .list()
      .filter((action) => during(action.createdAt) || action.wie.some((h) => during(h.askedAt) || (h.answeredAt !== null && during(h.answeredAt))))
      .map((action) => ({ id: action.id, wat: action.wat, wie: action.wie.map((h) => ({ ...named(h.person), consent: h.consent, atTable: h.atTable !== null })) })),
    team: sources.team.list().map((member) => ({ ...named(member.person), consent: member.consent })),
    aanspreekpunt: aanspreekpunt ? { ...named(aanspreekpunt.person), consent: aanspreekpunt.consent } : null,
  }
}

const CONSENTS: readonly Consent[] = ['asked', 'yes', 'no']

/** Reads a stored record; null for anything that is not one. Never throws. */
export function readMeetingRecord(value: unknown): MeetingRecord | null {
  const record = asObject(value)
  if (!record) return null
  const fields = plainFields(record)
  const person = (source: FieldSource): NamedPerson => ({ person: text(source, 'person'), name: text(source, 'name') })
  const optionalPerson = (source: unknown): NamedPerson | null => (asObject(source) ? person(plainFields(source)) : null)
  const aanspreekpunt = asObject(record['aanspreekpunt'])
  return {
    startedAt: asNum(record['startedAt']),
    endedAt: asNum(record['endedAt']),
    endedBy: optionalText(fields, 'endedBy'),
    gespreksleider: optionalPerson(record['gespreksleider']),
    present: objectList(record['present']).map((p) => ({ ...person(p), via: optionalPerson(p.get('via')) })),
    steps: objectList(record['steps']).map((s) => ({ kind: oneOf(s, 'kind', MEETING_STEP_KINDS, 'eigen'), title: text(s, 'title'), skipped: bool(s, 'skipped'), reachedAt: optionalNum(s, 'reachedAt') })),
    questions: objectList(record['questions']).map((q) => ({ id: text(q, 'id'), text: text(q, 'text') })),
    decided: asText(record['decided']),
    actions: objectList(record['actions']).map((a) => ({
      id: text(a, 'id'),
      wat: text(a, 'wat'),
      wie: objectList(a.get('wie')).map((h) => ({ ...person(h), consent: oneOf(h, 'consent', CONSENTS, 'asked'), atTable: bool(h, 'atTable') })),
    })),
    team: objectList(record['team']).map((m) => ({ ...person(m), consent: oneOf(m, 'consent', CONSENTS, 'asked') })),
    aanspreekpunt: aanspreekpunt ? { ...person(plainFields(aanspreekpunt)), consent: oneOf(plainFields(aanspreekpunt), 'consent', CONSENTS, 'asked') } : null,
  }
}
