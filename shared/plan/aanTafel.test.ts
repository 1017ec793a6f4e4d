import { describe, expect, it } from 'vitest'
import { newPlan, sync, twoDevices } from '../../tests/support/planReplicas.ts'
import type { Plan } from './plan.ts'

/** Oma Riet has no phone; she sits at the table beside Ans. Bram is someone else at the table with a phone of his own. */
function household(plan: Plan) {
  plan.people.add({ name: 'Ans', relation: 'moeder', role: 'eigenaar' }, 'ans', { id: 'ans' })
  plan.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, 'ans', { id: 'riet' })
  plan.people.add({ name: 'Bram', relation: 'buurman', role: 'netwerk' }, 'ans', { id: 'bram' })
}

describe('aan tafel: several people at one screen', () => {
  it('a yes given at the table shows as such, waits on Oma\'s own device, and she confirms it or takes it back', () => {
    const plan = newPlan()
    household(plan)
    const action = plan.basisteam.add({ wat: 'Boodschappen op dinsdag', wie: ['riet'] }, 'ans')
    expect(plan.basisteam.answerAtTable(action, 'yes', 'riet', 'ans')).toBe(true)
    expect(plan.basisteam.get(action)!.wie[0]).toMatchObject({ person: 'riet', consent: 'yes', atTable: { by: 'ans' } })
    expect(plan.aanTafel.pendingFor('riet')).toMatchObject([{ instrument: 'basisteam', id: action, person: 'riet', by: 'ans', said: 'yes' }])
    expect(plan.aanTafel.pendingFor('ans')).toEqual([])
    // Only Oma confirms; Bram cannot take it back, Oma can.
    const [act] = plan.aanTafel.pendingFor('riet')
    expect(plan.aanTafel.confirm(act!, 'ans')).toBe(false)
    expect(plan.aanTafel.withdraw(act!, 'bram')).toBe(false)
    expect(plan.aanTafel.withdraw(act!, 'riet')).toBe(true)
    expect(plan.basisteam.get(action)!.wie[0]).toMatchObject({ consent: 'asked', atTable: null })
    // Said again at the table, and this time Oma makes it her own.
    plan.basisteam.answerAtTable(action, 'yes', 'riet', 'ans')
    expect(plan.aanTafel.confirm(plan.aanTafel.pendingFor('riet')[0]!, 'riet')).toBe(true)
    expect(plan.basisteam.get(action)!.wie[0]).toMatchObject({ consent: 'yes', atTable: null })
    expect(plan.aanTafel.pendingFor('riet')).toEqual([])
  })

  it('is never the default: nobody answers for themselves this way, nor for someone not asked', () => {
    const plan = newPlan()
    household(plan)
    const action = plan.basisteam.add({ wat: 'Koken', wie: ['riet'] }, 'ans')
    expect(plan.basisteam.answerAtTable(action, 'yes', 'ans', 'ans')).toBe(false)
    expect(plan.basisteam.answerAtTable(action, 'yes', 'bram', 'ans')).toBe(false)
    // Answering for someone without "aan tafel" is refused: only the person answers.
    expect(plan.basisteam.answer(action, 'yes', 'ans')).toBe(false)
    expect(plan.basisteam.get(action)!.wie[0]!.consent).toBe('asked')
  })

  it('whoever recorded it may take back a slip of the finger; their own later word replaces it for Oma', () => {
    const plan = newPlan()
    household(plan)
    const action = plan.basisteam.add({ wat: 'Koken', wie: ['riet'] }, 'ans')
    plan.basisteam.answerAtTable(action, 'no', 'riet', 'ans')
    expect(plan.aanTafel.withdraw(plan.aanTafel.pendingFor('riet')[0]!, 'ans')).toBe(true)
    plan.basisteam.answerAtTable(action, 'no', 'riet', 'ans')
    plan.basisteam.answer(action, 'yes', 'riet')
    expect(plan.basisteam.get(action)!.wie[0]).toMatchObject({ consent: 'yes', atTable: null })
  })

  it('an app that only knows own answers never reads a yes given at the table as Oma\'s own', () => {
    const plan = newPlan()
    household(plan)
    const action = plan.basisteam.add({ wat: 'Koken', wie: ['riet'] }, 'ans')
    plan.basisteam.answerAtTable(action, 'yes', 'riet', 'ans')
    const stored = (plan.doc.getMap('basisteam').get(action) as import('yjs').Map<unknown>).get('answers') as import('yjs').Map<unknown>
    expect(stored.has('riet')).toBe(false)
    plan.partnerschapskaart.agreement.agreeAtTable('waarden', 'riet', 'ans')
    expect(typeof plan.doc.getMap('partnerschapskaart-akkoord').get('waarden:riet')).not.toBe('number')
  })

  it('Oma\'s withdrawal on her own phone reaches Ans\'s phone, and the yes is gone there too', () => {
    const { a, b, planA, planB } = twoDevices()
    household(planA)
    const action = planA.basisteam.add({ wat: 'Boodschappen', wie: ['riet'] }, 'ans')
    planA.basisteam.answerAtTable(action, 'yes', 'riet', 'ans')
    sync(a, b)
    planB.aanTafel.withdraw(planB.aanTafel.pendingFor('riet')[0]!, 'riet')
    sync(a, b)
    expect(planA.basisteam.get(action)!.wie[0]!.consent).toBe('asked')
  })

  it('works for agreeing with a step, a "geslaagd als" sentence, a role and the basisteam itself', () => {
    const plan = newPlan()
    household(plan)
    const agreement = plan.partnerschapskaart.agreement
    expect(agreement.agreeAtTable('waarden', 'riet', 'ans')).toBe(true)
    expect(agreement.of('waarden')).toHaveProperty('riet')
    expect(agreement.atTableOf('waarden')['riet']).toMatchObject({ by: 'ans' })
    plan.geslaagd.write('riet', { condition: 'ik op zondag bezoek krijg' }, 'ans')
    const rol = plan.rollen.add({ person: 'riet', name: 'oppas' }, 'ans')
    expect(plan.rollen.answerAtTable(rol, 'yes', 'riet', 'ans')).toBe(true)
    plan.team.ask('riet', 'ans')
    expect(plan.team.answerAtTable('riet', 'yes', 'ans')).toBe(true)
    expect(plan.aanTafel.pendingFor('riet').map((act) => `${act.instrument}:${act.said}`).sort()).toEqual(['geslaagd:words', 'partnerschapskaart:agree', 'rollen:yes', 'team:yes'])
    for (const act of plan.aanTafel.pendingFor('riet')) expect(plan.aanTafel.confirm(act, 'riet')).toBe(true)
    expect(plan.aanTafel.pendingFor('riet')).toEqual([])
    expect(agreement.atTableOf('waarden')).toEqual({})
    expect(agreement.of('waarden')).toHaveProperty('riet')
    expect(plan.geslaagd.get('riet')).toMatchObject({ writtenBy: 'riet', atTable: null, condition: 'ik op zondag bezoek krijg' })
    expect(plan.rollen.get(rol)).toMatchObject({ consent: 'yes', atTable: null })
    expect(plan.team.member('riet')).toMatchObject({ consent: 'yes', atTable: null })
    // Her own agreement is never overwritten from the table.
    expect(agreement.agreeAtTable('waarden', 'riet', 'ans')).toBe(false)
  })
})

describe('the basisteam as a team', () => {
  it('everyone in it by their own yes, and one aanspreekpunt the household chooses, who says yes too', () => {
    const plan = newPlan()
    household(plan)
    expect(plan.team.ask('bram', 'ans')).toBe(true)
    expect(plan.team.ask('bram', 'riet')).toBe(false)
    expect(plan.team.member('bram')).toMatchObject({ consent: 'asked', askedBy: 'ans' })
    expect(plan.team.answer('yes', 'riet')).toBe(false)
    expect(plan.team.answer('yes', 'bram')).toBe(true)
    expect(plan.team.release('bram', 'ans')).toBe(false)
    expect(plan.team.chooseAanspreekpunt('bram', { person: 'bram', role: 'netwerk' })).toBe(false)
    expect(plan.team.chooseAanspreekpunt('bram', { person: 'ans', role: 'eigenaar' })).toBe(true)
    expect(plan.team.aanspreekpunt()).toMatchObject({ person: 'bram', chosenBy: 'ans', consent: 'asked' })
    expect(plan.team.answerAanspreekpunt('yes', 'ans')).toBe(false)
    expect(plan.team.answerAanspreekpunt('yes', 'bram')).toBe(true)
    expect(plan.team.aanspreekpunt()?.consent).toBe('yes')
    // Another choice asks the new person; Bram's yes does not carry over.
    plan.team.chooseAanspreekpunt('riet', { person: 'ans', role: 'huishouden' })
    expect(plan.team.aanspreekpunt()).toMatchObject({ person: 'riet', consent: 'asked' })
    expect(plan.team.member('riet')?.consent).toBe('asked')
    expect(plan.team.release('bram', 'bram')).toBe(true)
    expect(plan.team.member('bram')).toBeUndefined()
  })

  it('two people asking the same neighbour at once never wipe out the neighbour\'s yes', () => {
    const { a, b, planA, planB } = twoDevices()
    household(planA)
    planA.team.ask('bram', 'ans')
    sync(a, b)
    planB.team.answer('yes', 'bram')
    planA.team.ask('bram', 'riet')
    sync(a, b)
    expect(planA.team.member('bram')?.consent).toBe('yes')
  })

  it('hides someone the household took off the list with "weghalen", and brings them back with them', () => {
    const plan = newPlan()
    household(plan)
    plan.team.ask('bram', 'ans')
    const household_ = { person: 'ans', role: 'eigenaar' } as const
    plan.personReferences.removePerson('bram', 'weghalen', household_)
    expect(plan.team.list()).toEqual([])
    plan.personReferences.restorePerson('bram', household_)
    expect(plan.team.list().map((m) => m.person)).toEqual(['bram'])
    expect(plan.personReferences.whereIs('bram')).toContainEqual({ instrument: 'team', kind: 'member', id: 'bram' })
  })
})
