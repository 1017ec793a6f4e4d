import { describe, expect, it } from 'vitest'
import { newPlan, sync, twoDevices } from '../../../tests/support/planReplicas.ts'

describe('gebeurteniskaart', () => {
  it('shows a timeline in a sensible order, exact and approximate dates together', () => {
    const plan = newPlan()
    const kaart = plan.netwerkatlas.gebeurteniskaart
    const sandra = plan.people.add({ name: 'Sandra', relation: '', role: 'eigenaar' }, null)
    const verhuisd = kaart.add({ what: 'Verhuisd naar de Vogelbuurt', when: '2019-09-02', strength: 'allebei' }, sandra)
    const vakantie = kaart.add({ what: 'Vakantie met oma', when: 'zomer 2019', strength: 'gaf-kracht' }, sandra)
    const school = kaart.add({ what: 'Naar een nieuwe school', when: 'toen ik 12 was' }, sandra)
    const ziek = kaart.add({ what: 'Mam werd ziek', when: '2016', strength: 'kostte-kracht' }, sandra)
    // Without a birth year "toen ik 12 was" stays where it was told: right after the summer holiday.
    expect(kaart.list().map((e) => e.id)).toEqual([ziek, vakantie, school, verhuisd])
    expect(kaart.get(school)!.when).toEqual({ text: 'toen ik 12 was', precision: 'ongeveer', sortDate: null, basis: null })

    plan.netwerkatlas.familiekaart.add(sandra, { generation: 0, birthYear: 1995 }, sandra)
    expect(kaart.list().map((e) => e.id)).toEqual([school, ziek, vakantie, verhuisd])
    expect(kaart.get(school)!.when).toMatchObject({ sortDate: '2007-01-01', basis: 'leeftijd' })
    expect(kaart.get(vakantie)).toMatchObject({ strength: 'gaf-kracht', when: { precision: 'ongeveer', sortDate: '2019-06-01' } })
  })

  it('counts an age in the years of the person it is about, and lets someone give an estimate', () => {
    const plan = newPlan()
    const kaart = plan.netwerkatlas.gebeurteniskaart
    const opa = plan.people.add({ name: 'Opa', relation: '', role: null }, null)
    const ik = plan.people.add({ name: 'Ik', relation: '', role: null }, null)
    plan.netwerkatlas.familiekaart.add(opa, { generation: -1, birthYear: 1940 }, ik)
    const mijn = kaart.add({ what: 'Opa ging met pensioen', when: 'toen hij 65 was', ageOf: opa }, ik)
    expect(kaart.get(mijn)).toMatchObject({ when: { sortDate: '2005-01-01' }, ageOf: { id: opa, name: 'Opa' } })
    const gok = kaart.add({ what: 'Ruzie met de buren', when: 'een tijd geleden', estimate: '2012' }, ik)
    expect(kaart.get(gok)!.when).toEqual({ text: 'een tijd geleden', precision: 'ongeveer', sortDate: '2012-01-01', basis: 'opgegeven' })
    kaart.setWhen(gok, 'lente 2013', ik)
    expect(kaart.get(gok)!.when).toMatchObject({ sortDate: '2013-03-01', basis: 'tekst' })
  })

  it('merges who was involved when two devices add people at once', () => {
    const { a, b, planA, planB } = twoDevices()
    const oma = planA.people.add({ name: 'Oma', relation: '', role: null }, null)
    const buur = planA.people.add({ name: 'Buurman', relation: '', role: null }, null)
    const id = planA.netwerkatlas.gebeurteniskaart.add({ what: 'Samen de tuin opgeknapt', when: '2021' }, null)
    sync(a, b)
    planA.netwerkatlas.gebeurteniskaart.involve(id, oma, true, 'ann')
    planB.netwerkatlas.gebeurteniskaart.involve(id, buur, true, 'bob')
    planB.netwerkatlas.gebeurteniskaart.update(id, { strength: 'gaf-kracht' }, 'bob')
    sync(a, b)
    expect(planA.netwerkatlas.gebeurteniskaart.get(id)).toMatchObject({ involved: [{ name: 'Oma' }, { name: 'Buurman' }], strength: 'gaf-kracht' })
    expect(planB.netwerkatlas.gebeurteniskaart.list()).toEqual(planA.netwerkatlas.gebeurteniskaart.list())
  })

  it('removes an event softly, with its story kept for a restore', () => {
    const plan = newPlan()
    const kaart = plan.netwerkatlas.gebeurteniskaart
    const id = kaart.add({ what: 'Geboorte van Lotte', when: '2012-04-03' }, 'ann')
    kaart.storyOf(id)!.insert(0, 'Het was een zonnige dag.')
    kaart.remove(id, 'bob')
    expect(kaart.list()).toEqual([])
    expect(kaart.removed()[0]).toMatchObject({ id, removedBy: 'bob' })
    kaart.restore(id)
    expect(kaart.storyOf(id)!.toString()).toBe('Het was een zonnige dag.')
    kaart.remove(id, 'bob')
    // Bob removed it but did not write it: he cannot erase it for everyone; the household can.
    expect(kaart.dismiss(id, { person: 'bob', role: 'netwerk' })).toBe(false)
    expect(kaart.removed()).toHaveLength(1)
    expect(kaart.dismiss(id, { person: 'ann', role: 'huishouden' })).toBe(true)
    expect(kaart.removed()).toEqual([])
  })
})
