import { describe, expect, it } from 'vitest'
import { newPlan, planReplicas, syncAll } from '../../tests/support/planReplicas.ts'

describe('waakvlam', () => {
  it('goes to waakvlam with a check-in day, and back up at any time', () => {
    const plan = newPlan()
    expect(plan.waakvlam.state()).toEqual({ level: 'full', checkIn: null, by: null, at: 0 })
    plan.waakvlam.lower('2025-09-01', 'karin')
    expect(plan.waakvlam.state()).toMatchObject({ level: 'waakvlam', checkIn: '2025-09-01', by: 'karin' })
    expect(plan.waakvlam.checkInDue('2025-08-31')).toBe(false)
    expect(plan.waakvlam.checkInDue('2025-09-01')).toBe(true)
    plan.waakvlam.raise('ans')
    expect(plan.waakvlam.state()).toMatchObject({ level: 'full', checkIn: null, by: 'ans' })
    expect(plan.waakvlam.checkInDue('2025-09-01')).toBe(false)
    expect(plan.waakvlam.history().map((s) => s.level)).toEqual(['full', 'waakvlam'])
  })

  it('keeps no check-in day that is not a day', () => {
    const plan = newPlan()
    plan.waakvlam.lower('over een maand', 'karin')
    expect(plan.waakvlam.state()).toMatchObject({ level: 'waakvlam', checkIn: null })
  })

  it('shows every device the same state after changes made at once', () => {
    const { docs, plans } = planReplicas(3)
    plans[0]!.waakvlam.lower('2025-09-01', 'karin')
    plans[1]!.waakvlam.raise('ans')
    syncAll(docs)
    expect(plans[1]!.waakvlam.state()).toEqual(plans[0]!.waakvlam.state())
    expect(plans[2]!.waakvlam.state()).toEqual(plans[0]!.waakvlam.state())
  })
})
