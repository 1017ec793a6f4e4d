import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CONTACT_FREQUENCIES,
  DAY_PARTS,
  DAYS,
  FAMILY_LINK_KINDS,
  POSTER_SECTIONS,
  RINGS,
  SECTORS,
  SUPPORT_KINDS,
  WHEN_PERSON_REMOVED,
  type Plan,
  type ReferencedPerson,
} from '../../shared/plan/index.ts'
import { planReplicas, sync, syncAll } from '../support/planReplicas.ts'

/**
 * Three devices edit one netwerkatlas at random — people, family lines,
 * placements, contact slots, events, poster items — while going offline and
 * syncing in random pairs. Once everyone is back online and synced they must
 * show exactly the same atlas, nobody may be lost from the people list, and
 * a reference to someone no longer on the list may only be shown as the
 * removal promised ("laten-staan"), never after "weghalen".
 */

const REPLICAS = 3
const replica = fc.integer({ min: 0, max: REPLICAS - 1 })
const pick = fc.nat({ max: 50 })
const WHENS = ['2019-07-14', '2019-07', '2019', 'zomer 2019', 'toen ik 12 was', 'jaren 80', 'ooit', '']

const op = fc.oneof(
  fc.record({ type: fc.constant('addPerson' as const), r: replica, name: fc.constantFrom('Oma', 'Kees', 'Fatima', 'Sam', 'Lotte') }),
  fc.record({ type: fc.constant('rename' as const), r: replica, p: pick, name: fc.constantFrom('Opa Jan', 'Buurman', 'Juf') }),
  fc.record({ type: fc.constant('removePerson' as const), r: replica, p: pick, choice: fc.constantFrom(...WHEN_PERSON_REMOVED) }),
  fc.record({ type: fc.constant('restorePerson' as const), r: replica, p: pick }),
  fc.record({ type: fc.constant('link' as const), r: replica, p: pick, q: pick, kind: fc.constantFrom(...FAMILY_LINK_KINDS) }),
  fc.record({ type: fc.constant('unlink' as const), r: replica, p: pick }),
  fc.record({ type: fc.constant('mark' as const), r: replica, p: pick, deceased: fc.boolean(), birthYear: fc.constantFrom(null, 1950, 1984) }),
  fc.record({ type: fc.constant('leaveFamily' as const), r: replica, p: pick }),
  fc.record({ type: fc.constant('place' as const), r: replica, p: pick, ring: fc.constantFrom(...RINGS), sector: fc.constantFrom(...SECTORS) }),
  fc.record({ type: fc.constant('move' as const), r: replica, p: pick, ring: fc.option(fc.constantFrom(...RINGS)), sector: fc.option(fc.constantFrom(...SECTORS)) }),
  fc.record({ type: fc.constant('support' as const), r: replica, p: pick, kind: fc.constantFrom(...SUPPORT_KINDS), on: fc.boolean() }),
  fc.record({ type: fc.constant('unplace' as const), r: replica, p: pick }),
  fc.record({ type: fc.constant('slot' as const), r: replica, p: pick, day: fc.constantFrom(...DAYS), part: fc.constantFrom(...DAY_PARTS), on: fc.boolean() }),
  fc.record({ type: fc.constant('frequency' as const), r: replica, p: pick, frequency: fc.constantFrom(...CONTACT_FREQUENCIES) }),
  fc.record({ type: fc.constant('addEvent' as const), r: replica, p: pick, when: fc.constantFrom(...WHENS) }),
  fc.record({ type: fc.constant('involve' as const), r: replica, e: pick, p: pick, on: fc.boolean() }),
  fc.record({ type: fc.constant('setWhen' as const), r: replica, e: pick, when: fc.constantFrom(...WHENS) }),
  fc.record({ type: fc.constant('removeEvent' as const), r: replica, e: pick }),
  fc.record({ type: fc.constant('poster' as const), r: replica, section: fc.constantFrom(...POSTER_SECTIONS), to: fc.constantFrom(...POSTER_SECTIONS) }),
  fc.record({ type: fc.constant('sync' as const), r: replica, to: replica }),
  fc.record({ type: fc.constant('offline' as const), r: replica }),
  fc.record({ type: fc.constant('online' as const), r: replica }),
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

/** A person id as a device's picker would offer it: from its list, or — a stale screen — someone it saw removed. */
function personOn(plan: Plan, p: number): string | undefined {
  const ids = [...plan.people.list(), ...plan.people.removed()].map((person) => person.id)
  return ids.length ? ids[p % ids.length] : undefined
}

function eventOn(plan: Plan, e: number): string | undefined {
  const events = plan.netwerkatlas.gebeurteniskaart.list()
  return events.length ? events[e % events.length]!.id : undefined
}

function apply(plan: Plan, o: Op, created: string[], removed: Set<string>): void {
  const atlas = plan.netwerkatlas
  const by = plan.people.list()[0]?.id ?? null
  if (o.type === 'addPerson') {
    created.push(plan.people.add({ name: o.name, relation: '', role: null }, by))
    return
  }
  if (o.type === 'poster') {
    const items = atlas.basisposter.items(o.section)
    if (items.length && o.section !== o.to) atlas.basisposter.moveTo(items[0]!.id, o.to, 0, by)
    else atlas.basisposter.add(o.section, 'Iets dat ertoe doet', by)
    return
  }
  if (o.type === 'involve' || o.type === 'setWhen' || o.type === 'removeEvent') {
    const event = eventOn(plan, o.e)
    if (!event) return
    if (o.type === 'setWhen') atlas.gebeurteniskaart.setWhen(event, o.when, by)
    else if (o.type === 'removeEvent') atlas.gebeurteniskaart.remove(event, by)
    else {
      const person = personOn(plan, o.p)
      if (person) atlas.gebeurteniskaart.involve(event, person, o.on, by)
    }
    return
  }
  if (o.type === 'unlink') {
    const links = atlas.familiekaart.links()
    if (links.length) atlas.familiekaart.unlink(links[o.p % links.length]!.id)
    return
  }
  if (o.type === 'sync' || o.type === 'offline' || o.type === 'online') return
  const person = personOn(plan, o.p)
  if (!person) return
  switch (o.type) {
    case 'rename':
      return plan.people.update(person, { name: o.name }, by)
    case 'removePerson':
      removed.add(person)
      plan.personReferences.removePerson(person, o.choice, { person: by, role: 'huishouden' })
      return
    case 'restorePerson':
      plan.personReferences.restorePerson(person, { person: by, role: 'huishouden' })
      return
    case 'link': {
      const other = personOn(plan, o.q)
      if (other) atlas.familiekaart.link(o.kind, person, other, by)
      return
    }
    case 'mark':
      return atlas.familiekaart.update(person, { deceased: o.deceased, birthYear: o.birthYear }, by)
    case 'leaveFamily':
      return atlas.familiekaart.removeMember(person)
    case 'place':
      return atlas.relatiekaart.place(person, { ring: o.ring, sector: o.sector }, by)
    case 'move':
      return atlas.relatiekaart.move(person, { ring: o.ring ?? undefined, sector: o.sector ?? undefined }, by)
    case 'support':
      return atlas.relatiekaart.setSupport(person, o.kind, o.on, by)
    case 'unplace':
      return atlas.relatiekaart.remove(person)
    case 'slot':
      return o.on ? atlas.contactschema.put(person, { day: o.day, part: o.part }, by) : atlas.contactschema.take(person, { day: o.day, part: o.part }, by)
    case 'frequency':
      return atlas.contactschema.setFrequency(person, o.frequency, by)
    case 'addEvent':
      atlas.gebeurteniskaart.add({ what: 'Er gebeurde iets', when: o.when, involved: [person] }, by)
      return
  }
}

/** Everything a person can see of the atlas on one device, as plain data. */
function snapshot(plan: Plan): unknown {
  const atlas = plan.netwerkatlas
  return JSON.parse(
    JSON.stringify({
      people: plan.people.list(),
      removedPeople: plan.people.removed(),
      poster: atlas.basisposter.sections(),
      family: { generations: atlas.familiekaart.generations(), links: atlas.familiekaart.links() },
      relatiekaart: atlas.relatiekaart.rings(),
      contact: { entries: atlas.contactschema.list(), week: atlas.contactschema.week(), gaps: atlas.contactschema.gaps() },
      events: atlas.gebeurteniskaart.list(),
    }),
  )
}

/** Every person the atlas shows on this device. */
function shownPeople(plan: Plan): ReferencedPerson[] {
  const atlas = plan.netwerkatlas
  return [
    ...atlas.familiekaart.list().map((m) => m.person),
    ...atlas.familiekaart.links().flatMap((l) => [l.a, l.b]),
    ...atlas.relatiekaart.list().map((p) => p.person),
    ...atlas.contactschema.list().map((e) => e.person),
    ...atlas.contactschema.week().flatMap((d) => d.parts.flatMap((p) => p.people)),
    ...atlas.gebeurteniskaart.list().flatMap((e) => [...e.involved, ...(e.ageOf ? [e.ageOf] : [])]),
  ]
}

describe('netwerkatlas convergence', () => {
  it('converges on three devices with offline periods, losing nobody and showing no reference the removal did not promise', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), (ops) => {
        const { docs, plans } = planReplicas(REPLICAS)
        // Every device starts knowing the same few people, so concurrent edits about one person are common.
        const created = ['Sandra', 'Oma Riet', 'Buurvrouw', 'Wijkcoach'].map((name) => plans[0]!.people.add({ name, relation: '', role: null }, null))
        syncAll(docs)
        const removed = new Set<string>()
        const offline = new Set<number>()
        for (const o of ops) {
          if (o.type === 'offline') offline.add(o.r)
          else if (o.type === 'online') offline.delete(o.r)
          else if (o.type === 'sync') {
            if (o.r !== o.to && !offline.has(o.r) && !offline.has(o.to)) sync(docs[o.r]!, docs[o.to]!)
          } else apply(plans[o.r]!, o, created, removed)
        }
        syncAll(docs)

        const first = snapshot(plans[0]!)
        for (const plan of plans.slice(1)) expect(snapshot(plan)).toEqual(first)

        for (const plan of plans) {
          const onList = new Set(plan.people.list().map((p) => p.id))
          const everKnown = new Set([...onList, ...plan.people.removed().map((p) => p.id)])
          // Nobody is lost: whoever was added is still there, on the list or among the removed; nobody left without a removal.
          for (const id of created) {
            expect(everKnown.has(id)).toBe(true)
            if (!removed.has(id)) expect(onList.has(id)).toBe(true)
          }
          // A person appears at most once on the relatiekaart and in the familiekaart.
          const placed = plan.netwerkatlas.relatiekaart.list().map((p) => p.person.id)
          expect(new Set(placed).size).toBe(placed.length)
          const members = plan.netwerkatlas.familiekaart.list().map((m) => m.person.id)
          expect(new Set(members).size).toBe(members.length)
          // References shown are to people on the list, or kept on purpose as "iemand die niet meer op de lijst staat".
          for (const person of shownPeople(plan)) {
            if (person.onList) expect(onList.has(person.id)).toBe(true)
            else {
              expect(onList.has(person.id)).toBe(false)
              expect(plan.personReferences.choiceFor(person.id)).toBe('laten-staan')
            }
          }
          // After "weghalen" nothing of that person shows anywhere (unless they were brought back).
          const shownIds = new Set(shownPeople(plan).map((p) => p.id))
          for (const id of removed) if (!onList.has(id) && plan.personReferences.choiceFor(id) === 'weghalen') expect(shownIds.has(id)).toBe(false)
          // A gap is a cell without anyone from the list.
          for (const gap of plan.netwerkatlas.contactschema.gaps()) {
            const day = plan.netwerkatlas.contactschema.week().find((d) => d.day === gap.day)!
            for (const part of gap.parts) expect(day.parts.find((p) => p.part === part)!.people.some((p) => p.onList)).toBe(false)
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})
