import { describe, expect, it } from 'vitest'
import { newPlan } from '../../tests/support/planReplicas.ts'

describe('rollen', () => {
  it('records roles and responsibilities per person, several each', () => {
    const plan = newPlan()
    const a = plan.rollen.add({ person: 'ann', name: 'aanspreekpunt', responsibilities: 'Houdt iedereen op de hoogte' }, 'ann')
    const b = plan.rollen.add({ person: 'wijkcoach', name: 'wijkcoach', responsibilities: 'Regelt de aanvraag bij de gemeente' }, 'ann')
    const c = plan.rollen.add({ person: 'ann', name: 'mantelzorger' }, 'bob')
    expect(plan.rollen.of('ann').map((r) => r.id)).toEqual([a, c])
    expect(plan.rollen.of('wijkcoach')).toMatchObject([{ id: b, name: 'wijkcoach' }])
    plan.rollen.edit(c, { responsibilities: 'Boodschappen op zaterdag' }, 'ann')
    plan.rollen.move(c, 0, 'ann')
    expect(plan.rollen.of('ann')).toMatchObject([{ id: c, responsibilities: 'Boodschappen op zaterdag', createdBy: 'bob', updatedBy: 'ann' }, { id: a }])
    plan.rollen.remove(b, 'ann')
    expect(plan.rollen.removed()).toMatchObject([{ id: b, removedBy: 'ann' }])
  })
})
