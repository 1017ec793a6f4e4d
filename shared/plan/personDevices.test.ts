import { describe, expect, it } from 'vitest'
import { newPlan, planReplicas, syncAll } from '../../tests/support/planReplicas.ts'

const HOUSEHOLD = { person: 'ans', role: 'eigenaar' } as const

describe('who takes part from a device of their own', () => {
  it('lets a device joining by a shared link claim a listed person, shows it, and lets the household undo it for good', () => {
    const plan = newPlan()
    const riet = plan.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, 'ans')
    expect(plan.personDevices.claimable()).toEqual([riet])
    expect(plan.personDevices.claim(riet, 'telefoon-1', 'gastlink')).toEqual({ ok: true })
    expect(plan.personDevices.claims()).toMatchObject([{ person: riet, device: 'telefoon-1', via: 'gastlink' }])
    expect(plan.personDevices.claimable()).toEqual([])
    // Another device cannot take her over.
    expect(plan.personDevices.claim(riet, 'telefoon-2', 'gastlink')).toEqual({ ok: false, refusal: 'claimedByOther' })
    // Only the household undoes it.
    expect(plan.personDevices.undo(riet, { person: 'bram', role: 'netwerk' })).toBe(false)
    expect(plan.personDevices.undo(riet, HOUSEHOLD)).toBe(true)
    expect(plan.personDevices.isClaimedBy(riet, 'telefoon-1')).toBe(false)
    expect(plan.personDevices.claim(riet, 'telefoon-1', 'gastlink')).toEqual({ ok: false, refusal: 'undoneBefore' })
    expect(plan.personDevices.claim(riet, 'telefoon-2', 'gastlink')).toEqual({ ok: true })
  })

  it('never lets anyone claim a person invited with an invitation of their own', () => {
    const plan = newPlan()
    const bram = plan.people.add({ name: 'Bram', relation: 'buurman', role: 'netwerk' }, 'ans')
    plan.personDevices.noteInvited(bram, 'token-van-bram')
    expect(plan.personDevices.hasOwnInvitation(bram)).toBe(true)
    expect(plan.personDevices.claimable()).toEqual([])
    expect(plan.personDevices.claim(bram, 'telefoon-x', 'gastlink')).toEqual({ ok: false, refusal: 'ownInvitation' })
    expect(plan.personDevices.claim('niemand', 'telefoon-x', 'gastlink')).toEqual({ ok: false, refusal: 'notOnList' })
  })

  it('ends with one claimant on every device when two devices claim the same person at once', () => {
    const { docs, plans } = planReplicas(3)
    const riet = plans[0]!.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, 'ans')
    syncAll(docs)
    expect(plans[1]!.personDevices.claim(riet, 'telefoon-1', 'gastlink').ok).toBe(true)
    expect(plans[2]!.personDevices.claim(riet, 'telefoon-2', 'gastlink').ok).toBe(true)
    syncAll(docs)
    const claimants = plans.map((plan) => plan.personDevices.claimOf(riet)?.device)
    expect(new Set(claimants).size).toBe(1)
    expect(['telefoon-1', 'telefoon-2']).toContain(claimants[0])
  })
})
