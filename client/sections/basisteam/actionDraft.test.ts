import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Plan, consentOf } from '../../../shared/plan/index.ts'
import { draftOf, saveDraft } from './actionDraft.ts'

/** A plan with Ans (household), Bram (neighbour) and Carla (niece). */
function planWithPeople() {
  const plan = Plan.create(new Y.Doc(), { planId: 'p', householdName: 'Familie Jansen' })
  const ans = plan.people.add({ name: 'Ans', relation: '', role: 'eigenaar' }, null)
  const bram = plan.people.add({ name: 'Bram', relation: 'buurman', role: 'netwerk' }, null)
  const carla = plan.people.add({ name: 'Carla', relation: 'nicht', role: 'netwerk' }, null)
  return { plan, ans, bram, carla }
}

describe('the basisteam form', () => {
  it('adds nothing without a "wat", and asks (never enlists) the people ticked', () => {
    const { plan, ans, bram } = planWithPeople()
    expect(saveDraft(plan, ans, { ...draftOf(), wat: '   ', wie: [bram] })).toBeNull()
    expect(plan.basisteam.list()).toEqual([])

    const id = saveDraft(plan, ans, { ...draftOf(), wat: 'Boodschappen doen', wie: [bram, ans], wanneer: 'recurring', recurring: 'elke dinsdag' })!
    const action = plan.basisteam.get(id)!
    expect(consentOf(action, bram)).toBe('asked')
    expect(consentOf(action, ans)).toBe('yes')
    expect(action.wanneer).toEqual({ kind: 'recurring', text: 'elke dinsdag' })
  })

  it('changing an action never takes away someone\'s own yes, but takes back an open ask', () => {
    const { plan, ans, bram, carla } = planWithPeople()
    const id = saveDraft(plan, ans, { ...draftOf(), wat: 'Oma bellen', wie: [bram, carla] })!
    plan.basisteam.answer(id, 'yes', bram)

    const initial = draftOf(plan.basisteam.get(id))
    saveDraft(plan, ans, { ...initial, wie: [], waar: 'thuis' }, { id, initial })
    const after = plan.basisteam.get(id)!
    expect(consentOf(after, bram)).toBe('yes')
    expect(consentOf(after, carla)).toBeNull()
    expect(after.waar).toBe('thuis')
    expect(after.wat).toBe('Oma bellen')
  })

  it("writes only what the person changed, so someone else's edit that arrived while the form was open survives", () => {
    const { plan, ans, bram } = planWithPeople()
    const id = saveDraft(plan, ans, { ...draftOf(), wat: 'Samen koken', hoe: 'met de buren' })!
    const bramsDevice = new Y.Doc()
    Y.applyUpdate(bramsDevice, Y.encodeStateAsUpdate(plan.doc))

    // Ans opens the form; meanwhile Bram changes "hoe" on his device and it reaches Ans.
    const initial = draftOf(plan.basisteam.get(id))
    Plan.open(bramsDevice).basisteam.edit(id, { hoe: 'bij Bram thuis' }, bram)
    Y.applyUpdate(plan.doc, Y.encodeStateAsUpdate(bramsDevice))
    // Ans saves her form, which still shows the old "hoe", having changed only "waar" and a link.
    saveDraft(plan, ans, { ...initial, waar: 'in de buurtkamer', steps: ['acties'] }, { id, initial })

    expect(plan.basisteam.get(id)).toMatchObject({ wat: 'Samen koken', waar: 'in de buurtkamer', hoe: 'bij Bram thuis', steps: ['acties'] })
  })

  it('writes where help comes from only when someone says, and keeps another device\'s answer when the form did not change it', () => {
    const { plan, ans } = planWithPeople()
    const id = saveDraft(plan, ans, { ...draftOf(), wat: 'Hulp bij de post', bron: 'netwerk' })!
    expect(plan.basisteam.get(id)!.bron).toBe('netwerk')
    const form = draftOf(plan.basisteam.get(id))
    plan.basisteam.edit(id, { bron: 'voorliggend' }, ans)
    saveDraft(plan, ans, { ...form, hoe: 'samen met Bram' }, { id, initial: form })
    expect(plan.basisteam.get(id)).toMatchObject({ bron: 'voorliggend', hoe: 'samen met Bram' })
    saveDraft(plan, ans, { ...form, bron: 'none' }, { id, initial: form })
    expect(plan.basisteam.get(id)!.bron).toBeNull()
    expect(plan.basisteam.get(saveDraft(plan, ans, { ...draftOf(), wat: 'x' })!)!.bron).toBeNull()
  })
})
