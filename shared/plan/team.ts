import type * as Y from 'yjs'
import { isHousehold } from '../protocol/roles.ts'
import type { Actor } from './actor.ts'
import { mayWithdrawAtTable, readAtTable, type AtTable, type AtTableAct, type AtTableSource } from './aanTafel.ts'
import type { Consent } from './basisteam.ts'
import { Cached } from './cached.ts'
import { fromY } from './changes.ts'
import { asNum, asObject, asText } from './fields.ts'
import type { PersonId } from './ids.ts'
import { compareText } from './order.ts'
import type { PersonReference, PersonReferenceSource, PersonVisibility } from './personReferences.ts'
import { transact } from './transact.ts'

/** Someone asked to be in the basisteam, with their own answer. */
export interface TeamMember {
  person: PersonId
  consent: Consent
  askedBy: PersonId | null
  askedAt: number
  /** When they answered; null while asked. */
  answeredAt: number | null
  /** Set when the answer was given for them at the table (aanTafel.ts) and they have not made it their own yet. */
  atTable: AtTable | null
}

/** The one aanspreekpunt the household chose, and that person's own answer. */
export interface Aanspreekpunt {
  person: PersonId
  chosenBy: PersonId | null
  chosenAt: number
  consent: Consent
  atTable: AtTable | null
}

/*
 * Layout: two top-level Y.Maps of plain values, each key written by one kind
 * of writer, so nobody's answer is ever overwritten by someone else's ask:
 *   basisteam-leden            `<person>/ask` → { by, at }    (whoever asks)
 *                              `<person>/answer` → { consent, at }    (only the person)
 *                              `<person>/atTable` → { consent, at, by }    (at the table, for them)
 *   basisteam-aanspreekpunt    `chosen` → { person, by, at }    (the household)
 *                              `answer` → { person, consent, at }    (only the chosen person)
 *                              `atTable` → { person, consent, at, by }
 * An answer names the person it answers for, so a yes to being aanspreekpunt
 * never carries over to the next person chosen.
 */
const MEMBER_ID = 'lid'
const AANSPREEKPUNT_ID = 'aanspreekpunt'

/**
 * "Samenstellen basisteam" (issue 10): the basisteam becomes a team — who is
 * in it, and one aanspreekpunt the household chooses. Being in the team is,
 * like every ask, "gevraagd" until the person's own yes; the actions of the
 * team stay in Basisteam (wie doet wat), each with its own yes.
 */
export class Team implements PersonReferenceSource, AtTableSource {
  readonly instrument = 'team'
  private readonly view: Cached<{ members: TeamMember[]; aanspreekpunt: Aanspreekpunt | null }>

  constructor(
    private readonly members: Y.Map<unknown>,
    private readonly contact: Y.Map<unknown>,
    shown: PersonVisibility,
  ) {
    this.view = new Cached([fromY(members), fromY(contact), shown], () => {
      const list = this.readMembers().filter((member) => shown.isShown(member.person))
      const chosen = this.readAanspreekpunt()
      return { members: list, aanspreekpunt: chosen && shown.isShown(chosen.person) ? chosen : null }
    })
  }

  /** Asks a person to be in the basisteam: "gevraagd" until they answer. Asking yourself is saying yes. Returns false when they were asked already. */
  ask(person: PersonId, by: PersonId): boolean {
    if (this.members.has(memberKey(person, 'ask'))) return false
    const at = Date.now()
    transact(this.members, () => {
      this.members.set(memberKey(person, 'ask'), { by, at })
      if (person === by) this.members.set(memberKey(person, 'answer'), { consent: 'yes', at })
    })
    return true
  }

  /** The person's own answer to being asked; replaces one given for them at the table. Returns false when `by` was not asked. */
  answer(consent: 'yes' | 'no', by: PersonId): boolean {
    if (!this.members.has(memberKey(by, 'ask'))) return false
    transact(this.members, () => {
      this.members.set(memberKey(by, 'answer'), { consent, at: Date.now() })
      if (this.members.has(memberKey(by, 'atTable'))) this.members.delete(memberKey(by, 'atTable'))
    })
    return true
  }

  /** "Aan tafel": `person`, asked and at the table, answers, and `by` records it for them. */
  answerAtTable(person: PersonId, consent: 'yes' | 'no', by: PersonId): boolean {
    if (person === by || !this.members.has(memberKey(person, 'ask'))) return false
    this.members.set(memberKey(person, 'atTable'), { consent, at: Date.now(), by })
    return true
  }

  /**
   * Takes someone out of the team. Someone who said yes leaves only by
   * themselves; an open ask or a no may be taken back by anyone. Returns
   * whether they were taken out.
   */
  release(person: PersonId, by: PersonId): boolean {
    const member = this.member(person)
    if (!member || (member.consent === 'yes' && by !== person)) return false
    transact(this.members, () => {
      for (const part of ['ask', 'answer', 'atTable']) if (this.members.has(memberKey(person, part))) this.members.delete(memberKey(person, part))
    })
    return true
  }

  /** Everyone asked, oldest ask first (people removed with "weghalen" hidden); the same array until something changes. */
  list(): TeamMember[] {
    return this.view.get().members
  }

  /** One person's place in the team, or undefined. */
  member(person: PersonId): TeamMember | undefined {
    return this.view.per(`member:${person}`, ({ members }) => members.find((m) => m.person === person))
  }

  /**
   * The household chooses the aanspreekpunt: one person, asked into the team
   * if they were not; it stands with their own yes ("gevraagd" until then).
   * Choosing yourself is saying yes. Returns false, changing nothing, for
   * anyone but the household.
   */
  chooseAanspreekpunt(person: PersonId, actor: Actor): boolean {
    if (!isHousehold(actor.role) || actor.person === null) return false
    const by = actor.person
    const at = Date.now()
    transact(this.contact, () => {
      this.ask(person, by)
      this.contact.set('chosen', { person, by, at })
      if (person === by) this.contact.set('answer', { person, consent: 'yes', at })
    })
    return true
  }

  /** The chosen person's own answer to being aanspreekpunt. Returns false for anyone else. */
  answerAanspreekpunt(consent: 'yes' | 'no', by: PersonId): boolean {
    if (this.readAanspreekpunt()?.person !== by) return false
    transact(this.contact, () => {
      this.contact.set('answer', { person: by, consent, at: Date.now() })
      if (this.contact.has('atTable')) this.contact.delete('atTable')
    })
    return true
  }

  /** "Aan tafel": the chosen aanspreekpunt answers at the table, and `by` records it for them. */
  answerAanspreekpuntAtTable(consent: 'yes' | 'no', by: PersonId): boolean {
    const chosen = this.readAanspreekpunt()
    if (!chosen || chosen.person === by) return false
    this.contact.set('atTable', { person: chosen.person, consent, at: Date.now(), by })
    return true
  }

  /** The aanspreekpunt, with their answer; null before the household chose one (or when they were removed with "weghalen"). */
  aanspreekpunt(): Aanspreekpunt | null {
    return this.view.get().aanspreekpunt
  }

  atTableFor(person: PersonId): AtTableAct[] {
    return this.view.per(`atTable:${person}`, ({ members, aanspreekpunt }) => {
      const acts: AtTableAct[] = []
      const member = members.find((m) => m.person === person)
      if (member?.atTable && member.consent !== 'asked') acts.push({ instrument: this.instrument, id: MEMBER_ID, person, said: member.consent, ...member.atTable })
      if (aanspreekpunt?.person === person && aanspreekpunt.atTable && aanspreekpunt.consent !== 'asked') {
        acts.push({ instrument: this.instrument, id: AANSPREEKPUNT_ID, person, said: aanspreekpunt.consent, ...aanspreekpunt.atTable })
      }
      return acts
    })
  }

  confirm(act: AtTableAct, by: PersonId): boolean {
    if (by !== act.person) return false
    if (act.id === AANSPREEKPUNT_ID) {
      const chosen = this.aanspreekpunt()
      return chosen?.person === by && chosen.atTable !== null && chosen.consent !== 'asked' && this.answerAanspreekpunt(chosen.consent, by)
    }
    const member = this.member(by)
    return member?.atTable != null && member.consent !== 'asked' && this.answer(member.consent, by)
  }

  withdraw(act: AtTableAct, by: PersonId): boolean {
    if (act.id === AANSPREEKPUNT_ID) {
      const chosen = this.aanspreekpunt()
      if (chosen?.person !== act.person || !chosen.atTable || !mayWithdrawAtTable({ person: act.person, by: chosen.atTable.by }, by)) return false
      this.contact.delete('atTable')
      return true
    }
    const member = this.member(act.person)
    if (!member?.atTable || !mayWithdrawAtTable({ person: act.person, by: member.atTable.by }, by)) return false
    this.members.delete(memberKey(act.person, 'atTable'))
    return true
  }

  referencesTo(person: PersonId): PersonReference[] {
    const refs: PersonReference[] = []
    if (this.members.has(memberKey(person, 'ask'))) refs.push({ instrument: this.instrument, kind: 'member', id: person })
    if (this.readAanspreekpunt()?.person === person) refs.push({ instrument: this.instrument, kind: 'aanspreekpunt', id: person })
    return refs
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private readMembers(): TeamMember[] {
    const people = new Set<PersonId>()
    for (const key of this.members.keys()) {
      const at = key.lastIndexOf('/')
      if (at > 0) people.add(key.slice(0, at))
    }
    const result: TeamMember[] = []
    for (const person of people) {
      const ask = asObject(this.members.get(memberKey(person, 'ask')))
      if (!ask) continue
      const answer = readConsent(this.members.get(memberKey(person, 'answer')))
      const { counts, atTable } = newer(answer, this.members.get(memberKey(person, 'atTable')))
      result.push({
        person,
        consent: counts?.consent ?? 'asked',
        askedBy: typeof ask['by'] === 'string' ? ask['by'] : null,
        askedAt: asNum(ask['at']),
        answeredAt: counts?.at ?? null,
        atTable,
      })
    }
    return result.sort((a, b) => a.askedAt - b.askedAt || compareText(a.person, b.person))
  }

  private readAanspreekpunt(): Aanspreekpunt | null {
    const chosen = asObject(this.contact.get('chosen'))
    const person = asText(chosen?.['person'])
    if (!chosen || person === '') return null
    const forPerson = (value: unknown) => (asText(asObject(value)?.['person']) === person ? value : undefined)
    const { counts, atTable } = newer(readConsent(forPerson(this.contact.get('answer'))), forPerson(this.contact.get('atTable')))
    return {
      person,
      chosenBy: typeof chosen['by'] === 'string' ? chosen['by'] : null,
      chosenAt: asNum(chosen['at']),
      consent: counts?.consent ?? 'asked',
      atTable,
    }
  }
}

function memberKey(person: PersonId, part: 'ask' | 'answer' | 'atTable' | string): string {
  return `${person}/${part}`
}

function readConsent(value: unknown): { consent: 'yes' | 'no'; at: number } | null {
  const answer = asObject(value)
  const consent = answer?.['consent']
  return consent === 'yes' || consent === 'no' ? { consent, at: asNum(answer?.['at']) } : null
}

/** The answer that counts: the person's own, or the one given at the table when that is newer. */
function newer(own: { consent: 'yes' | 'no'; at: number } | null, stored: unknown): { counts: { consent: 'yes' | 'no'; at: number } | null; atTable: AtTable | null } {
  const forThem = readConsent(stored)
  const table = forThem ? readAtTable(stored) : null
  if (forThem && table && (!own || forThem.at > own.at)) return { counts: forThem, atTable: table }
  return { counts: own, atTable: null }
}
