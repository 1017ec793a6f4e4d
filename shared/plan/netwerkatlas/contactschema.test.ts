import { describe, expect, it } from 'vitest'
import { newPlan, sync, twoDevices } from '../../../tests/support/planReplicas.ts'
import { DAYS } from './contactschema.ts'

describe('contactschema', () => {
  it('puts people in the week and shows where nobody is', () => {
    const plan = newPlan()
    const schema = plan.netwerkatlas.contactschema
    const oma = plan.people.add({ name: 'Oma', relation: '', role: null }, null)
    const buur = plan.people.add({ name: 'Buurman', relation: '', role: null }, null)
    for (const day of DAYS.filter((d) => d !== 'zondag')) schema.put(oma, { day, part: 'ochtend' }, null)
    for (const day of DAYS.filter((d) => d !== 'zondag')) for (const part of ['middag', 'avond'] as const) schema.put(buur, { day, part }, null)
    schema.put(buur, { day: 'woensdag', part: 'ochtend' }, null)
    schema.setFrequency(oma, 'dagelijks', null)
    schema.setWay(oma, 'bellen', true, null)
    expect(schema.gaps()).toEqual([{ day: 'zondag', parts: ['ochtend', 'middag', 'avond'], wholeDay: true }])
    expect(schema.week()[2]!.parts[0]!.people.map((p) => p.id)).toEqual([oma, buur])
    expect(schema.get(oma)).toMatchObject({ frequency: 'dagelijks', ways: ['bellen'], person: { name: 'Oma' } })
    expect(schema.get(oma)!.slots).toHaveLength(6)

    schema.take(buur, { day: 'dinsdag', part: 'avond' }, null)
    expect(schema.gaps()).toContainEqual({ day: 'dinsdag', parts: ['avond'], wholeDay: false })
    expect(schema.get(buur)).toBeDefined()
  })

  it('merges two devices filling the week at the same time', () => {
    const { a, b, planA, planB } = twoDevices()
    const oma = planA.people.add({ name: 'Oma', relation: '', role: null }, null)
    sync(a, b)
    planA.netwerkatlas.contactschema.put(oma, { day: 'maandag', part: 'ochtend' }, 'ann')
    planB.netwerkatlas.contactschema.put(oma, { day: 'zondag', part: 'middag' }, 'bob')
    planB.netwerkatlas.contactschema.put(oma, { day: 'maandag', part: 'ochtend' }, 'bob')
    planA.netwerkatlas.contactschema.setFrequency(oma, 'wekelijks', 'ann')
    sync(a, b)
    expect(planA.netwerkatlas.contactschema.list()).toEqual(planB.netwerkatlas.contactschema.list())
    expect(planA.netwerkatlas.contactschema.get(oma)).toMatchObject({
      frequency: 'wekelijks',
      slots: [
        { day: 'maandag', part: 'ochtend' },
        { day: 'zondag', part: 'middag' },
      ],
    })
  })

  it('takes someone out of the schema without taking them off the list', () => {
    const plan = newPlan()
    const schema = plan.netwerkatlas.contactschema
    const oma = plan.people.add({ name: 'Oma', relation: '', role: null }, null)
    schema.put(oma, { day: 'maandag', part: 'ochtend' }, null)
    schema.remove(oma)
    expect(schema.list()).toEqual([])
    expect(schema.gaps()).toHaveLength(7)
    expect(plan.people.get(oma)).toBeDefined()
  })
})
