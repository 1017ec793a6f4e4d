import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { newPlan, sync, twoDevices } from '../../tests/support/planReplicas.ts'

describe('spelregels', () => {
  it('records who proposed a rule and who agreed, and when', () => {
    const plan = newPlan()
    const id = plan.spelregels.propose({ text: 'We zeggen het als iets niet lukt', notes: 'zonder schuld' }, 'ann')
    expect(plan.spelregels.get(id)).toMatchObject({ text: 'We zeggen het als iets niet lukt', notes: 'zonder schuld', proposedBy: 'ann', agreedBy: {}, history: [] })
    plan.spelregels.agree(id, 'ann')
    plan.spelregels.agree(id, 'bob')
    expect(Object.keys(plan.spelregels.get(id)!.agreedBy).sort()).toEqual(['ann', 'bob'])
    expect(plan.spelregels.notYet(id, ['ann', 'bob', 'cem'])).toEqual(['cem'])
    plan.spelregels.withdrawAgreement(id, 'bob')
    expect(plan.spelregels.notYet(id, ['ann', 'bob'])).toEqual(['bob'])
  })

  it('asks everyone again after the wording changes, and keeps the earlier wording with its agreements', () => {
    const plan = newPlan()
    const id = plan.spelregels.propose({ text: 'We bellen op maandag' }, 'ann')
    plan.spelregels.agree(id, 'ann')
    plan.spelregels.agree(id, 'bob')
    expect(plan.spelregels.reword(id, 'We bellen op maandag', 'cem')).toBe(false)
    expect(plan.spelregels.reword(id, 'We bellen op dinsdag', 'cem')).toBe(true)
    const rule = plan.spelregels.get(id)!
    expect(rule.text).toBe('We bellen op dinsdag')
    expect(rule.agreedBy).toEqual({})
    expect(rule.history).toMatchObject([{ text: 'We bellen op maandag', by: 'ann' }])
    expect(Object.keys(rule.history[0]!.agreedBy).sort()).toEqual(['ann', 'bob'])
    plan.spelregels.editNotes(id, 'om 10 uur', 'bob')
    plan.spelregels.agree(id, 'bob')
    plan.spelregels.editNotes(id, 'om 11 uur', 'ann')
    expect(Object.keys(plan.spelregels.get(id)!.agreedBy)).toEqual(['bob'])
  })

  it('never counts an agreement given at the same moment as a rewording for the new words', () => {
    const { a, b, planA, planB } = twoDevices()
    const id = planA.spelregels.propose({ text: 'Oma beslist mee' }, 'ann')
    sync(a, b)
    planA.spelregels.reword(id, 'Oma beslist mee over alles wat haar aangaat', 'ann')
    planB.spelregels.agree(id, 'bob')
    sync(a, b)
    for (const plan of [planA, planB]) {
      const rule = plan.spelregels.get(id)!
      expect(rule.text).toBe('Oma beslist mee over alles wat haar aangaat')
      expect(rule.agreedBy).toEqual({})
      expect(rule.history).toMatchObject([{ text: 'Oma beslist mee' }])
      expect(Object.keys(rule.history[0]!.agreedBy)).toEqual(['bob'])
    }
  })

  it('keeps both wordings when two people reword at once: one current, the other in the history', () => {
    const { a, b, planA, planB } = twoDevices()
    const id = planA.spelregels.propose({ text: 'We appen' }, 'ann')
    sync(a, b)
    planA.spelregels.reword(id, 'We appen overdag', 'ann')
    planB.spelregels.reword(id, 'We appen of bellen', 'bob')
    sync(a, b)
    const ruleA = planA.spelregels.get(id)!
    expect(planB.spelregels.get(id)).toEqual(ruleA)
    const all = [ruleA.text, ...ruleA.history.map((w) => w.text)].sort()
    expect(all).toEqual(['We appen', 'We appen of bellen', 'We appen overdag'])
  })

  it('removes a rule softly and shows who removed it', () => {
    const plan = newPlan()
    const id = plan.spelregels.propose({ text: 'x' }, 'ann')
    plan.spelregels.remove(id, 'bob')
    expect(plan.spelregels.list()).toEqual([])
    expect(plan.spelregels.removed()).toMatchObject([{ id, removedBy: 'bob', text: 'x' }])
  })

  it('reads agreements under any key a replica wrote without touching what every object inherits', () => {
    const plan = newPlan()
    const id = plan.spelregels.propose({ text: 'We bellen eerst' }, 'ann')
    const agreements = (plan.doc.getMap('spelregels').get(id) as Y.Map<unknown>).get('agreements') as Y.Map<unknown>
    agreements.set('__proto__:bob', 5)
    agreements.set('constructor:bob', 6)
    expect(plan.spelregels.get(id)).toMatchObject({ text: 'We bellen eerst', agreedBy: {} })
    expect(({} as Record<string, unknown>)['bob']).toBeUndefined()
  })
})
