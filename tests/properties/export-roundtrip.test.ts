import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildExport, importAsNewPlan, readExport } from '../../shared/export/index.ts'
import { CARD_STEPS, DAYS, DAY_PARTS, Plan, RINGS, SECTORS, type PersonId } from '../../shared/plan/index.ts'

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
      }),
      { numRuns: 60 },
    )
  })
})
