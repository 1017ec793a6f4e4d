import { describe, expect, it, vi } from 'vitest'
import { newPlan, planReplicas, sync, syncAll, twoDevices } from '../../tests/support/planReplicas.ts'
import { HELP_SOURCES, consentOf, onDate, recurring } from './basisteam.ts'

describe('basisteam', () => {
  it('records wie doet wat, waar, wanneer en hoe', () => {
    const plan = newPlan()
    const id = plan.basisteam.add(
      { wat: 'Boodschappen doen', waar: 'Albert Heijn', wanneer: recurring('elke dinsdag'), hoe: 'Met de auto van Bob', wie: ['bob'] },
      'ann',
    )
    expect(plan.basisteam.get(id)).toMatchObject({
      wat: 'Boodschappen doen', waar: 'Albert Heijn', wanneer: { kind: 'recurring', text: 'elke dinsdag' }, hoe: 'Met de auto van Bob', status: 'trying', createdBy: 'ann',
    })
    plan.basisteam.edit(id, { wanneer: onDate('2025-03-04') }, 'bob')
    expect(plan.basisteam.get(id)!.wanneer).toEqual({ kind: 'date', date: '2025-03-04' })
    expect(onDate('volgende week')).toBeNull()
  })

  it('makes nobody a helper without their own yes', () => {
    const plan = newPlan()
    const id = plan.basisteam.add({ wat: 'Ophalen van school', wie: ['buurvrouw', 'ann'] }, 'ann')
    expect(consentOf(plan.basisteam.get(id)!, 'buurvrouw')).toBe('asked')
    expect(consentOf(plan.basisteam.get(id)!, 'ann')).toBe('yes')
    expect(plan.basisteam.answer(id, 'yes', 'bob')).toBe(false)
    expect(plan.basisteam.ask(id, 'buurvrouw', 'bob')).toBe(false)
    expect(plan.basisteam.answer(id, 'yes', 'buurvrouw')).toBe(true)
    expect(plan.basisteam.get(id)!.wie.find((h) => h.person === 'buurvrouw')).toMatchObject({ consent: 'yes', askedBy: 'ann' })
    expect(plan.basisteam.release(id, 'buurvrouw', 'ann')).toBe(false)
    plan.basisteam.answer(id, 'no', 'buurvrouw')
    expect(consentOf(plan.basisteam.get(id)!, 'buurvrouw')).toBe('no')
    expect(plan.basisteam.ask(id, 'buurvrouw', 'ann')).toBe(false)
    expect(consentOf(plan.basisteam.get(id)!, 'buurvrouw')).toBe('no')
    expect(plan.basisteam.release(id, 'buurvrouw', 'ann')).toBe(true)
    expect(consentOf(plan.basisteam.get(id)!, 'buurvrouw')).toBeNull()
  })

  it('shows a person only what is asked of them ("wat doe ik")', () => {
    const plan = newPlan()
    const a = plan.basisteam.add({ wat: 'Koken op woensdag', wie: ['buurman'] }, 'ann')
    plan.basisteam.add({ wat: 'Formulier invullen', wie: ['wijkcoach'] }, 'ann')
    const c = plan.basisteam.add({ wat: 'Wandelen', wie: ['buurman', 'ann'] }, 'ann')
    expect(plan.basisteam.forPerson('buurman').map((x) => x.id)).toEqual([a, c])
    plan.basisteam.answer(a, 'yes', 'buurman')
    expect(plan.basisteam.forPerson('buurman').map((x) => consentOf(x, 'buurman'))).toEqual(['yes', 'asked'])
  })

  it('keeps a yes given while someone else takes the ask back at the same time', () => {
    const { a, b, planA, planB } = twoDevices()
    const id = planA.basisteam.add({ wat: 'Hond uitlaten', wie: ['buurman'] }, 'ann')
    sync(a, b)
    planA.basisteam.release(id, 'buurman', 'ann')
    planB.basisteam.answer(id, 'yes', 'buurman')
    sync(a, b)
    for (const plan of [planA, planB]) expect(consentOf(plan.basisteam.get(id)!, 'buurman')).toBe('yes')
  })

  it('never lets a second ask, made at the same time elsewhere, wipe out a yes', () => {
    const { docs: [a, b, c], plans: [planA, planB, planC] } = planReplicas(3)
    const id = planA!.basisteam.add({ wat: 'Meegaan naar de huisarts' }, 'ann')
    syncAll([a!, b!, c!])
    planA!.basisteam.ask(id, 'buurman', 'ann')
    sync(a!, b!)
    planB!.basisteam.answer(id, 'yes', 'buurman')
    planC!.basisteam.ask(id, 'buurman', 'cem')
    syncAll([a!, b!, c!])
    for (const plan of [planA!, planB!, planC!]) expect(consentOf(plan.basisteam.get(id)!, 'buurman')).toBe('yes')
  })

  it('hides a person who leaves the plan from their actions, roles and "geslaagd" entry, and a restore brings back their own answers', () => {
    const plan = newPlan()
    const buurman = plan.people.add({ name: 'Henk', relation: 'buurman', role: 'netwerk' }, 'ann')
    const action = plan.basisteam.add({ wat: 'Vuilnis buiten zetten', wie: [buurman] }, 'ann')
    plan.basisteam.answer(action, 'yes', buurman)
    plan.rollen.add({ person: buurman, name: 'klusjesman' }, 'ann')
    plan.geslaagd.write(buurman, { condition: 'het rustig blijft' }, buurman)
    expect(plan.personReferences.whereIs(buurman).map((r) => r.instrument).sort()).toEqual(['basisteam', 'geslaagd', 'rollen'])
    plan.personReferences.removePerson(buurman, 'weghalen', { person: 'ann', role: 'eigenaar' })
    expect(plan.basisteam.list().find((a) => a.id === action)!.wie).toEqual([])
    expect(plan.rollen.of(buurman)).toEqual([])
    expect(plan.geslaagd.list()).toEqual([])
    plan.personReferences.restorePerson(buurman, { person: 'ann', role: 'eigenaar' })
    expect(consentOf(plan.basisteam.list().find((a) => a.id === action)!, buurman)).toBe('yes')
    expect(plan.rollen.of(buurman)).toHaveLength(1)
    expect(plan.geslaagd.list()).toMatchObject([{ person: buurman, condition: 'het rustig blijft' }])
  })

  it('sets a calm status and links values, card steps and leefgebieden', () => {
    const plan = newPlan()
    const value = plan.waarden.propose({ text: 'Samen eten', scope: 'shared' }, 'ann')
    const id = plan.basisteam.add({ wat: 'Zondag samen koken', values: [value], steps: ['acties'], leefgebieden: ['sociaal-netwerk'] }, 'ann')
    plan.basisteam.setStatus(id, 'ongoing', 'bob')
    plan.basisteam.linkStep(id, 'relaties')
    plan.basisteam.tag(id, 'dagbesteding')
    expect(plan.basisteam.get(id)).toMatchObject({
      status: 'ongoing', values: [value], steps: ['relaties', 'acties'], leefgebieden: ['dagbesteding', 'sociaal-netwerk'],
    })
    expect(plan.basisteam.forValue(value).map((x) => x.id)).toEqual([id])
    plan.basisteam.unlinkValue(id, value)
    plan.basisteam.unlinkStep(id, 'acties')
    plan.basisteam.untag(id, 'dagbesteding')
    expect(plan.basisteam.get(id)).toMatchObject({ values: [], steps: ['relaties'], leefgebieden: ['sociaal-netwerk'] })
  })

  it('turns an Acties item into one action, also when two offline devices both do it, and keeps every ask and answer', () => {
    const { docs: [a, b, c], plans: [planA, planB, planC] } = planReplicas(3)
    const itemId = planA!.partnerschapskaart.addItem({ step: 'acties', question: 'acties.anderen', text: 'Oma haalt Daan op van voetbal', notes: 'op woensdag' }, 'ann')
    syncAll([a!, b!, c!])
    const item = planA!.partnerschapskaart.item(itemId)!

    // Ans asks oma on her phone; Bram, offline too, makes the same action and asks the neighbour.
    const id = planA!.basisteam.fromCardItem(item, ['oma'], 'ann')!
    expect(planB!.basisteam.fromCardItem(planB!.partnerschapskaart.item(itemId)!, ['buurman'], 'bram')).toBe(id)
    // Oma sees Ans's ask (through C) and says yes before Bram's copy arrives; Ans rewords it meanwhile.
    sync(a!, c!)
    expect(planC!.basisteam.answer(id, 'yes', 'oma')).toBe(true)
    planA!.basisteam.edit(id, { wat: 'Oma haalt Daan op' }, 'ann')
    syncAll([a!, b!, c!])

    for (const plan of [planA!, planB!, planC!]) {
      const actions = plan.basisteam.list()
      expect(actions).toHaveLength(1)
      expect(actions[0]).toMatchObject({ id, wat: 'Oma haalt Daan op', notes: 'op woensdag', fromCard: itemId, steps: ['acties'] })
      expect(actions[0]!.wie.map((h) => [h.person, h.consent]).sort()).toEqual([['buurman', 'asked'], ['oma', 'yes']])
      expect(plan.basisteam.forCardItem(itemId)?.id).toBe(id)
      expect(plan.basisteam.forPerson('oma').map((x) => x.id)).toEqual([id])
    }
  })

  it('lists actions removed in the same millisecond on two devices in one order on both', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T20:00:00Z') })
    try {
      const { a, b, planA, planB } = twoDevices()
      const school = planA.partnerschapskaart.addItem({ step: 'acties', question: 'acties.ik', text: 'Ik bel de school' }, 'ann')
      const oma = planA.partnerschapskaart.addItem({ step: 'acties', question: 'acties.anderen', text: 'Oma haalt Daan op' }, 'ann')
      syncAll([a, b])
      // Offline, each device makes one card action and removes it again, in the same millisecond.
      planA.basisteam.remove(planA.basisteam.fromCardItem(planA.partnerschapskaart.item(school)!, [], 'ann')!, 'ann')
      planB.basisteam.remove(planB.basisteam.fromCardItem(planB.partnerschapskaart.item(oma)!, [], 'ann')!, 'ann')
      syncAll([a, b])
      const removedOn = (plan: typeof planA) => plan.basisteam.removed().map((action) => action.wat)
      expect(removedOn(planA)).toHaveLength(2)
      expect(removedOn(planB)).toEqual(removedOn(planA))
    } finally {
      vi.useRealTimers()
    }
  })

  it('asks "ik" items\' writer, says yes for yourself, and brings a removed card action back when it is made again', () => {
    const plan = newPlan()
    const item = plan.partnerschapskaart.item(plan.partnerschapskaart.addItem({ step: 'acties', question: 'acties.ik', text: 'Ik bel de school' }, 'ann'))!
    const id = plan.basisteam.fromCardItem(item, ['ann'], 'ann')!
    expect(consentOf(plan.basisteam.get(id)!, 'ann')).toBe('yes')
    plan.basisteam.remove(id, 'ann')
    expect(plan.basisteam.forCardItem(item.id)).toBeUndefined()
    expect(plan.basisteam.removed().map((x) => x.id)).toEqual([id])
    expect(plan.basisteam.fromCardItem(item, [], 'bob')).toBe(id)
    expect(plan.basisteam.get(id)!.wie).toHaveLength(1)
    // Card actions and others share one order: a new action comes after it, and moves work across both.
    const other = plan.basisteam.add({ wat: 'Wandelen' }, 'ann')
    expect(plan.basisteam.list().map((x) => x.id)).toEqual([id, other])
    plan.basisteam.move(other, 0, 'ann')
    expect(plan.basisteam.list().map((x) => x.id)).toEqual([other, id])
  })

  it('keeps card actions in the plan\'s versions: a restore brings their words and asks back', () => {
    const plan = newPlan()
    const item = plan.partnerschapskaart.item(plan.partnerschapskaart.addItem({ step: 'acties', question: 'acties.anderen', text: 'Oma kookt' }, 'ann'))!
    const id = plan.basisteam.fromCardItem(item, ['oma'], 'ann')!
    const version = plan.versions.save({ name: 'voor de evaluatie' }, 'ann')
    plan.basisteam.edit(id, { wat: 'Oma kookt niet meer' }, 'bob')
    plan.basisteam.release(id, 'oma', 'bob')
    expect(plan.versions.restorePlan(version, 'ann')).toBe(true)
    expect(plan.basisteam.get(id)).toMatchObject({ wat: 'Oma kookt', fromCard: item.id })
    expect(plan.basisteam.get(id)!.wie.map((h) => h.person)).toEqual(['oma'])
    expect(plan.basisteam.list()).toHaveLength(1)
  })

  it('says where help comes from, when someone wants to, in the order of the sources', () => {
    const plan = newPlan()
    const id = plan.basisteam.add({ wat: 'Hulp bij de administratie', bron: 'voorliggend' }, 'ann')
    expect(plan.basisteam.get(id)!.bron).toBe('voorliggend')
    plan.basisteam.edit(id, { bron: null }, 'ann')
    expect(plan.basisteam.get(id)!.bron).toBeNull()
    expect(plan.basisteam.get(plan.basisteam.add({ wat: 'x' }, 'ann'))!.bron).toBeNull()
    expect(HELP_SOURCES).toEqual(['eigen-kracht', 'netwerk', 'voorliggend', 'maatwerk'])
  })

  it('reads damaged fields without throwing', () => {
    const plan = newPlan()
    const id = plan.basisteam.add({ wat: 'x', wie: ['bob'] }, 'ann')
    plan.basisteam.edit(id, { wanneer: { kind: 'date', date: 'gisteren' } }, 'ann')
    expect(plan.basisteam.get(id)!.wanneer).toBeNull()
  })
})
