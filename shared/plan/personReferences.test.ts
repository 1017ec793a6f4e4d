import { describe, expect, it } from 'vitest'
import { newPlan, sync, twoDevices } from '../../tests/support/planReplicas.ts'
import type { Plan } from './plan.ts'
import type { PersonId } from './ids.ts'

/** A household where Kees appears in every instrument that mentions people. */
function keesEverywhere(plan: Plan): { kees: PersonId; ann: PersonId; event: string } {
  const ann = plan.people.add({ name: 'Ann', relation: 'moeder', role: 'eigenaar' }, null)
  const kees = plan.people.add({ name: 'Kees', relation: 'opa', role: null }, ann)
  const atlas = plan.netwerkatlas
  atlas.familiekaart.link('ouder-kind', kees, ann, ann)
  atlas.relatiekaart.place(kees, { ring: 'dichtbij', sector: 'familie' }, ann)
  atlas.contactschema.put(kees, { day: 'zondag', part: 'middag' }, ann)
  atlas.contactschema.setFrequency(kees, 'wekelijks', ann)
  const event = atlas.gebeurteniskaart.add({ what: 'Opa kwam bij ons wonen', when: '2020', involved: [kees, ann] }, ann)
  return { kees, ann, event }
}

describe('person references', () => {
  it('reports every place a person appears, across instruments', () => {
    const plan = newPlan()
    const { kees, event } = keesEverywhere(plan)
    expect(plan.personReferences.whereIs(kees).map((r) => `${r.instrument}.${r.kind}:${r.id}`)).toEqual([
      `familiekaart.member:${kees}`,
      expect.stringMatching(/^familiekaart\.link:ouder-kind:/),
      `relatiekaart.placement:${kees}`,
      'contactschema.slot:zondag.middag',
      `contactschema.frequency:${kees}`,
      `gebeurteniskaart.event:${event}`,
    ])
  })

  it('lets another instrument add its own references', () => {
    const plan = newPlan()
    const { kees } = keesEverywhere(plan)
    const stop = plan.personReferences.register({
      instrument: 'boodschappen',
      referencesTo: (person) => (person === kees ? [{ instrument: 'boodschappen', kind: 'helper', id: 'zaterdag' }] : []),
    })
    expect(plan.personReferences.whereIs(kees)).toContainEqual({ instrument: 'boodschappen', kind: 'helper', id: 'zaterdag' })
    stop()
    expect(plan.personReferences.whereIs(kees).some((r) => r.instrument === 'boodschappen')).toBe(false)
  })

  it('lets only the household take someone off the list or put them back', () => {
    const plan = newPlan()
    const { kees, ann } = keesEverywhere(plan)
    for (const role of ['netwerk', 'professional', 'meelezer', null] as const) {
      expect(plan.personReferences.removePerson(kees, 'weghalen', { person: 'bram', role }), String(role)).toBe(false)
    }
    expect(plan.people.get(kees)).toBeDefined()
    expect(plan.personReferences.removePerson(kees, 'weghalen', { person: ann, role: 'huishouden' })).toBe(true)
    expect(plan.personReferences.restorePerson(kees, { person: 'bram', role: 'professional' })).toBe(false)
    expect(plan.personReferences.restorePerson(kees, { person: ann, role: 'eigenaar' })).toBe(true)
    expect(plan.people.get(kees)?.name).toBe('Kees')
  })

  it('"weghalen" hides the person in every instrument, destroys nothing, and a restore brings it all back', () => {
    const plan = newPlan()
    const { kees, ann, event } = keesEverywhere(plan)
    plan.personReferences.removePerson(kees, 'weghalen', { person: ann, role: 'eigenaar' })
    const atlas = plan.netwerkatlas
    expect(plan.people.get(kees)).toBeUndefined()
    expect(atlas.familiekaart.list().map((m) => m.person.id)).toEqual([ann])
    expect(atlas.familiekaart.links()).toEqual([])
    expect(atlas.relatiekaart.list()).toEqual([])
    expect(atlas.contactschema.gaps()).toContainEqual({ day: 'zondag', parts: ['ochtend', 'middag', 'avond'], wholeDay: true })
    expect(atlas.gebeurteniskaart.get(event)?.involved.map((p) => p.id)).toEqual([ann])
    // Nothing was destroyed: every place is still known, and comes back with the person.
    expect(plan.personReferences.whereIs(kees)).toHaveLength(6)
    plan.personReferences.restorePerson(kees, { person: ann, role: 'eigenaar' })
    expect(atlas.relatiekaart.get(kees)?.person).toMatchObject({ onList: true, name: 'Kees' })
    expect(atlas.familiekaart.links()).toHaveLength(1)
    expect(atlas.gebeurteniskaart.get(event)?.involved.map((p) => p.id).sort()).toEqual([kees, ann].sort())
  })

  it('"laten-staan" keeps the places, shown as someone who is no longer on the list', () => {
    const plan = newPlan()
    const { kees, ann, event } = keesEverywhere(plan)
    plan.personReferences.removePerson(kees, 'laten-staan', { person: ann, role: 'eigenaar' })
    const atlas = plan.netwerkatlas
    const former = { id: kees, onList: false }
    expect(atlas.relatiekaart.get(kees)?.person).toEqual(former)
    expect(atlas.familiekaart.links()[0]).toMatchObject({ a: former, b: { id: ann, onList: true, name: 'Ann' } })
    expect(atlas.contactschema.week()[6]!.parts[1]!.people).toEqual([former])
    expect(atlas.gebeurteniskaart.get(event)?.involved).toContainEqual(former)
    // A former person does not fill a gap: nobody on the list is there on Sunday.
    expect(atlas.contactschema.gaps().find((g) => g.day === 'zondag')?.wholeDay).toBe(true)
    plan.people.restore(kees)
    expect(atlas.relatiekaart.get(kees)?.person).toMatchObject({ onList: true, name: 'Kees' })
  })

  it('hides what an offline device added for a person removed with "weghalen", and shows it again after a restore', () => {
    const { a, b, planA, planB } = twoDevices()
    const ann = planA.people.add({ name: 'Ann', relation: '', role: null }, null)
    const kees = planA.people.add({ name: 'Kees', relation: '', role: null }, ann)
    sync(a, b)
    planA.personReferences.removePerson(kees, 'weghalen', { person: ann, role: 'eigenaar' })
    planB.netwerkatlas.contactschema.put(kees, { day: 'maandag', part: 'avond' }, ann)
    planB.netwerkatlas.relatiekaart.place(kees, { ring: 'verder-weg', sector: 'vrienden' }, ann)
    sync(a, b)
    for (const plan of [planA, planB]) {
      expect(plan.netwerkatlas.contactschema.week()[0]!.parts[2]!.people).toEqual([])
      expect(plan.netwerkatlas.relatiekaart.list()).toEqual([])
    }
    planB.people.restore(kees)
    sync(a, b)
    expect(planA.netwerkatlas.relatiekaart.get(kees)).toMatchObject({ ring: 'verder-weg', person: { name: 'Kees' } })
  })

  it('reads an id nobody knows as someone no longer on the list, without crashing', () => {
    const plan = newPlan()
    plan.netwerkatlas.relatiekaart.place('nooit-bestaan', { ring: 'dichtbij', sector: 'buurt' }, null)
    plan.netwerkatlas.familiekaart.link('partner', 'x', 'y', null)
    plan.netwerkatlas.gebeurteniskaart.add({ what: 'Iets', involved: ['z'], ageOf: 'q' }, 'w')
    expect(plan.netwerkatlas.relatiekaart.list()[0]?.person).toEqual({ id: 'nooit-bestaan', onList: false })
    expect(plan.netwerkatlas.familiekaart.links()).toHaveLength(1)
    expect(plan.netwerkatlas.gebeurteniskaart.list()[0]).toMatchObject({ involved: [{ id: 'z', onList: false }], ageOf: { id: 'q', onList: false } })
  })
})
