import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { EVALUATION_QUESTIONS, Plan, ROUTE_PHASES, type Consent, type PersonId } from '../../shared/plan/index.ts'
import { deliver, expectConverged, planReplicas, syncAll } from '../support/planReplicas.ts'

/**
 * Three devices move along the route, put the plan on waakvlam and back,
 * set evaluatiemomenten and answer them, make adjustments, and turn the
 * card's Acties into basisteam actions — the same item often on two devices
 * that are both offline — while syncing in random pairs. Afterwards every
 * device shows the same plan; each card item is at most ONE action, holding
 * every ask and every answer given on any device; no route step, waakvlam
 * change or answer anyone made is lost.
 */

const PEOPLE: readonly PersonId[] = ['ans', 'bram', 'karin', 'oma']
const REPLICAS = 3
const ACTIES_QUESTIONS = ['acties.ik', 'acties.we', 'acties.anderen'] as const

const OP_WEIGHTS = {
  goTo: 3, lower: 2, raise: 2,
  schedule: 2, answer: 6, unanswer: 1, adjust: 2,
  addItem: 2, toAction: 6, ask: 3, answerAsk: 5, editAction: 2, removeAction: 1,
  sync: 7, goOffline: 2, comeOnline: 3,
} as const
type OpKind = keyof typeof OP_WEIGHTS

interface Op {
  kind: OpKind
  r: number
  p: number
  i: number
  j: number
  flag: boolean
}

const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.record({
    kind: fc.oneof(...(Object.entries(OP_WEIGHTS) as [OpKind, number][]).map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight }))),
    r: fc.nat({ max: REPLICAS - 1 }),
    p: fc.nat({ max: PEOPLE.length - 1 }),
    i: fc.nat({ max: 5 }),
    j: fc.nat({ max: 50 }),
    flag: fc.boolean(),
  }),
  { minLength: 1, maxLength: 120 },
)

/** What the run did, to check the end state against. */
class Made {
  routeSteps = 0
  waakvlamChanges = 0
  readonly converted = new Set<string>()
  readonly removedActions = new Set<string>()
  /** moment|question|person → every text given (an empty text takes it back). */
  readonly answers = new Map<string, string[]>()
  /** action|person → the consents that person gave. */
  readonly consents = new Map<string, Set<Consent>>()
  readonly asks = new Set<string>()
}

function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length]
}

function apply(op: Op, plans: Plan[], docs: Y.Doc[], online: boolean[], made: Made): void {
  const plan = plans[op.r]!
  const by = PEOPLE[op.p]!
  const other = PEOPLE[op.j % PEOPLE.length]!
  const moment = pick(plan.evaluatiemomenten.list(), op.i)
  const item = pick(plan.partnerschapskaart.items('acties'), op.i)
  const cardAction = pick(plan.basisteam.list().filter((a) => a.fromCard !== null), op.i)

  switch (op.kind) {
    case 'goTo':
      plan.route.goTo(ROUTE_PHASES[op.j % ROUTE_PHASES.length]!, by)
      made.routeSteps++
      break
    case 'lower':
      plan.waakvlam.lower(op.flag ? `2025-09-${String((op.j % 28) + 1).padStart(2, '0')}` : null, by)
      made.waakvlamChanges++
      break
    case 'raise':
      plan.waakvlam.raise(by)
      made.waakvlamChanges++
      break
    case 'schedule':
      plan.evaluatiemomenten.schedule({ date: `2025-0${(op.i % 9) + 1}-15`, note: `moment ${op.j}` }, by)
      break
    case 'answer':
    case 'unanswer': {
      if (!moment) break
      const question = EVALUATION_QUESTIONS[op.j % EVALUATION_QUESTIONS.length]!
      const words = op.kind === 'answer' ? `${by} zegt ${op.j}` : ''
      plan.evaluatiemomenten.answer(moment.id, question, words, by)
      const key = `${moment.id}|${question}|${by}`
      made.answers.set(key, [...(made.answers.get(key) ?? []), words])
      break
    }
    case 'adjust':
      if (moment) plan.evaluatiemomenten.bijstellingen.add({ moment: moment.id, task: op.flag ? 'plan' : 'samenwerking', text: `anders ${op.j}`, action: cardAction?.id ?? null }, by)
      break
    case 'addItem':
      plan.partnerschapskaart.addItem({ step: 'acties', question: ACTIES_QUESTIONS[op.j % 3]!, text: `actie ${op.i}` }, by)
      break
    case 'toAction': {
      if (!item) break
      const wie = op.flag ? [other] : []
      const before = [...plan.basisteam.list(), ...plan.basisteam.removed()].find((a) => a.fromCard === item.id)
      const id = plan.basisteam.fromCardItem(item, wie, by)!
      made.converted.add(item.id)
      made.removedActions.delete(id)
      for (const person of wie) {
        made.asks.add(`${id}|${person}`)
        // Asking yourself is saying yes; someone already asked keeps their own answer.
        if (person === by && !before?.wie.some((h) => h.person === person)) consents(made, id, person).add('yes')
      }
      break
    }
    case 'ask':
      if (cardAction && plan.basisteam.ask(cardAction.id, other, by)) {
        made.asks.add(`${cardAction.id}|${other}`)
        if (other === by) consents(made, cardAction.id, other).add('yes')
      }
      break
    case 'answerAsk': {
      const helper = cardAction && pick(cardAction.wie, op.j)
      const consent = op.flag ? 'yes' : 'no'
      if (cardAction && helper && plan.basisteam.answer(cardAction.id, consent, helper.person)) consents(made, cardAction.id, helper.person).add(consent)
      break
    }
    case 'editAction':
      if (cardAction) plan.basisteam.edit(cardAction.id, { wat: `anders ${op.j}`, bron: op.flag ? 'netwerk' : 'eigen-kracht' }, by)
      break
    case 'removeAction':
      if (cardAction) {
        plan.basisteam.remove(cardAction.id, by)
        made.removedActions.add(cardAction.id)
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

function consents(made: Made, action: string, person: PersonId): Set<Consent> {
  const key = `${action}|${person}`
  let given = made.consents.get(key)
  if (!given) made.consents.set(key, (given = new Set()))
  return given
}

/** Two Acties items and a moment every device holds before the run, so devices often act on the same ones at once. */
function seed(plan: Plan): void {
  plan.partnerschapskaart.addItem({ step: 'acties', question: 'acties.anderen', text: 'Oma haalt Daan op' }, 'ans')
  plan.partnerschapskaart.addItem({ step: 'acties', question: 'acties.ik', text: 'Ik bel de school' }, 'bram')
  plan.evaluatiemomenten.schedule({ date: '2025-05-12', note: 'Over zes weken kijken we samen hoe het gaat' }, 'karin')
}

/** Everything a view could show of the route, the waakvlam, the evaluatiemomenten and the card's actions. */
function view(plan: Plan): unknown {
  return {
    route: plan.route.current(),
    routeHistory: plan.route.history(),
    waakvlam: plan.waakvlam.state(),
    waakvlamHistory: plan.waakvlam.history(),
    moments: plan.evaluatiemomenten.list(),
    bijstellingen: plan.evaluatiemomenten.bijstellingen.list(),
    invitesOma: plan.evaluatiemomenten.invitations('2025-05-20', 'oma'),
    actions: plan.basisteam.list(),
    removedActions: plan.basisteam.removed(),
    watDoetOma: plan.basisteam.forPerson('oma'),
  }
}

function check(plan: Plan, made: Made): void {
  const actions = [...plan.basisteam.list(), ...plan.basisteam.removed()]
  // ONE action per card item, however many devices made it.
  const fromCard = actions.flatMap((a) => (a.fromCard ? [a.fromCard] : []))
  expect(new Set(fromCard).size, 'one action per card item').toBe(fromCard.length)
  for (const itemId of made.converted) expect(fromCard, `action for item ${itemId}`).toContain(itemId)
  for (const itemId of made.converted) {
    const action = plan.basisteam.forCardItem(itemId)
    const removed = plan.basisteam.removed().some((a) => a.fromCard === itemId)
    expect(action !== undefined || removed, `item ${itemId} visible or removed`).toBe(true)
  }
  for (const key of made.asks) {
    const [id, person] = key.split('|') as [string, string]
    const action = actions.find((a) => a.id === id)
    const helper = action?.wie.find((h) => h.person === person)
    expect(helper, `ask ${key}`).toBeDefined()
    const given = made.consents.get(key)
    if (given) expect([...given], `consent ${key}`).toContain(helper!.consent)
    else expect(helper!.consent, `no answer given ${key}`).toBe('asked')
  }
  expect(plan.route.history()).toHaveLength(made.routeSteps)
  expect(plan.waakvlam.history()).toHaveLength(made.waakvlamChanges)
  for (const [key, texts] of made.answers) {
    const [momentId, question, person] = key.split('|') as [string, string, string]
    const answer = plan.evaluatiemomenten.get(momentId)?.answers.find((a) => a.question === question && a.person === person)
    // The person's last word on one device wins over their word on another: it is one of the words they gave.
    if (answer) expect(texts, `answer ${key}`).toContain(answer.text)
    else expect(texts, `answer ${key} taken back`).toContain('')
  }
}

function runOnThreeDevices(list: readonly Op[]): void {
  const { docs, plans } = planReplicas(REPLICAS)
  const online = docs.map(() => true)
  const made = new Made()
  seed(plans[0]!)
  syncAll(docs)
  for (const op of list) {
    apply(op, plans, docs, online, made)
    for (const plan of plans) view(plan)
  }
  expectConverged(docs, plans, view)
  for (const plan of plans) check(plan, made)
}

describe('route, waakvlam, evaluatiemomenten and card actions on three devices', () => {
  it('converge, make one action per card item, and lose nothing anyone did', () => {
    fc.assert(fc.property(ops, runOnThreeDevices), { numRuns: 400 })
  })
})
