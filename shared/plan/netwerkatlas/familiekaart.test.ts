import { describe, expect, it } from 'vitest'
import { newPlan, sync, twoDevices } from '../../../tests/support/planReplicas.ts'
import { GENERATIONS } from './familiekaart.ts'
import { ATLAS_LABELS } from './labels.ts'

describe('familiekaart', () => {
  it('builds generations from the lines people draw', () => {
    const plan = newPlan()
    const kaart = plan.netwerkatlas.familiekaart
    const add = (name: string) => plan.people.add({ name, relation: '', role: null }, null)
    const [sandra, opa, oma, lotte, mark] = ['Sandra', 'Opa Jan', 'Oma Riet', 'Lotte', 'Mark'].map(add) as [string, string, string, string, string]
    kaart.add(sandra, { generation: 0, birthYear: 1984 }, sandra)
    kaart.link('ouder-kind', opa, sandra, sandra)
    kaart.link('ouder-kind', sandra, lotte, sandra)
    kaart.link('partner', opa, oma, sandra)
    kaart.link('ex-partner', mark, sandra, sandra)
    expect(kaart.generations().map((g) => [g.generation, g.members.map((m) => m.person.id)])).toEqual([
      [-1, [opa, oma]],
      [0, [sandra, mark]],
      [1, [lotte]],
    ])
    expect(kaart.linksOf(sandra).map((l) => l.kind).sort()).toEqual(['ex-partner', 'ouder-kind', 'ouder-kind'])
    expect(kaart.birthYearOf(sandra)).toBe(1984)
    expect(kaart.notInKaart()).toEqual([])
  })

  it('keeps one line per couple: partner becomes ex-partner', () => {
    const plan = newPlan()
    const kaart = plan.netwerkatlas.familiekaart
    const a = plan.people.add({ name: 'A', relation: '', role: null }, null)
    const b = plan.people.add({ name: 'B', relation: '', role: null }, null)
    const first = kaart.link('partner', a, b, null)
    const second = kaart.link('ex-partner', b, a, null)
    expect(second).toBe(first)
    expect(kaart.links()).toEqual([expect.objectContaining({ id: first, kind: 'ex-partner' })])
    expect(kaart.link('partner', a, a, null)).toBeNull()
  })

  it('makes one line when two devices draw the same line at once', () => {
    const { a, b, planA, planB } = twoDevices()
    const mam = planA.people.add({ name: 'Mam', relation: '', role: null }, null)
    const kind = planA.people.add({ name: 'Kind', relation: '', role: null }, null)
    sync(a, b)
    planA.netwerkatlas.familiekaart.link('ouder-kind', mam, kind, 'ann')
    planB.netwerkatlas.familiekaart.link('ouder-kind', mam, kind, 'bob')
    planB.netwerkatlas.familiekaart.update(mam, { deceased: true }, 'bob')
    planA.netwerkatlas.familiekaart.update(mam, { birthYear: 1950 }, 'ann')
    sync(a, b)
    expect(planA.netwerkatlas.familiekaart.links()).toHaveLength(1)
    expect(planA.netwerkatlas.familiekaart.links()).toEqual(planB.netwerkatlas.familiekaart.links())
    expect(planA.netwerkatlas.familiekaart.list()).toEqual(planB.netwerkatlas.familiekaart.list())
    expect(planA.netwerkatlas.familiekaart.member(mam)).toMatchObject({ generation: -1, deceased: true, birthYear: 1950 })
  })

  it('marks someone with care, and takes them out with their lines but keeps them on the list', () => {
    const plan = newPlan()
    const kaart = plan.netwerkatlas.familiekaart
    const broer = plan.people.add({ name: 'Broer', relation: 'broer', role: null }, null)
    const ik = plan.people.add({ name: 'Ik', relation: '', role: null }, null)
    kaart.add(ik, { generation: 0 }, ik)
    kaart.add(broer, { generation: 0, outOfContact: true, note: 'We zien elkaar niet meer sinds 2015' }, ik)
    kaart.link('ouder-kind', broer, ik, ik)
    expect(kaart.member(broer)).toMatchObject({ outOfContact: true, deceased: false, note: 'We zien elkaar niet meer sinds 2015' })
    kaart.update(broer, { outOfContact: false, generation: 99, birthYear: 12 }, ik)
    expect(kaart.member(broer)).toMatchObject({ outOfContact: false, generation: 3, birthYear: null })
    kaart.removeMember(broer)
    expect(kaart.member(broer)).toBeUndefined()
    expect(kaart.links()).toEqual([])
    expect(kaart.notInKaart()).toEqual([broer])
    kaart.update(broer, { deceased: true }, ik)
    expect(kaart.member(broer)).toBeUndefined()
  })

  it('tells who has passed away, so nobody is asked to take a role or a task for them', () => {
    const plan = newPlan()
    const kaart = plan.netwerkatlas.familiekaart
    const [opa, oma] = ['Opa Henk', 'Oma Riet'].map((name) => plan.people.add({ name, relation: '', role: null }, null)) as [string, string]
    kaart.link('partner', opa, oma, oma)
    expect(kaart.passedAway()).toEqual([])
    kaart.update(opa, { deceased: true }, oma)
    expect(kaart.passedAway()).toEqual([opa])
    kaart.update(opa, { deceased: false }, oma)
    expect(kaart.passedAway()).toEqual([])
  })
})

describe('familiekaart labels', () => {
  it('has words for every generation the kaart can hold', () => {
    for (let g = GENERATIONS.oldest; g <= GENERATIONS.youngest; g++) {
      expect(ATLAS_LABELS.generations[String(g) as keyof typeof ATLAS_LABELS.generations]?.nl).toBeTruthy()
    }
  })
})
