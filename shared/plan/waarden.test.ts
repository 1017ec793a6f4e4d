import { describe, expect, it } from 'vitest'
import { newPlan, sync, twoDevices } from '../../tests/support/planReplicas.ts'

describe('waarden', () => {
  it('keeps "voor mij" and "voor ons" apart, each person with their own list', () => {
    const plan = newPlan()
    const mine = plan.waarden.propose({ text: 'Zelf koken', scope: 'personal' }, 'ann')
    const omas = plan.waarden.propose({ text: 'Mijn tuin', scope: 'personal', proposedBy: 'oma' }, 'ann')
    const ours = plan.waarden.propose({ text: 'Eerlijk zijn tegen elkaar', scope: 'shared' }, 'bob')
    expect(plan.waarden.personalOf('ann').map((v) => v.id)).toEqual([mine])
    expect(plan.waarden.personalOf('oma')).toMatchObject([{ id: omas, createdBy: 'ann', proposedBy: 'oma' }])
    expect(plan.waarden.shared()).toMatchObject([{ id: ours, proposedBy: 'bob' }])
  })

  it('keeps endorsements made at the same time on different devices, and lets one be withdrawn', () => {
    const { a, b, planA, planB } = twoDevices()
    const id = planA.waarden.propose({ text: 'Rust in huis', scope: 'personal' }, 'ann')
    sync(a, b)
    planA.waarden.endorse(id, 'cem')
    planB.waarden.endorse(id, 'bob')
    sync(a, b)
    expect(Object.keys(planA.waarden.get(id)!.endorsedBy).sort()).toEqual(['bob', 'cem'])
    planB.waarden.withdrawEndorsement(id, 'bob')
    sync(a, b)
    expect(Object.keys(planA.waarden.get(id)!.endorsedBy)).toEqual(['cem'])
  })

  it('adopts a value as a copy of your own that says where it came from, leaving the original as it was', () => {
    const plan = newPlan()
    const original = plan.waarden.propose({ text: 'Zuinig zijn', scope: 'personal', leefgebieden: ['financien'] }, 'ann')
    const copy = plan.waarden.adopt(original, 'bob')!
    expect(plan.waarden.get(copy)).toMatchObject({
      text: 'Zuinig zijn', scope: 'personal', proposedBy: 'bob', adoptedFromValue: original, adoptedFromPerson: 'ann', leefgebieden: ['financien'],
    })
    plan.waarden.edit(original, { text: 'Zuinig zijn met geld' }, 'ann')
    expect(plan.waarden.get(copy)!.text).toBe('Zuinig zijn')
    expect(plan.waarden.adoptionsOf(original).map((v) => v.id)).toEqual([copy])

    const intoGroup = plan.waarden.adopt(original, 'bob', 'shared')!
    expect(plan.waarden.shared().map((v) => v.id)).toEqual([intoGroup])
    expect(plan.waarden.personalOf('ann').map((v) => v.text)).toEqual(['Zuinig zijn met geld'])
  })

  it('lets nobody overwrite another person\'s value, while the group\'s values are everyone\'s', () => {
    const plan = newPlan()
    const anns = plan.waarden.propose({ text: 'Nabij zijn', scope: 'personal' }, 'ann')
    const omas = plan.waarden.propose({ text: 'Mijn tuin', scope: 'personal', proposedBy: 'oma' }, 'ann')
    const ours = plan.waarden.propose({ text: 'Samen beslissen', scope: 'shared' }, 'ann')
    expect(plan.waarden.edit(anns, { text: 'Iets anders' }, 'bob')).toBe(false)
    expect(plan.waarden.get(anns)!.text).toBe('Nabij zijn')
    expect(plan.waarden.edit(omas, { text: 'Mijn moestuin' }, 'ann')).toBe(true)
    expect(plan.waarden.edit(omas, { notes: 'zegt oma' }, 'oma')).toBe(true)
    expect(plan.waarden.edit(ours, { text: 'Samen beslissen, ook met oma' }, 'bob')).toBe(true)
    expect(plan.waarden.get(ours)).toMatchObject({ text: 'Samen beslissen, ook met oma', updatedBy: 'bob' })
  })

  it('merges leefgebied tags added at once and ignores tags it does not know', () => {
    const { a, b, planA, planB } = twoDevices()
    const id = planA.waarden.propose({ text: 'Gezond blijven', scope: 'shared' }, 'ann')
    sync(a, b)
    planA.waarden.tag(id, 'lichamelijke-gezondheid')
    planB.waarden.tag(id, 'sociaal-netwerk')
    sync(a, b)
    expect(planB.waarden.get(id)!.leefgebieden).toEqual(['lichamelijke-gezondheid', 'sociaal-netwerk'])
    planA.waarden.untag(id, 'sociaal-netwerk')
    expect(planA.waarden.get(id)!.leefgebieden).toEqual(['lichamelijke-gezondheid'])
  })

  it('gives the same list object until something changes, and a new one after a sync', () => {
    const { a, b, planA, planB } = twoDevices()
    planA.waarden.propose({ text: 'Humor', scope: 'shared' }, 'ann')
    const before = planA.waarden.shared()
    expect(planA.waarden.shared()).toBe(before)
    let calls = 0
    planA.waarden.subscribe(() => calls++)
    planB.waarden.propose({ text: 'Geduld', scope: 'shared' }, 'bob')
    sync(a, b)
    expect(calls).toBeGreaterThan(0)
    expect(planA.waarden.shared()).not.toBe(before)
    expect(planA.waarden.shared().map((v) => v.text).sort()).toEqual(['Geduld', 'Humor'])
  })

  it('brings a removed value back with its endorsements, and shows who removed it meanwhile', () => {
    const plan = newPlan()
    const id = plan.waarden.propose({ text: 'Veiligheid', scope: 'shared' }, 'ann')
    plan.waarden.endorse(id, 'bob')
    plan.waarden.remove(id, 'bob')
    expect(plan.waarden.list()).toEqual([])
    expect(plan.waarden.removed()[0]).toMatchObject({ id, removedBy: 'bob' })
    plan.waarden.restore(id)
    expect(plan.waarden.get(id)!.endorsedBy).toHaveProperty('bob')
  })

  it('moves a value among the values of its own list', () => {
    const plan = newPlan()
    const [x, y, z] = ['x', 'y', 'z'].map((text) => plan.waarden.propose({ text, scope: 'shared' }, 'ann'))
    plan.waarden.propose({ text: 'mine', scope: 'personal' }, 'ann')
    plan.waarden.move(z!, 0, 'ann')
    expect(plan.waarden.shared().map((v) => v.id)).toEqual([z, x, y])
  })
})
