import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildExport, importAsNewPlan, readExport } from '../../shared/export/index.ts'
import { BASISTEAM_TASKS, CARD_STEPS, DAYS, DAY_PARTS, EVALUATION_QUESTIONS, Plan, QUESTION_NOTE_KINDS, RINGS, ROUTE_PHASES, SECTORS, type PersonId } from '../../shared/plan/index.ts'

/**
 * For random plans: export → import → export gives the same readable JSON.
 * The only difference allowed is what import renews on purpose: the plan id
 * and the invitations of the old key.
 */
const words = fc.string({ minLength: 0, maxLength: 12 })
const op = fc.oneof(
  fc.record({ kind: fc.constant('person' as const), name: words }),
  fc.record({ kind: fc.constant('value' as const), text: words, shared: fc.boolean(), who: fc.nat() }),
  fc.record({ kind: fc.constant('action' as const), wat: words, waar: words, who: fc.nat() }),
  fc.record({ kind: fc.constant('card' as const), text: words, step: fc.constantFrom(...CARD_STEPS), draft: fc.boolean() }),
  fc.record({ kind: fc.constant('place' as const), who: fc.nat(), ring: fc.constantFrom(...RINGS), sector: fc.constantFrom(...SECTORS) }),
  fc.record({ kind: fc.constant('slot' as const), who: fc.nat(), day: fc.constantFrom(...DAYS), part: fc.constantFrom(...DAY_PARTS) }),
  fc.record({ kind: fc.constant('story' as const), text: words }),
  fc.record({ kind: fc.constant('notepad' as const), text: words, at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('version' as const), name: words }),
  fc.record({ kind: fc.constant('invite' as const), name: words }),
  // The plan's rhythm (issue 13): route, waakvlam, questions, looking back, meetings.
  fc.record({ kind: fc.constant('route' as const), phase: fc.constantFrom(...ROUTE_PHASES), who: fc.nat() }),
  fc.record({ kind: fc.constant('waakvlam' as const), lower: fc.boolean(), checkIn: fc.option(fc.constantFrom('2026-06-01', '2027-01-15'), { nil: null }) }),
  fc.record({ kind: fc.constant('ourQuestion' as const), text: words }),
  fc.record({ kind: fc.constant('question' as const), text: words, grouped: fc.boolean(), who: fc.nat() }),
  fc.record({ kind: fc.constant('questionNote' as const), text: words, which: fc.option(fc.nat(), { nil: null }), note: fc.constantFrom(...QUESTION_NOTE_KINDS) }),
  fc.record({ kind: fc.constant('moment' as const), date: fc.constantFrom('2026-04-21', '2026-06-02', 'geen dag'), note: words }),
  fc.record({ kind: fc.constant('evaluate' as const), which: fc.nat(), question: fc.constantFrom(...EVALUATION_QUESTIONS), text: words, who: fc.nat() }),
  fc.record({ kind: fc.constant('bijstelling' as const), which: fc.nat(), task: fc.constantFrom(...BASISTEAM_TASKS), text: words }),
  fc.record({ kind: fc.constant('meeting' as const), title: words, decided: words, end: fc.boolean(), who: fc.nat() }),
)

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

function apply(plan: Plan, ops: readonly Op[]): void {
  const people: PersonId[] = [plan.people.add({ name: 'Ans', relation: '', role: 'eigenaar' }, null)]
  const pick = (n: number) => people[n % people.length]!
  for (const o of ops) {
    switch (o.kind) {
      case 'person':
        people.push(plan.people.add({ name: o.name, relation: '', role: null }, pick(0)))
        break
      case 'value':
        plan.waarden.propose({ text: o.text, scope: o.shared ? 'shared' : 'personal' }, pick(o.who))
        break
      case 'action':
        plan.basisteam.add({ wat: o.wat, waar: o.waar, wie: [pick(o.who)] }, pick(0))
        break
      case 'card':
        plan.partnerschapskaart.addItem({ step: o.step, text: o.text, draft: o.draft }, pick(0))
        break
      case 'place':
        plan.netwerkatlas.relatiekaart.place(pick(o.who), { ring: o.ring, sector: o.sector }, pick(0))
        break
      case 'slot':
        plan.netwerkatlas.contactschema.put(pick(o.who), { day: o.day, part: o.part }, pick(0))
        break
      case 'story': {
        const paragraph = new Y.XmlElement('paragraph')
        plan.story.insert(plan.story.length, [paragraph])
        paragraph.insert(0, [new Y.XmlText(o.text)])
        break
      }
      case 'notepad':
        plan.notepad.insert(o.at % (plan.notepad.length + 1), o.text)
        break
      case 'remove': {
        const values = plan.waarden.list()
        if (values.length) plan.waarden.remove(values[o.which % values.length]!.id, pick(0))
        break
      }
      case 'version':
        plan.versions.save({ name: o.name }, pick(0))
        break
      case 'route':
        plan.route.goTo(o.phase, pick(o.who))
        break
      case 'waakvlam':
        if (o.lower) plan.waakvlam.lower(o.checkIn, pick(0))
        else plan.waakvlam.raise(pick(0))
        break
      case 'ourQuestion':
        plan.question.insert(plan.question.length, o.text)
        break
      case 'question': {
        const group = o.grouped ? plan.vragen.addGroup(o.text, pick(0)) : null
        plan.vragen.add(o.text, pick(o.who), { group })
        break
      }
      case 'questionNote': {
        const questions = plan.vragen.list()
        const question = o.which === null || !questions.length ? null : questions[o.which % questions.length]!.id
        plan.vragen.addNote({ text: o.text, question, kind: o.note }, pick(0))
        break
      }
      case 'moment':
        plan.evaluatiemomenten.schedule({ date: o.date, note: o.note }, pick(0))
        break
      case 'evaluate': {
        const moments = plan.evaluatiemomenten.list()
        if (moments.length) plan.evaluatiemomenten.answer(moments[o.which % moments.length]!.id, o.question, o.text, pick(o.who))
        break
      }
      case 'bijstelling': {
        const moments = plan.evaluatiemomenten.list()
        const actions = plan.basisteam.list()
        if (moments.length) plan.evaluatiemomenten.bijstellingen.add({ moment: moments[o.which % moments.length]!.id, task: o.task, text: o.text, action: actions[o.which % (actions.length + 1)]?.id ?? null }, pick(0))
        break
      }
      case 'meeting': {
        const household = { person: pick(0), role: 'eigenaar' as const }
        const meeting = plan.meetings.running()?.id ?? plan.meetings.start({ gespreksleider: pick(o.who), title: o.title }, household)
        if (!meeting) break
        plan.meetings.arrive(meeting, pick(o.who))
        plan.meetings.decided(meeting)?.insert(0, o.decided)
        plan.vragen.add(o.title, pick(o.who), { meeting })
        if (o.end) plan.meetings.end(meeting, household)
        break
      }
      case 'invite':
        plan.invitations.record({ id: `tok${plan.invitations.list().length}`, name: o.name, role: 'netwerk', room: 'plan', issuedAt: 1, expiresAt: null }, pick(0))
        break
    }
  }
}

function withoutAccess(file: ReturnType<typeof buildExport>) {
  return Object.fromEntries(Object.entries(file.rooms).map(([kind, room]) => {
    const { toegang: _renewed, ...readable } = room!.readable
    return [kind, readable]
  }))
}

describe('export → import → export', () => {
  it('gives the same readable JSON for random plans', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.array(op, { maxLength: 8 }), (planOps, ownOps) => {
        const plan = Plan.create(new Y.Doc(), { planId: 'OUDplan000000000000000', householdName: 'Familie Jansen' })
        const ours = Plan.open(new Y.Doc())
        apply(plan, planOps)
        apply(ours, ownOps)
        const first = JSON.parse(JSON.stringify(buildExport({ plan: plan.doc, huishouden: ours.doc })))

        const rooms = importAsNewPlan(readExport(first).rooms, 'NIEUWplan000000000000x')
        const docs = Object.fromEntries(Object.entries(rooms).map(([kind, state]) => {
          const doc = new Y.Doc()
          Y.applyUpdate(doc, state)
          return [kind, doc]
        }))
        const second = JSON.parse(JSON.stringify(buildExport(docs)))

        expect(withoutAccess(second)).toEqual(withoutAccess(first))
        expect(second.plan.id).toBe('NIEUWplan000000000000x')
        expect(second.rooms.plan.readable.toegang).toEqual([])
        // The new parts really came along, not only compared empty: what was made is read back.
        const made = plan.meetings.list().filter((m) => m.endedAt !== null).length
        expect(second.rooms.plan.readable.bijeenkomsten.filter((m: { record: unknown }) => m.record !== null)).toHaveLength(made)
        expect(second.rooms.plan.readable.route.phase).toBe(plan.route.current()?.phase ?? null)
        expect(second.rooms.plan.readable.waakvlam.level).toBe(plan.waakvlam.state().level)
        expect(second.rooms.plan.readable.evaluatiemomenten).toHaveLength(plan.evaluatiemomenten.list().length)
      }),
      { numRuns: 60 },
    )
  })
})
