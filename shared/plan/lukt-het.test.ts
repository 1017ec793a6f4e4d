import { describe, expect, it } from 'vitest'
import { newPlan } from '../../tests/support/planReplicas.ts'

describe('lukt het?', () => {
  it('keeps dated reflections per action and for the plan, newest day first', () => {
    const plan = newPlan()
    const action = plan.basisteam.add({ wat: 'Wandelen' }, 'ann')
    const first = plan.luktHet.add({ action, text: 'Twee keer gelukt', date: '2025-03-01' }, 'bob')
    const second = plan.luktHet.add({ action, text: 'Regen, niet gegaan', date: '2025-03-08' }, 'ann')
    const whole = plan.luktHet.add({ text: 'We voelen ons gehoord' }, 'wijkcoach')
    expect(plan.luktHet.forAction(action).map((e) => e.id)).toEqual([second, first])
    expect(plan.luktHet.forPlan()).toMatchObject([{ id: whole, action: null, createdBy: 'wijkcoach' }])
    expect(plan.luktHet.get(whole)!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
