import { describe, expect, it } from 'vitest'
import { newPlan, planReplicas, syncAll } from '../../tests/support/planReplicas.ts'
import { addDays } from './days.ts'
import { INVITATION_DAYS } from './evaluatiemomenten.ts'

describe('evaluatiemomenten', () => {
  it('asks everyone on the day, each in their own words, and keeps the answers with names and dates', () => {
    const { docs, plans: [ans, bram, karin] } = planReplicas(3)
    const id = ans!.evaluatiemomenten.schedule({ date: '2025-05-12', note: 'Over zes weken kijken we samen hoe het gaat' }, 'ans')
    syncAll(docs)
    expect(bram!.evaluatiemomenten.invitations('2025-05-11', 'bram')).toEqual([])
    expect(bram!.evaluatiemomenten.invitations('2025-05-12', 'bram').map((m) => m.id)).toEqual([id])

    // Both answer at once on their own devices.
    bram!.evaluatiemomenten.answer(id, 'goed', 'Het ophalen op woensdag loopt goed', 'bram')
    karin!.evaluatiemomenten.answer(id, 'goed', 'Er is meer rust in huis', 'karin')
    karin!.evaluatiemomenten.answer(id, 'gezien', 'Ja, ik voelde me gehoord', 'karin')
    ans!.evaluatiemomenten.answer(id, 'vraag', 'Deels: het geld is nog een zorg', 'ans')
    syncAll(docs)

    for (const plan of [ans!, bram!, karin!]) {
      const moment = plan.evaluatiemomenten.get(id)!
      expect(moment.note).toBe('Over zes weken kijken we samen hoe het gaat')
      expect(moment.answers.map((a) => [a.question, a.person])).toEqual([['vraag', 'ans'], ['goed', 'bram'], ['goed', 'karin'], ['gezien', 'karin']])
      expect(moment.answers.every((a) => a.at > 0)).toBe(true)
      expect(plan.evaluatiemomenten.invitations('2025-05-12', 'bram')).toEqual([])
      expect(plan.evaluatiemomenten.invitations('2025-05-12', 'oma').map((m) => m.id)).toEqual([id])
    }
    // Empty words take one's own answer back.
    bram!.evaluatiemomenten.answer(id, 'goed', '  ', 'bram')
    expect(bram!.evaluatiemomenten.get(id)!.answers.map((a) => a.person)).toEqual(['ans', 'karin', 'karin'])
  })

  it('stops inviting some weeks after the day, and tells the next moment', () => {
    const plan = newPlan()
    const early = plan.evaluatiemomenten.schedule({ date: '2025-01-10' }, 'ans')
    const later = plan.evaluatiemomenten.schedule({ date: '2025-03-01' }, 'ans')
    expect(plan.evaluatiemomenten.list().map((m) => m.id)).toEqual([early, later])
    expect(plan.evaluatiemomenten.invitations(addDays('2025-01-10', INVITATION_DAYS), 'bram').map((m) => m.id)).toEqual([early])
    expect(plan.evaluatiemomenten.invitations(addDays('2025-01-10', INVITATION_DAYS + 1), 'bram')).toEqual([])
    expect(plan.evaluatiemomenten.next('2025-02-01')?.id).toBe(later)
    expect(plan.evaluatiemomenten.next('2025-03-02')).toBeNull()
    plan.evaluatiemomenten.reschedule(later, { date: '2025-03-08' }, 'bram')
    expect(plan.evaluatiemomenten.get(later)).toMatchObject({ date: '2025-03-08', updatedBy: 'bram' })
  })

  it('links an adjustment to the moment it was made at, and to the action it made', () => {
    const plan = newPlan()
    const moment = plan.evaluatiemomenten.schedule({ date: '2025-05-12' }, 'ans')
    const action = plan.basisteam.add({ wat: 'Fatima komt op donderdag' }, 'ans')
    const change = plan.evaluatiemomenten.bijstellingen.add({ moment, task: 'plan', text: 'Een vaste avond erbij', action }, 'ans')
    const samen = plan.evaluatiemomenten.bijstellingen.add({ moment, task: 'samenwerking', text: 'We appen in plaats van bellen' }, 'bram')
    expect(plan.evaluatiemomenten.bijstellingen.forMoment(moment).map((b) => [b.id, b.task])).toEqual([[change, 'plan'], [samen, 'samenwerking']])
    expect(plan.evaluatiemomenten.bijstellingen.forAction(action).map((b) => b.id)).toEqual([change])
    expect(plan.evaluatiemomenten.answer('nope', 'goed', 'x', 'ans')).toBe(false)
  })

  it('hides the answers of someone removed with "weghalen", and shows them again when they are put back', () => {
    const plan = newPlan()
    const household = { person: 'ans', role: 'eigenaar' as const }
    const bram = plan.people.add({ name: 'Bram', relation: 'buurman', role: 'netwerk' }, 'ans')
    const id = plan.evaluatiemomenten.schedule({ date: '2025-05-12' }, 'ans')
    plan.evaluatiemomenten.answer(id, 'goed', 'Het ophalen loopt goed', bram)
    expect(plan.personReferences.whereIs(bram).map((r) => r.instrument)).toEqual(['evaluatiemomenten'])
    plan.personReferences.removePerson(bram, 'weghalen', household)
    expect(plan.evaluatiemomenten.get(id)!.answers).toEqual([])
    plan.personReferences.restorePerson(bram, household)
    expect(plan.evaluatiemomenten.get(id)!.answers.map((a) => a.text)).toEqual(['Het ophalen loopt goed'])
  })

  it('reads a damaged day as no day, and skips answers to unknown questions', () => {
    const plan = newPlan()
    const id = plan.evaluatiemomenten.schedule({ date: 'volgende week' }, 'ans')
    expect(plan.evaluatiemomenten.get(id)!.date).toBe('')
    expect(plan.evaluatiemomenten.invitations('2025-01-01', 'ans')).toEqual([])
    expect(plan.evaluatiemomenten.invitations('niet een dag', 'ans')).toEqual([])
  })
})
