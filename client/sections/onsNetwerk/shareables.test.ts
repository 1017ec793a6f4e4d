import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Plan } from '../../../shared/plan/index.ts'
import { draftsOf, shareDrafts } from './shareables.ts'

/** The plan room and the network's room: two documents, as on the relay. */
function rooms() {
  return {
    plan: Plan.create(new Y.Doc(), { planId: 'p', householdName: 'Familie Jansen' }),
    netwerk: Plan.create(new Y.Doc(), { planId: 'p', householdName: 'Familie Jansen' }),
  }
}

function draftsIn(room: Plan) {
  return draftsOf({ answers: room.vragen.notes.list(), actions: room.basisteam.list(), notes: room.notes.list() })
}

describe('Ons netwerk: "delen met het plan" brings exactly the ticked drafts into the plan', () => {
  it('shares the chosen answer and action, keeps the note, and marks what was shared', () => {
    const { plan, netwerk } = rooms()
    const question = plan.vragen.add('Wie helpt mama?', 'ans')
    netwerk.vragen.addNote({ text: 'Bram en oma wisselen af.', question, kind: 'antwoord' }, 'bram')
    netwerk.basisteam.add({ wat: 'Boodschappen op dinsdag', wie: ['bram'] }, 'ans')
    netwerk.notes.add({ text: 'Tante Els wil niet.' }, 'ans')

    const drafts = draftsIn(netwerk)
    expect(drafts.map((d) => [d.kind, d.text, d.open])).toEqual([
      ['antwoord', 'Bram en oma wisselen af.', true],
      ['actie', 'Boodschappen op dinsdag', true],
      ['notitie', 'Tante Els wil niet.', true],
    ])
    expect(shareDrafts(drafts.filter((d) => d.kind !== 'notitie'), netwerk, plan, 'ans')).toBe(2)

    expect(plan.vragen.notesFor(question).map((n) => [n.text, n.createdBy, n.sharedFrom?.room])).toEqual([['Bram en oma wisselen af.', 'bram', 'netwerk']])
    expect(plan.basisteam.list().map((a) => [a.wat, a.wie.map((h) => h.person)])).toEqual([['Boodschappen op dinsdag', ['bram']]])
    expect(plan.notes.list()).toEqual([])
    expect(JSON.stringify(plan.doc.toJSON())).not.toContain('Tante Els')
    expect(draftsIn(netwerk).map((d) => [d.kind, d.open, d.shared?.sharedBy ?? null])).toEqual([
      ['antwoord', false, 'ans'],
      ['actie', false, 'ans'],
      ['notitie', true, null],
    ])
  })

  it('a draft changed after it was shared is open again, and sharing it again updates the one copy', async () => {
    const { plan, netwerk } = rooms()
    const note = netwerk.notes.add({ text: 'Wij koken om de beurt.' }, 'bram')
    shareDrafts(draftsIn(netwerk), netwerk, plan, 'bram')
    // A later moment by the clock, so "changed since it was shared" can be told apart.
    await new Promise((resolve) => setTimeout(resolve, 5))
    netwerk.notes.update(note, { text: 'Wij koken om de beurt, ook in het weekend.' }, 'bram')
    const [changed] = draftsIn(netwerk)
    expect(changed).toMatchObject({ open: true, changedSince: true })
    expect(shareDrafts([changed!], netwerk, plan, 'bram')).toBe(1)
    expect(plan.notes.list().map((n) => n.text)).toEqual(['Wij koken om de beurt, ook in het weekend.'])
  })
})
