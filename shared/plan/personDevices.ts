import type * as Y from 'yjs'
import { mayRemovePeople, type Actor } from './actor.ts'
import { Cached } from './cached.ts'
import { fromY } from './changes.ts'
import { asNum, asObject, asText } from './fields.ts'
import type { PersonId } from './ids.ts'
import { compareText } from './order.ts'
import type { Person } from './people.ts'
import type { RecordList } from './records.ts'
import { transact } from './transact.ts'

/**
 * Who takes part from a device of their own, and how (issue 11). A person
 * joins either with an invitation that names them (the household's device
 * notes it here when it invites them), or through a link for several people
 * (a meeting's guest link, or an invitation of the first release that names
 * nobody): then the device adds itself as a new person, or claims a person on
 * the list who has no device yet ("Oma Riet staat op de lijst. Ben jij dat?").
 *
 * A claim is shown to the household ("Oma Riet doet nu mee vanaf een eigen
 * telefoon") and the household can undo it; that device may not claim that
 * person again. A person who has an invitation of their own is never claimed.
 *
 * Layout, three top-level maps of plain values, so each entry is one
 * last-writer-wins value and two devices claiming the same person at once
 * end with one claimant on every replica:
 *   person-invited  person → { tokenId, at }
 *   person-claims   person → { device, via, at }
 *   person-claims-undone  `<person>/<device>` → { by, at }
 */
export interface Claim {
  person: PersonId
  /** The claiming device's own random id (never sent anywhere but here). */
  device: string
  /** The id of the link it joined with (a token id), or '' when unknown. */
  via: string
  at: number
}

/** Why a claim was not made. */
export type ClaimRefusal = 'notOnList' | 'ownInvitation' | 'claimedByOther' | 'undoneBefore'

export class PersonDevices {
  private readonly view: Cached<Claim[]>

  constructor(
    private readonly invitedMap: Y.Map<unknown>,
    private readonly claimMap: Y.Map<unknown>,
    private readonly undoneMap: Y.Map<unknown>,
    private readonly people: RecordList<Person>,
  ) {
    this.view = new Cached([fromY(invitedMap), fromY(claimMap), fromY(undoneMap), people], () => this.readClaims())
  }

  /** Notes that the household invited this person with an invitation of their own (token id `tokenId`). */
  noteInvited(person: PersonId, tokenId: string): void {
    this.invitedMap.set(person, { tokenId, at: Date.now() })
  }

  /** Whether the person was invited with an invitation of their own: no other device may claim them. */
  hasOwnInvitation(person: PersonId): boolean {
    return asObject(this.invitedMap.get(person)) !== null
  }

  /**
   * This device says it is `person` (joined through `via`, a link for several
   * people). Refused for someone not on the list, with an invitation of their
   * own, claimed by another device, or whose claim by this device the
   * household undid. Claiming a person this device claimed already changes nothing.
   */
  claim(person: PersonId, device: string, via: string): { ok: true } | { ok: false; refusal: ClaimRefusal } {
    const refusal = this.whyNotClaim(person, device)
    if (refusal) return { ok: false, refusal }
    if (!this.claimOf(person)) this.claimMap.set(person, { device, via, at: Date.now() })
    return { ok: true }
  }

  /** Why `device` may not say it is `person` (see claim), or null when it may (or already does). */
  whyNotClaim(person: PersonId, device: string): ClaimRefusal | null {
    if (!this.people.get(person)) return 'notOnList'
    if (this.hasOwnInvitation(person)) return 'ownInvitation'
    if (this.undoneMap.has(undoneKey(person, device))) return 'undoneBefore'
    const current = this.claimOf(person)
    if (current && current.device !== device) return 'claimedByOther'
    return null
  }

  /**
   * The household undoes a device's claim of a person: the device is asked
   * again who it is, and may not claim this person again. Returns false,
   * changing nothing, for anyone but the household or when nobody claims them.
   */
  undo(person: PersonId, actor: Actor): boolean {
    const current = this.claimOf(person)
    if (!current || !mayRemovePeople(actor)) return false
    transact(this.claimMap, () => {
      this.undoneMap.set(undoneKey(person, current.device), { by: actor.person, at: Date.now() })
      this.claimMap.delete(person)
    })
    return true
  }

  /** The device that claims this person now, or undefined. */
  claimOf(person: PersonId): Claim | undefined {
    return this.view.per(`claim:${person}`, (claims) => claims.find((claim) => claim.person === person))
  }

  /** Whether `device` is `person` by a claim that stands. */
  isClaimedBy(person: PersonId, device: string): boolean {
    return this.claimOf(person)?.device === device
  }

  /** Every standing claim of someone on the list, newest first: what the household is shown. */
  claims(): Claim[] {
    return this.view.get()
  }

  /** People on the list a device joining by a shared link may say it is: no invitation of their own, not claimed. */
  claimable(): PersonId[] {
    return this.view.per('claimable', (claims) => {
      const claimed = new Set(claims.map((claim) => claim.person))
      return this.people.list().map((person) => person.id).filter((id) => !claimed.has(id) && !this.hasOwnInvitation(id))
    })
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private readClaims(): Claim[] {
    const claims: Claim[] = []
    this.claimMap.forEach((value, person) => {
      const claim = asObject(value)
      const device = asText(claim?.['device'])
      if (!claim || device === '' || !this.people.get(person) || this.undoneMap.has(undoneKey(person, device))) return
      claims.push({ person, device, via: asText(claim['via']), at: asNum(claim['at']) })
    })
    // Claims made in the same millisecond by person and device: Y.Map iterates in an order of its own on each device.
    return claims.sort((a, b) => b.at - a.at || compareText(a.person, b.person) || compareText(a.device, b.device))
  }
}

function undoneKey(person: PersonId, device: string): string {
  return `${person}/${device}`
}
