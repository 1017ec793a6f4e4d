import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Plan } from './index.ts'
import { shareRecord } from './sharing.ts'
import { QUESTION_NOTES } from './vragen.ts'

/** The shared plan room and the network's own room: two documents, as on the relay. */
function rooms() {
  const plan = Plan.create(new Y.Doc(), { planId: 'p', householdName: 'Familie Jansen' })
  const netwerk = Plan.create(new Y.Doc(), { planId: 'p', householdName: 'Familie Jansen' })
  return { plan, netwerk }
}

describe('privétijd: a draft in the network\'s room, and only what they choose goes to the plan', () => {
  it('copies exactly the chosen answers and actions, with their authors and the answers people gave themselves', () => {
    const { plan, netwerk } = rooms()
    const question = plan.vragen.add('Wie helpt mama met boodschappen?', 'ans')
    const answer = netwerk.vragen.addNote({ text: 'Bram en oma wisselen af.', question, kind: 'antwoord' }, 'bram')
    const secret = netwerk.vragen.addNote({ text: 'Tante Els wil niet, dat houden we voor ons.', question, kind: 'antwoord' }, 'ans')
    const action = netwerk.basisteam.add({ wat: 'Boodschappen op dinsdag', wie: ['bram', 'riet'] }, 'ans')
    netwerk.basisteam.answer(action, 'yes', 'bram')
    netwerk.basisteam.answerAtTable(action, 'yes', 'riet', 'ans')
    const kept = netwerk.basisteam.add({ wat: 'Els bellen', wie: ['ans'] }, 'ans')

    const noteCopy = shareRecord(QUESTION_NOTES, answer, { plan: netwerk, room: 'netwerk' }, { plan, room: 'plan' }, 'ans')!
    const actionCopy = netwerk.basisteam.shareTo(action, plan.basisteam, { from: 'netwerk', to: 'plan' }, 'ans')!

    expect(plan.vragen.notesFor(question).map((n) => [n.text, n.kind, n.createdBy])).toEqual([['Bram en oma wisselen af.', 'antwoord', 'bram']])
    expect(plan.vragen.notesFor(question)[0]!.sharedFrom).toMatchObject({ room: 'netwerk', recordId: answer, sharedBy: 'ans' })
    expect(plan.basisteam.list().map((a) => a.wat)).toEqual(['Boodschappen op dinsdag'])
    const shared = plan.basisteam.get(actionCopy)!
    expect(shared.createdBy).toBe('ans')
    expect(shared.sharedFrom).toMatchObject({ room: 'netwerk', recordId: action })
    expect(shared.wie.map((h) => [h.person, h.consent, h.atTable?.by ?? null])).toEqual([['bram', 'yes', null], ['riet', 'yes', 'ans']])
    expect(plan.aanTafel.pendingFor('riet')).toHaveLength(1)
    expect(JSON.stringify(plan.doc.toJSON())).not.toContain('Tante Els')
    expect(JSON.stringify(plan.doc.toJSON())).not.toContain('Els bellen')
    expect(netwerk.vragen.notes.get(secret)?.sharedTo).toEqual({})
    expect(netwerk.basisteam.get(kept)?.sharedTo).toEqual({})
    expect(netwerk.basisteam.get(action)?.sharedTo.plan?.recordId).toBe(actionCopy)
    expect(noteCopy).toBeTruthy()
  })

  it('sharing an action again updates the copy, asks anyone new, and keeps the answers given in the plan since', () => {
    const { plan, netwerk } = rooms()
    const action = netwerk.basisteam.add({ wat: 'Koken', wie: ['bram'] }, 'ans')
    const copy = netwerk.basisteam.shareTo(action, plan.basisteam, { from: 'netwerk', to: 'plan' }, 'ans')!
    plan.basisteam.answer(copy, 'no', 'bram')
    netwerk.basisteam.edit(action, { wat: 'Koken op woensdag' }, 'ans')
    netwerk.basisteam.ask(action, 'riet', 'ans')
    expect(netwerk.basisteam.shareTo(action, plan.basisteam, { from: 'netwerk', to: 'plan' }, 'ans')).toBe(copy)
    expect(plan.basisteam.list()).toHaveLength(1)
    expect(plan.basisteam.get(copy)).toMatchObject({ wat: 'Koken op woensdag' })
    expect(plan.basisteam.get(copy)!.wie.map((h) => [h.person, h.consent])).toEqual([['bram', 'no'], ['riet', 'asked']])
  })
})
