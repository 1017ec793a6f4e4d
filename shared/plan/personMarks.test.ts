import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { newPlan, planReplicas, syncAll } from '../../tests/support/planReplicas.ts'
import { Plan } from './index.ts'
import { marksAcross, PERSON_MARKS } from './personMarks.ts'
import { shareRecord } from './sharing.ts'

/** The three rooms of one plan on one household device. */
function rooms() {
  return { plan: newPlan(), netwerk: Plan.open(new Y.Doc()), huishouden: Plan.open(new Y.Doc()) }
}

describe('sensitive marks about people', () => {
  it('keeps a mark in the room it was set in, and shows it once across rooms, from the widest that holds it', () => {
    const { plan, netwerk, huishouden } = rooms()
    huishouden.personMarks.set('opa', 'noContact', true, 'ans')
    netwerk.personMarks.writeNote('opa', 'relatiekaart', 'Belt alleen met Kerst', 'bram')
    expect(plan.personMarks.of('opa')).toEqual([])
    const sides = [
      { plan, room: 'plan' as const },
      { plan: huishouden, room: 'huishouden' as const },
      { plan: netwerk, room: 'netwerk' as const },
    ]
    expect(marksAcross(sides, 'opa')).toMatchObject([
      { kind: 'noContact', room: 'huishouden' },
      { kind: 'note', place: 'relatiekaart', text: 'Belt alleen met Kerst', room: 'netwerk' },
    ])
    // Delen met het plan: a copy in the plan room with its author; now everyone reads it.
    const original = huishouden.personMarks.of('opa')[0]!
    shareRecord(PERSON_MARKS, original.id, { plan: huishouden, room: 'huishouden' }, { plan, room: 'plan' }, 'ans')
    expect(plan.personMarks.of('opa')).toMatchObject([{ kind: 'noContact', createdBy: 'ans', sharedFrom: { room: 'huishouden' } }])
    expect(marksAcross(sides, 'opa')[0]).toMatchObject({ kind: 'noContact', room: 'plan' })
  })

  it('sets a mark once, takes it away, and keeps one note per place', () => {
    const plan = newPlan()
    plan.personMarks.set('oma', 'passedAway', true, 'ans')
    plan.personMarks.set('oma', 'passedAway', true, 'ans')
    expect(plan.personMarks.of('oma')).toHaveLength(1)
    plan.personMarks.set('oma', 'passedAway', false, 'ans')
    expect(plan.personMarks.of('oma')).toEqual([])
    plan.personMarks.writeNote('oma', 'familiekaart', 'Lieve oma', 'ans')
    plan.personMarks.writeNote('oma', 'familiekaart', 'Onze lieve oma', 'ans')
    expect(plan.personMarks.of('oma')).toMatchObject([{ kind: 'note', text: 'Onze lieve oma' }])
    plan.personMarks.writeNote('oma', 'familiekaart', '  ', 'ans')
    expect(plan.personMarks.of('oma')).toEqual([])
  })

  it('reads two devices setting the same mark at once as one mark', () => {
    const { docs, plans } = planReplicas(3)
    plans[0]!.personMarks.set('oma', 'difficultContact', true, 'ans')
    plans[1]!.personMarks.set('oma', 'difficultContact', true, 'kees')
    syncAll(docs)
    for (const plan of plans) expect(marksAcross([{ plan, room: 'huishouden' }], 'oma')).toHaveLength(1)
    plans[2]!.personMarks.set('oma', 'difficultContact', false, 'ans')
    syncAll(docs)
    for (const plan of plans) expect(plan.personMarks.of('oma')).toEqual([])
  })
})
