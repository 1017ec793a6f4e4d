import { describe, expect, it } from 'vitest'
import { newPlan, planReplicas, syncAll } from '../../tests/support/planReplicas.ts'
import { nextPhase, ROUTE_PHASES } from './route.ts'

describe('the route', () => {
  it('is where the household says it is: ahead, back or skipping, never computed', () => {
    const plan = newPlan()
    expect(plan.route.current()).toBeNull()
    plan.route.goTo('meedenkbijeenkomst', 'ans')
    expect(plan.route.current()).toMatchObject({ phase: 'meedenkbijeenkomst', createdBy: 'ans' })
    plan.route.goTo('netwerkatlas', 'ans')
    expect(plan.route.current()!.phase).toBe('netwerkatlas')
    expect(plan.route.history().map((c) => c.phase)).toEqual(['netwerkatlas', 'meedenkbijeenkomst'])
  })

  it('offers what usually comes next', () => {
    expect(ROUTE_PHASES.map(nextPhase)).toEqual(['netwerkatlas', 'meedenkbijeenkomst', 'basisteam', null])
  })

  it('shows every device the same place after choices made at once, and keeps them all in the history', () => {
    const { docs, plans } = planReplicas(3)
    plans[0]!.route.goTo('netwerkatlas', 'ans')
    plans[1]!.route.goTo('basisteam', 'bram')
    plans[2]!.route.goTo('ontmoeten', 'karin')
    syncAll(docs)
    const [first, ...rest] = plans.map((p) => p.route.current())
    for (const other of rest) expect(other).toEqual(first)
    expect(plans[0]!.route.history()).toHaveLength(3)
  })
})
