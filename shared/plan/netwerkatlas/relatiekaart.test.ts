import { describe, expect, it } from 'vitest'
import { newPlan, planReplicas, sync, syncAll, twoDevices } from '../../../tests/support/planReplicas.ts'
import { nextRing, nextSector } from './relatiekaart.ts'

describe('relatiekaart', () => {
  it('places people in rings and sectors, and lists them centre outwards', () => {
    const plan = newPlan()
    const map = plan.netwerkatlas.relatiekaart
    const oma = plan.people.add({ name: 'Oma', relation: 'oma', role: null }, null)
    const buur = plan.people.add({ name: 'Buurvrouw Fatima', relation: 'buurvrouw', role: 'netwerk' }, null)
    const coach = plan.people.add({ name: 'Wijkcoach Sam', relation: 'wijkcoach', role: 'professional' }, null)
    map.place(coach, { ring: 'verder-weg', sector: 'professionals' }, oma)
    map.place(buur, { ring: 'dichtbij', sector: 'buurt' }, oma)
    map.place(oma, { ring: 'heel-dichtbij', sector: 'familie' }, oma)
    expect(map.list().map((p) => p.person.id)).toEqual([oma, buur, coach])
    expect(map.get(buur)).toMatchObject({ ring: 'dichtbij', sector: 'buurt', person: { name: 'Buurvrouw Fatima' }, updatedBy: oma })
    expect(map.rings()[1]!.sectors.find((s) => s.sector === 'buurt')!.people.map((p) => p.person.id)).toEqual([buur])
    expect(map.rings().map((r) => r.sectors.length)).toEqual([5, 5, 5])
    plan.people.update(buur, { name: 'Fatima' }, null)
    expect(map.get(buur)?.person).toMatchObject({ name: 'Fatima' })
  })

  it('describes a relationship: support kinds, strained, brug', () => {
    const plan = newPlan()
    const map = plan.netwerkatlas.relatiekaart
    const kees = plan.people.add({ name: 'Kees', relation: 'oom', role: null }, null)
    map.place(kees, { ring: 'dichtbij', sector: 'familie' }, null)
    map.setSupport(kees, 'gezelschap', true, null)
    map.setSupport(kees, 'praktisch', true, null)
    map.setSupport(kees, 'gezelschap', false, null)
    map.describe(kees, { strained: true, brug: true, note: 'Samen vissen' }, null)
    expect(map.get(kees)).toMatchObject({ support: ['praktisch'], strained: true, brug: true, note: 'Samen vissen' })
  })

  it('ends two concurrent moves of the same person in one place on every device', () => {
    const { a, b, planA, planB } = twoDevices()
    const kees = planA.people.add({ name: 'Kees', relation: '', role: null }, null)
    planA.netwerkatlas.relatiekaart.place(kees, { ring: 'verder-weg', sector: 'vrienden' }, null)
    sync(a, b)
    planA.netwerkatlas.relatiekaart.move(kees, { ring: 'heel-dichtbij' }, 'ann')
    planB.netwerkatlas.relatiekaart.move(kees, { ring: 'dichtbij', sector: 'buurt' }, 'bob')
    sync(a, b)
    const placedA = planA.netwerkatlas.relatiekaart.list()
    expect(placedA).toHaveLength(1)
    expect(placedA).toEqual(planB.netwerkatlas.relatiekaart.list())
    // The sector only Bob changed is Bob's; the ring is one of the two moves.
    expect(placedA[0]!.sector).toBe('buurt')
    expect(['heel-dichtbij', 'dichtbij']).toContain(placedA[0]!.ring)
  })

  it('keeps one placement when three people place the same new person at once', () => {
    const { docs, plans } = planReplicas(3)
    const kees = plans[0]!.people.add({ name: 'Kees', relation: '', role: null }, null)
    syncAll(docs)
    plans[0]!.netwerkatlas.relatiekaart.place(kees, { ring: 'dichtbij', sector: 'familie' }, 'a')
    plans[1]!.netwerkatlas.relatiekaart.place(kees, { ring: 'verder-weg', sector: 'vrienden' }, 'b')
    plans[2]!.netwerkatlas.relatiekaart.setSupport(kees, 'emotioneel', true, 'c')
    plans[1]!.netwerkatlas.relatiekaart.setSupport(kees, 'informatie', true, 'b')
    syncAll(docs)
    const lists = plans.map((p) => p.netwerkatlas.relatiekaart.list())
    expect(lists[0]).toHaveLength(1)
    expect(lists[1]).toEqual(lists[0])
    expect(lists[2]).toEqual(lists[0])
    expect(lists[0]![0]!.support).toEqual(['emotioneel', 'informatie'])
  })

  it('offers the people not on the map, and takes someone off without removing them from the list', () => {
    const plan = newPlan()
    const map = plan.netwerkatlas.relatiekaart
    const a = plan.people.add({ name: 'A', relation: '', role: null }, null)
    const b = plan.people.add({ name: 'B', relation: '', role: null }, null)
    map.place(a, { ring: 'dichtbij', sector: 'vrienden' }, null)
    expect(map.notPlaced()).toEqual([b])
    map.move(b, { ring: 'dichtbij' }, null)
    expect(map.get(b)).toBeUndefined()
    map.remove(a)
    expect(map.list()).toEqual([])
    expect(plan.people.get(a)?.name).toBe('A')
  })

  it('steps between rings and sectors for keyboard moves', () => {
    expect(nextRing('dichtbij', 'in')).toBe('heel-dichtbij')
    expect(nextRing('heel-dichtbij', 'in')).toBe('heel-dichtbij')
    expect(nextRing('dichtbij', 'out')).toBe('verder-weg')
    expect(nextRing('verder-weg', 'out')).toBe('verder-weg')
    expect(nextSector('familie', -1)).toBe('professionals')
    expect(nextSector('professionals', 1)).toBe('familie')
    expect(nextSector('vrienden', 1)).toBe('buurt')
  })
})
