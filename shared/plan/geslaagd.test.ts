import { describe, expect, it } from 'vitest'
import { newPlan, sync, twoDevices } from '../../tests/support/planReplicas.ts'

describe('geslaagd ("Ik vind … geslaagd als …")', () => {
  it('keeps one entry per person, also when everyone writes at the same time on their own device', () => {
    const { a, b, planA, planB } = twoDevices()
    planA.geslaagd.write('ann', { subject: 'onze samenwerking', condition: 'we elkaar eerlijk zeggen wat er speelt' }, 'ann')
    planB.geslaagd.write('bob', { subject: 'het plan', condition: 'mama weer naar de markt kan' }, 'bob')
    sync(a, b)
    expect(planA.geslaagd.list().map((e) => e.person).sort()).toEqual(['ann', 'bob'])
    expect(planB.geslaagd.get('ann')).toMatchObject({ subject: 'onze samenwerking', writtenBy: 'ann' })
  })

  it('changes one half of an entry and keeps the other', () => {
    const plan = newPlan()
    plan.geslaagd.write('ann', { subject: 'onze samenwerking', condition: 'iedereen meedoet' }, 'ann')
    plan.geslaagd.write('ann', { condition: 'iedereen zich gehoord voelt' }, 'ann')
    expect(plan.geslaagd.get('ann')).toMatchObject({ subject: 'onze samenwerking', condition: 'iedereen zich gehoord voelt' })
  })

  it('lets someone write for a person at the table, but never overwrite what the person wrote themselves', () => {
    const plan = newPlan()
    expect(plan.geslaagd.write('oma', { condition: 'ik op zondag bezoek krijg' }, 'ann')).toBe(true)
    expect(plan.geslaagd.get('oma')?.writtenBy).toBe('ann')
    expect(plan.geslaagd.write('oma', { condition: 'ik elke zondag bezoek krijg' }, 'oma')).toBe(true)
    expect(plan.geslaagd.write('oma', { condition: 'iets anders' }, 'ann')).toBe(false)
    expect(plan.geslaagd.clear('oma', 'bob')).toBe(false)
    expect(plan.geslaagd.get('oma')?.condition).toBe('ik elke zondag bezoek krijg')
    expect(plan.geslaagd.clear('oma', 'oma')).toBe(true)
    expect(plan.geslaagd.list()).toEqual([])
  })

  it('reads a damaged entry without throwing', () => {
    const plan = newPlan()
    plan.doc.getMap('geslaagd').set('x', 42)
    plan.doc.getMap('geslaagd').set('y', { subject: 7, condition: 'ok' })
    expect(plan.geslaagd.list()).toMatchObject([{ person: 'y', subject: '', condition: 'ok', writtenBy: null }])
  })
})
