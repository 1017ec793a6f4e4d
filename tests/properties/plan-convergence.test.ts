import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CARD_STEPS, Plan, type Consent, type PersonId } from '../../shared/plan/index.ts'
import { deliver, expectConverged, planReplicas, syncAll } from '../support/planReplicas.ts'

/**
 * Three devices edit one plan's values, card, spelregels and basisteam at
 * random, sync in random pairs and directions, and go offline for a while
 * before rejoining. Afterwards every device shows the same plan, and nothing
 * anyone did is lost unless an operation in the run took it back.
 */

const PEOPLE: readonly PersonId[] = ['ann', 'bob', 'cem', 'dia']
const REPLICAS = 3

/**
 * Operation kinds with weights: the ones that touch records other devices
 * already hold (endorse, agree, ask, answer) come often, so that two devices
 * doing them at the same time is common; syncs come often enough to mix, and
 * rarely enough that devices drift apart.
 */
const OP_WEIGHTS = {
  proposeValue: 2, endorse: 5, withdrawEndorsement: 2, adopt: 3, editValue: 2, removeValue: 1, restoreValue: 1, tagValue: 2,
  writeGeslaagd: 2,
  addItem: 3, editItem: 2, putForward: 2, moveItem: 2, removeItem: 1, dismissItem: 1, addQuestion: 1,
  agreeStep: 5, withdrawStep: 2, saveVersion: 1,
  proposeRule: 2, rewordRule: 3, agreeRule: 5, withdrawRule: 2,
  addAction: 2, ask: 4, answer: 5, release: 2, setStatus: 2, linkValue: 2, removeAction: 1,
  sync: 8, goOffline: 2, comeOnline: 3,
} as const
type OpKind = keyof typeof OP_WEIGHTS

/**
 * Mostly personal marks (endorsements, agreements, asks and answers), on a
 * few records, with what races with them: two devices marking the same
 * record at once, or asking the same person, happens in most runs.
 */
const PERSONAL_MARKS: Partial<Record<OpKind, number>> = {
  proposeValue: 1, endorse: 5, withdrawEndorsement: 1, agreeStep: 4, withdrawStep: 1, proposeRule: 1, rewordRule: 2, agreeRule: 4, withdrawRule: 1,
  addAction: 2, ask: 5, answer: 5, release: 1, sync: 5, goOffline: 2, comeOnline: 2,
}

interface Op {
  kind: OpKind
  /** The device it happens on. */
  r: number
  /** The person acting. */
  p: number
  /** Which record: few choices, so devices often pick the same one. */
  i: number
  /** Which other person, device or position. */
  j: number
  flag: boolean
}

/** Sequences of operations drawn with these weights. */
function opsOf(weights: Partial<Record<OpKind, number>>): fc.Arbitrary<Op[]> {
  const kinds = (Object.entries(weights) as [OpKind, number][]).map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight }))
  const op: fc.Arbitrary<Op> = fc.record({
    kind: fc.oneof(...kinds),
    r: fc.nat({ max: REPLICAS - 1 }),
    p: fc.nat({ max: PEOPLE.length - 1 }),
    i: fc.nat({ max: 7 }),
    j: fc.nat({ max: 50 }),
    flag: fc.boolean(),
  })
  return fc.array(op, { minLength: 1, maxLength: 120 })
}

/** What the run did, so the end state can be checked against it. Keys join ids with '|'. */
class Made {
  readonly made = new Map<string, Set<string>>()
  readonly undone = new Map<string, Set<string>>()
  readonly answers = new Map<string, Set<Consent>>()

  did(kind: string, key: string): void {
    set(this.made, kind).add(key)
  }
  undid(kind: string, key: string): void {
    set(this.undone, kind).add(key)
  }
  /** What was made of a kind and never taken back by any operation in the run. */
  kept(kind: string): string[] {
    const undone = this.undone.get(kind) ?? new Set()
    return [...(this.made.get(kind) ?? [])].filter((key) => !undone.has(key))
  }
  gone(kind: string, key: string): boolean {
    return this.undone.get(kind)?.has(key) ?? false
  }
}

function set<V>(map: Map<string, Set<V>>, key: string): Set<V> {
  let s = map.get(key)
  if (!s) map.set(key, (s = new Set()))
  return s
}

function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length]
}

function apply(op: Op, plans: Plan[], docs: Y.Doc[], online: boolean[], made: Made): void {
  const plan = plans[op.r]!
  const by = PEOPLE[op.p]!
  const other = PEOPLE[op.j % PEOPLE.length]!
  const step = CARD_STEPS[op.j % CARD_STEPS.length]!
  const value = pick(plan.waarden.list(), op.i)
  const item = pick(plan.partnerschapskaart.snapshot().items, op.i)
  const rule = pick(plan.spelregels.list(), op.i)
  const action = pick(plan.basisteam.list(), op.i)

  switch (op.kind) {
    case 'proposeValue':
      made.did('value', plan.waarden.propose({ text: `waarde ${op.i}`, scope: op.flag ? 'shared' : 'personal' }, by))
      break
    case 'endorse':
      if (value) {
        plan.waarden.endorse(value.id, by)
        made.did('endorsement', `${value.id}|${by}`)
      }
      break
    case 'withdrawEndorsement':
      if (value) {
        plan.waarden.withdrawEndorsement(value.id, by)
        made.undid('endorsement', `${value.id}|${by}`)
      }
      break
    case 'adopt': {
      const copy = value && plan.waarden.adopt(value.id, by, op.flag ? 'shared' : 'personal')
      if (copy) made.did('value', copy)
      break
    }
    case 'editValue':
      if (value) plan.waarden.edit(value.id, { text: `anders ${op.j}` }, by)
      break
    case 'removeValue':
      if (value) {
        plan.waarden.remove(value.id, by)
        made.undid('value', value.id)
      }
      break
    case 'restoreValue': {
      const removed = pick(plan.waarden.removed(), op.i)
      if (removed) plan.waarden.restore(removed.id)
      break
    }
    case 'tagValue':
      if (value) plan.waarden.tag(value.id, op.flag ? 'financien' : 'sociaal-netwerk')
      break
    case 'writeGeslaagd':
      if (plan.geslaagd.write(by, { condition: `als ${op.i}` }, by)) made.did('geslaagd', by)
      break
    case 'addItem':
      made.did('item', plan.partnerschapskaart.addItem({ step, text: `item ${op.i}`, draft: op.flag }, by))
      break
    case 'editItem':
      if (item) plan.partnerschapskaart.editItem(item.id, { text: `bewerkt ${op.j}` }, by)
      break
    case 'putForward':
      if (item) plan.partnerschapskaart.putForward(item.id, item.createdBy ?? by)
      break
    case 'moveItem':
      if (item) plan.partnerschapskaart.moveItem(item.id, op.j % 4, by)
      break
    case 'removeItem':
      if (item) {
        plan.partnerschapskaart.removeItem(item.id, by)
        made.undid('item', item.id)
      }
      break
    case 'dismissItem': {
      const removed = pick(plan.partnerschapskaart.removedItems(), op.i)
      if (removed) plan.partnerschapskaart.dismissItem(removed.id, { person: by, role: 'huishouden' })
      break
    }
    case 'addQuestion':
      plan.partnerschapskaart.addQuestion({ step, text: `Hoe ${op.i}?` }, by)
      break
    case 'agreeStep':
      plan.partnerschapskaart.agreement.agree(step, by)
      made.did('stepAgreement', `${step}|${by}`)
      break
    case 'withdrawStep':
      plan.partnerschapskaart.agreement.withdraw(step, by)
      made.undid('stepAgreement', `${step}|${by}`)
      break
    case 'saveVersion':
      plan.partnerschapskaart.versions.save({ name: `versie ${op.i}`, filledInBy: [by, other] }, by)
      break
    case 'proposeRule':
      made.did('rule', plan.spelregels.propose({ text: `regel ${op.i}` }, by))
      break
    case 'rewordRule':
      if (rule) plan.spelregels.reword(rule.id, `regel ${op.i}.${op.j}`, by)
      break
    case 'agreeRule':
      if (rule) {
        plan.spelregels.agree(rule.id, by)
        made.did('ruleAgreement', `${rule.id}|${rule.revision}|${by}`)
      }
      break
    case 'withdrawRule':
      if (rule) {
        plan.spelregels.withdrawAgreement(rule.id, by)
        made.undid('ruleAgreement', `${rule.id}|${rule.revision}|${by}`)
      }
      break
    case 'addAction': {
      const wie = op.flag ? [other] : [other, by]
      const id = plan.basisteam.add({ wat: `actie ${op.i}`, wie }, by)
      made.did('action', id)
      for (const person of new Set(wie)) {
        made.did('helper', `${id}|${person}`)
        if (person === by) set(made.answers, `${id}|${person}`).add('yes')
      }
      break
    }
    case 'ask':
      if (action && plan.basisteam.ask(action.id, other, by)) {
        made.did('helper', `${action.id}|${other}`)
        if (other === by) set(made.answers, `${action.id}|${other}`).add('yes')
      }
      break
    case 'answer': {
      // The person answers for themselves: the acting person is whoever was asked.
      const helper = action && pick(action.wie, op.j)
      const consent = op.flag ? 'yes' : 'no'
      if (action && helper && plan.basisteam.answer(action.id, consent, helper.person)) {
        set(made.answers, `${action.id}|${helper.person}`).add(consent)
      }
      break
    }
    case 'release': {
      const helper = action && pick(action.wie, op.j)
      if (action && helper && plan.basisteam.release(action.id, helper.person, op.flag ? helper.person : by)) {
        made.undid('helper', `${action.id}|${helper.person}`)
      }
      break
    }
    case 'setStatus':
      if (action) plan.basisteam.setStatus(action.id, op.flag ? 'ongoing' : 'not-now', by)
      break
    case 'linkValue':
      if (action && value) plan.basisteam.linkValue(action.id, value.id)
      break
    case 'removeAction':
      if (action) {
        plan.basisteam.remove(action.id, by)
        made.undid('action', action.id)
      }
      break
    case 'sync': {
      const to = (op.r + 1 + (op.j % (REPLICAS - 1))) % REPLICAS
      if (online[op.r] && online[to]) deliver(docs[op.r]!, docs[to]!, op.flag)
      break
    }
    case 'goOffline':
      online[op.r] = false
      break
    case 'comeOnline':
      online[op.r] = true
      break
  }
}

/** A few records every device holds before the run, so that devices often act on the same ones at once. */
function seed(plan: Plan, made: Made): void {
  for (const scope of ['personal', 'shared'] as const) made.did('value', plan.waarden.propose({ text: `begin ${scope}`, scope }, 'ann'))
  for (const step of CARD_STEPS.slice(1, 3)) made.did('item', plan.partnerschapskaart.addItem({ step, text: `begin ${step}` }, 'bob'))
  made.did('rule', plan.spelregels.propose({ text: 'We laten elkaar uitpraten' }, 'cem'))
  const action = plan.basisteam.add({ wat: 'Boodschappen', wie: ['bob', 'cem'] }, 'ann')
  made.did('action', action)
  for (const person of ['bob', 'cem']) made.did('helper', `${action}|${person}`)
}

/** Everything a view could show of a plan's issue-3 instruments. */
function view(plan: Plan): unknown {
  return {
    values: plan.waarden.list(),
    removedValues: plan.waarden.removed(),
    geslaagd: plan.geslaagd.list(),
    card: plan.partnerschapskaart.snapshot(),
    removedItems: plan.partnerschapskaart.removedItems(),
    versions: plan.partnerschapskaart.versions.list(),
    spelregels: plan.spelregels.list(),
    actions: plan.basisteam.list(),
    // Derived lists are cached separately; they must follow every change too.
    shared: plan.waarden.shared(),
    annsValues: plan.waarden.personalOf('ann'),
    succesvoorwaarden: plan.partnerschapskaart.succesvoorwaarden(),
    bobsDrafts: plan.partnerschapskaart.drafts('bob'),
    watDoetDia: plan.basisteam.forPerson('dia'),
  }
}

function checkNothingLost(plan: Plan, made: Made): void {
  for (const id of made.kept('value')) expect(plan.waarden.get(id), `value ${id}`).toBeDefined()
  for (const key of made.kept('endorsement')) {
    const [valueId, person] = key.split('|') as [string, string]
    if (made.gone('value', valueId)) continue
    expect(plan.waarden.get(valueId)?.endorsedBy, `endorsement ${key}`).toHaveProperty(person)
  }
  const items = new Set(plan.partnerschapskaart.snapshot().items.map((i) => i.id))
  for (const id of made.kept('item')) expect(items.has(id), `item ${id}`).toBe(true)
  for (const key of made.kept('stepAgreement')) {
    const [step, person] = key.split('|') as [(typeof CARD_STEPS)[number], string]
    expect(plan.partnerschapskaart.agreement.of(step), `agreement ${key}`).toHaveProperty(person)
  }
  for (const person of made.kept('geslaagd')) expect(plan.geslaagd.get(person), `geslaagd ${person}`).toBeDefined()
  for (const id of made.kept('rule')) expect(plan.spelregels.get(id), `rule ${id}`).toBeDefined()
  for (const key of made.kept('ruleAgreement')) {
    const [ruleId, revision, person] = key.split('|') as [string, string, string]
    const rule = plan.spelregels.get(ruleId)
    if (!rule) continue
    const wording = rule.revision === revision ? rule : rule.history.find((w) => w.revision === revision)
    expect(wording?.agreedBy, `rule agreement ${key}`).toHaveProperty(person)
  }
  for (const id of made.kept('action')) expect(plan.basisteam.get(id), `action ${id}`).toBeDefined()
  for (const key of made.kept('helper')) {
    const [actionId, person] = key.split('|') as [string, string]
    const action = plan.basisteam.get(actionId)
    if (!action) continue
    const helper = action.wie.find((h) => h.person === person)
    expect(helper, `helper ${key}`).toBeDefined()
    // Only the person's own answers decide: never a consent they did not give.
    const given = made.answers.get(key)
    if (given) expect([...given], `consent ${key}`).toContain(helper!.consent)
  }
}

/** Runs one sequence on three devices, brings them together, and checks they agree and lost nothing. */
function runOnThreeDevices(ops: readonly Op[]): void {
  const { docs, plans } = planReplicas(REPLICAS)
  const online = docs.map(() => true)
  const made = new Made()
  seed(plans[0]!, made)
  syncAll(docs)
  for (const op of ops) {
    apply(op, plans, docs, online, made)
    // Every device shows the plan after each step, as an open view would, so stale caches would show at the end.
    for (const plan of plans) view(plan)
  }

  expectConverged(docs, plans, view)

  for (const plan of plans) checkNothingLost(plan, made)
}

describe('plan convergence (issue 3 instruments)', () => {
  it('three devices that edit, go offline and rejoin end with the same plan, and lose nothing', () => {
    fc.assert(fc.property(opsOf(OP_WEIGHTS), runOnThreeDevices), { numRuns: 150 })
  })

  it('keeps every endorsement, agreement and answer when devices mark the same records at once', () => {
    fc.assert(fc.property(opsOf(PERSONAL_MARKS), runOnThreeDevices), { numRuns: 150 })
  })
})
