import { describe, expect, it } from 'vitest'
import { newPlan } from '../../tests/support/planReplicas.ts'

describe('rollen', () => {
  it('records roles and responsibilities per person, several each', () => {
    const plan = newPlan()
    const a = plan.rollen.add({ person: 'ann', name: 'aanspreekpunt', responsibilities: 'Houdt iedereen op de hoogte' }, 'ann')
    const b = plan.rollen.add({ person: 'wijkcoach', name: 'wijkcoach', responsibilities: 'Regelt de aanvraag bij de gemeente' }, 'ann')
    const c = plan.rollen.add({ person: 'ann', name: 'mantelzorger' }, 'bob')
    expect(plan.rollen.of('ann').map((r) => r.id)).toEqual([a, c])
    expect(plan.rollen.of('wijkcoach')).toMatchObject([{ id: b, name: 'wijkcoach' }])
    plan.rollen.edit(c, { responsibilities: 'Boodschappen op zaterdag' }, 'ann')
    plan.rollen.move(c, 0, 'ann')
    expect(plan.rollen.of('ann')).toMatchObject([{ id: c, responsibilities: 'Boodschappen op zaterdag', createdBy: 'bob', updatedBy: 'ann' }, { id: a }])
    plan.rollen.remove(b, 'ann')
    expect(plan.rollen.removed()).toMatchObject([{ id: b, removedBy: 'ann' }])
  })
})

describe('a role stands only with the person\'s own yes', () => {
  it('shows a role someone else proposes as "gevraagd" until that person answers, and only they answer', () => {
    const plan = newPlan()
    const id = plan.rollen.add({ person: 'bram', name: 'mantelzorger', responsibilities: 'Boodschappen' }, 'ans')
    expect(plan.rollen.get(id)).toMatchObject({ consent: 'asked', answeredAt: null })
    expect(plan.rollen.askedOf('bram').map((r) => r.id)).toEqual([id])
    expect(plan.rollen.answer(id, 'yes', 'ans')).toBe(false)
    expect(plan.rollen.get(id)!.consent).toBe('asked')
    expect(plan.rollen.answer(id, 'yes', 'bram')).toBe(true)
    expect(plan.rollen.get(id)!.consent).toBe('yes')
    expect(plan.rollen.askedOf('bram')).toEqual([])
  })

  it('asks again when someone else changes the words, and not when the person does', () => {
    const plan = newPlan()
    const id = plan.rollen.add({ person: 'bram', name: 'mantelzorger' }, 'ans')
    plan.rollen.answer(id, 'yes', 'bram')
    plan.rollen.edit(id, { responsibilities: 'Elke dag koken' }, 'ans')
    expect(plan.rollen.get(id)!.consent).toBe('asked')
    plan.rollen.edit(id, { responsibilities: 'Op dinsdag koken' }, 'bram')
    expect(plan.rollen.get(id)!.consent).toBe('yes')
    // A role you give yourself stands at once; "nee" is an answer too.
    expect(plan.rollen.get(plan.rollen.add({ person: 'ans', name: 'aanspreekpunt' }, 'ans'))!.consent).toBe('yes')
    const other = plan.rollen.add({ person: 'bram', name: 'chauffeur' }, 'ans')
    plan.rollen.answer(other, 'no', 'bram')
    expect(plan.rollen.get(other)!.consent).toBe('no')
  })

  it('reads roles written before answers existed: standing when the person wrote them, asked otherwise', () => {
    const plan = newPlan()
    const map = plan.doc.getMap('rollen') as import('yjs').Map<import('yjs').Map<unknown>>
    const own = plan.rollen.add({ person: 'kees', name: 'klusjesman' }, 'kees')
    const given = plan.rollen.add({ person: 'kees', name: 'mantelzorger' }, 'ans')
    // What the first release stored: no answer field at all.
    for (const id of [own, given]) (map.get(id) as import('yjs').Map<unknown>).delete('answer')
    expect(plan.rollen.get(own)!.consent).toBe('yes')
    expect(plan.rollen.get(given)!.consent).toBe('asked')
  })
})
