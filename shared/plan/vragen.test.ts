import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newPlan, planReplicas, syncAll } from '../../tests/support/planReplicas.ts'

describe('Onze vragen', () => {
  it('the household\'s own question is the first of them, the same text as "Onze vraag"', () => {
    const plan = newPlan()
    plan.question.insert(0, 'Hoe houdt mama het thuis vol?')
    expect(plan.vragen.household.toString()).toBe('Hoe houdt mama het thuis vol?')
    expect(plan.vragen.household).toBe(plan.question)
  })

  it('groups questions and keeps them in order within their group; a removed group\'s questions show in no group until it is back', () => {
    const plan = newPlan()
    const wonen = plan.vragen.addGroup('Wonen', 'ans')
    const geld = plan.vragen.addGroup('Geld', 'ans')
    const trap = plan.vragen.add('Kan mama de trap nog op?', 'ans')
    const huur = plan.vragen.add('Wie helpt met de huur?', 'bram')
    const lift = plan.vragen.add('Is een traplift mogelijk?', 'lotte')
    plan.vragen.putInGroup(trap, wonen, 'ans')
    plan.vragen.putInGroup(lift, wonen, 'ans')
    plan.vragen.putInGroup(huur, geld, 'ans')
    const shown = () => plan.vragen.grouped().map((g) => [g.group?.title ?? null, g.questions.map((q) => q.text)])
    expect(shown()).toEqual([
      ['Wonen', ['Kan mama de trap nog op?', 'Is een traplift mogelijk?']],
      ['Geld', ['Wie helpt met de huur?']],
    ])
    plan.vragen.move(lift, 0, 'bram')
    plan.vragen.moveGroup(geld, 0, 'bram')
    expect(shown()).toEqual([
      ['Geld', ['Wie helpt met de huur?']],
      ['Wonen', ['Is een traplift mogelijk?', 'Kan mama de trap nog op?']],
    ])
    plan.vragen.removeGroup(geld, 'bram')
    expect(shown()).toEqual([
      ['Wonen', ['Is een traplift mogelijk?', 'Kan mama de trap nog op?']],
      [null, ['Wie helpt met de huur?']],
    ])
    plan.vragen.groups.restore(geld)
    expect(shown()[0]).toEqual(['Geld', ['Wie helpt met de huur?']])
    expect(plan.vragen.list().map((q) => q.text)).toEqual(['Wie helpt met de huur?', 'Is een traplift mogelijk?', 'Kan mama de trap nog op?'])
  })

  it('links information and answers to a question', () => {
    const plan = newPlan()
    const q = plan.vragen.add('Kan mama de trap nog op?', 'ans')
    plan.vragen.addNote({ text: 'De ergotherapeut komt kijken.', question: q }, 'lotte')
    plan.vragen.addNote({ text: 'Algemeen: de gemeente heeft een loket.', question: null }, 'lotte')
    expect(plan.vragen.notesFor(q).map((n) => [n.text, n.kind, n.createdBy])).toEqual([['De ergotherapeut komt kijken.', 'informatie', 'lotte']])
    expect(plan.vragen.notesFor(null)).toHaveLength(1)
  })

  it('questions added on many phones at once, offline during the meeting, all arrive once each, whatever the order and however often changes are passed on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ device: fc.nat({ max: 3 }), words: fc.string({ minLength: 1, maxLength: 12 }), group: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 })), { maxLength: 30 }),
        (additions, deliveries) => {
          const { docs, plans } = planReplicas(4)
          const group = plans[0]!.vragen.addGroup('Samen', 'ans')
          syncAll(docs)
          // Every device writes offline; some updates are delivered early, in any order, some twice.
          const updates: Uint8Array[][] = docs.map(() => [])
          docs.forEach((doc, i) => doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'net' && updates[i]!.push(update)))
          const made: string[] = []
          additions.forEach(({ device, words, group: grouped }, n) => {
            const id = plans[device]!.vragen.add(`${n}:${words}`, `p${device}`, { meeting: 'm1', group: grouped ? group : null })
            made.push(id)
          })
          for (const [from, to] of deliveries) for (const update of updates[from]!) Y.applyUpdate(docs[to]!, update, 'net')
          syncAll(docs)
          for (const update of updates.flat()) Y.applyUpdate(docs[0]!, update, 'net')
          syncAll(docs)
          for (const plan of plans) {
            const ids = plan.vragen.list().map((q) => q.id)
            expect(ids.length).toBe(made.length)
            expect(new Set(ids)).toEqual(new Set(made))
            expect(plan.vragen.forMeeting('m1')).toHaveLength(made.length)
          }
          const texts = plans.map((p) => p.vragen.list().map((q) => q.text).join('\n'))
          expect(new Set(texts).size).toBe(1)
        },
      ),
      { numRuns: 100 },
    )
  })
})
