import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Plan, type Actor, type PersonId } from '../../shared/plan/index.ts'
import type { Role } from '../../shared/protocol/roles.ts'
import { planReplicas, sync, syncAll } from '../support/planReplicas.ts'

/**
 * Issue 11 on three devices: claims of listed people by devices, role
 * proposals and their answers, and removals of people (by whoever tries),
 * at random, with devices drifting apart and rejoining. Afterwards every
 * device shows the same people, claims and roles; only the household's
 * removals took effect; a role stands only by its person's own yes; and no
 * person's own answers are lost by someone else's removal: putting everyone
 * back brings every answer back.
 */

const PEOPLE: readonly PersonId[] = ['ans', 'bram', 'carla', 'riet']
/** Who acts as which role: Ans is the household, the others are not. */
const ROLE_OF: Readonly<Record<PersonId, Role>> = { ans: 'eigenaar', bram: 'netwerk', carla: 'professional', riet: 'huishouden' }
const REPLICAS = 3
const DEVICES = ['telefoon-a', 'telefoon-b', 'telefoon-c', 'telefoon-d']

type OpKind = 'claim' | 'undoClaim' | 'remove' | 'restore' | 'propose' | 'answerRole' | 'editRole' | 'answerAction' | 'writeGeslaagd' | 'sync' | 'offline' | 'online'
const WEIGHTS: Record<OpKind, number> = {
  claim: 5, undoClaim: 2, remove: 3, restore: 2, propose: 4, answerRole: 5, editRole: 2, answerAction: 4, writeGeslaagd: 3, sync: 6, offline: 2, online: 3,
}

interface Op {
  kind: OpKind
  r: number
  /** The person acting. */
  p: number
  /** The person acted on, or a device. */
  q: number
  i: number
  flag: boolean
}

const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.record({
    kind: fc.oneof(...(Object.entries(WEIGHTS) as [OpKind, number][]).map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight }))),
    r: fc.nat({ max: REPLICAS - 1 }),
    p: fc.nat({ max: PEOPLE.length - 1 }),
    q: fc.nat({ max: PEOPLE.length - 1 }),
    i: fc.nat({ max: 5 }),
    flag: fc.boolean(),
  }),
  { minLength: 1, maxLength: 100 },
)

const actor = (person: PersonId): Actor => ({ person, role: ROLE_OF[person]! })

/** What people said themselves during the run: their last word per action, role and geslaagd entry. */
interface Said {
  actionAnswers: Map<string, 'yes' | 'no'>
  geslaagd: Map<PersonId, string>
  roleYes: Set<string>
  nonHouseholdRemovals: number
}

function seed(plan: Plan): { action: string } {
  for (const id of PEOPLE) plan.people.add({ name: id, relation: '', role: ROLE_OF[id]! }, 'ans', { id })
  // Listed people without devices, for claims.
  plan.people.add({ name: 'Opa Kees', relation: 'opa', role: null }, 'ans', { id: 'kees' })
  plan.people.add({ name: 'Tante Mies', relation: 'tante', role: null }, 'ans', { id: 'mies' })
  const action = plan.basisteam.add({ wat: 'Boodschappen', wie: PEOPLE }, 'ans')
  return { action }
}

function apply(op: Op, plans: Plan[], docs: Y.Doc[], online: boolean[], said: Said, action: string): void {
  if (op.kind === 'offline') return void (online[op.r] = false)
  if (op.kind === 'online') return void (online[op.r] = true)
  if (op.kind === 'sync') {
    const other = (op.r + 1 + (op.q % (REPLICAS - 1))) % REPLICAS
    if (online[op.r] && online[other]) sync(docs[op.r]!, docs[other]!)
    return
  }
  const plan = plans[op.r]!
  const by = PEOPLE[op.p]!
  const target = [...PEOPLE, 'kees', 'mies'][(op.q + op.i) % (PEOPLE.length + 2)]!
  switch (op.kind) {
    case 'claim':
      plan.personDevices.claim(target, DEVICES[op.q % DEVICES.length]!, 'gastlink')
      return
    case 'undoClaim':
      plan.personDevices.undo(target, actor(by))
      return
    case 'remove':
      if (plan.personReferences.removePerson(target, op.flag ? 'weghalen' : 'laten-staan', actor(by)) && ROLE_OF[by] !== 'eigenaar' && ROLE_OF[by] !== 'huishouden') said.nonHouseholdRemovals++
      return
    case 'restore':
      plan.personReferences.restorePerson(target, actor(by))
      return
    case 'propose':
      plan.rollen.add({ person: target, name: `rol ${op.i}` }, by)
      return
    case 'answerRole': {
      const rol = plan.rollen.list().filter((r) => r.person === by)[op.i % 3]
      if (!rol) return
      if (plan.rollen.answer(rol.id, op.flag ? 'yes' : 'no', by) && op.flag) said.roleYes.add(`${rol.id}|${rol.name}|${rol.responsibilities}`)
      return
    }
    case 'editRole': {
      const rol = plan.rollen.list()[op.i % Math.max(1, plan.rollen.list().length)]
      if (!rol) return
      const responsibilities = `taak ${op.q}`
      plan.rollen.edit(rol.id, { responsibilities }, by)
      if (rol.person === by) said.roleYes.add(`${rol.id}|${rol.name}|${responsibilities}`)
      return
    }
    case 'answerAction':
      if (plan.basisteam.answer(action, op.flag ? 'yes' : 'no', by)) said.actionAnswers.set(`${op.r}|${by}`, op.flag ? 'yes' : 'no')
      return
    case 'writeGeslaagd': {
      const words = `het lukt als ${op.i}`
      if (plan.geslaagd.write(by, { condition: words }, by)) said.geslaagd.set(by, words)
      return
    }
  }
}

/** Everything this test compares between devices. */
function view(plan: Plan) {
  return {
    people: plan.people.list().map((p) => p.id),
    removed: plan.people.removed().map((p) => p.id).sort(),
    claims: plan.personDevices.claims().map((c) => `${c.person}:${c.device}`).sort(),
    roles: plan.rollen.list().map((r) => `${r.id}:${r.person}:${r.consent}:${r.responsibilities}`),
    helpers: plan.basisteam.list().flatMap((a) => a.wie.map((h) => `${h.person}:${h.consent}`)),
    geslaagd: plan.geslaagd.list().map((g) => `${g.person}:${g.condition}`),
  }
}

function run(sequence: readonly Op[]): void {
  const { docs, plans } = planReplicas(REPLICAS)
  const { action } = seed(plans[0]!)
  syncAll(docs)
  const online = docs.map(() => true)
  const said: Said = { actionAnswers: new Map(), geslaagd: new Map(), roleYes: new Set(), nonHouseholdRemovals: 0 }
  for (const op of sequence) {
    apply(op, plans, docs, online, said, action)
    for (const plan of plans) view(plan)
  }
  syncAll(docs)
  const first = view(plans[0]!)
  for (const plan of plans.slice(1)) expect(view(plan)).toEqual(first)
  const fresh = new Y.Doc()
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(docs[0]!))
  expect(view(Plan.open(fresh))).toEqual(first)

  // Only the household removed anyone.
  expect(said.nonHouseholdRemovals).toBe(0)
  // Each person is claimed by one device at most (claims() holds one entry per person).
  const claimed = plans[0]!.personDevices.claims().map((c) => c.person)
  expect(new Set(claimed).size).toBe(claimed.length)
  // A role stands only by its person's own yes to its words (or because they wrote it themselves).
  for (const rol of plans[0]!.rollen.list()) {
    if (rol.consent !== 'yes') continue
    const own = rol.createdBy === rol.person
    expect(own || said.roleYes.has(`${rol.id}|${rol.name}|${rol.responsibilities}`), `role ${rol.id} stands without a yes`).toBe(true)
  }

  // Putting everyone back brings back every person's own answers: nobody's removal destroyed them.
  for (const removed of plans[0]!.people.removed()) plans[0]!.personReferences.restorePerson(removed.id, actor('ans'))
  syncAll(docs)
  for (const plan of plans) {
    const helpers = plan.basisteam.list().find((a) => a.id === action)!.wie
    for (const person of PEOPLE) {
      const answers = [...said.actionAnswers].filter(([key]) => key.endsWith(`|${person}`)).map(([, consent]) => consent)
      const helper = helpers.find((h) => h.person === person)
      expect(helper, `${person} is still asked`).toBeDefined()
      if (answers.length > 0) expect(answers, `${person}'s answer`).toContain(helper!.consent)
    }
    for (const [person, words] of said.geslaagd) {
      expect(plan.geslaagd.list().some((g) => g.person === person), `${person}'s geslaagd (${words})`).toBe(true)
    }
  }
}

describe('identity convergence (issue 11)', () => {
  it('claims, role proposals and removals from three devices converge; only the household removes; nobody\'s own answers are lost', () => {
    fc.assert(fc.property(ops, run), { numRuns: 150 })
  })
})
