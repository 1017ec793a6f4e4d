import { describe, expect, it } from 'vitest'
import { sync, twoDevices } from '../../tests/support/planReplicas.ts'
import type { Plan } from './plan.ts'

/**
 * Ans's phone asks Oma Riet (no phone) in every instrument that takes a word
 * at the table, and Bram answers for himself. Returns the ids to answer with.
 */
function askedEverywhere(plan: Plan): { action: string; fromCard: string; rol: string } {
  plan.people.add({ name: 'Ans', relation: 'moeder', role: 'eigenaar' }, 'ans', { id: 'ans' })
  plan.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, 'ans', { id: 'riet' })
  plan.people.add({ name: 'Bram', relation: 'buurman', role: 'netwerk' }, 'ans', { id: 'bram' })
  const action = plan.basisteam.add({ wat: 'Boodschappen op dinsdag', wie: ['riet', 'bram'] }, 'ans')
  const item = plan.partnerschapskaart.addItem({ step: 'acties', question: 'acties.anderen', text: 'Oma haalt Daan op' }, 'ans')
  const fromCard = plan.basisteam.fromCardItem(plan.partnerschapskaart.item(item)!, ['riet'], 'ans')!
  const rol = plan.rollen.add({ person: 'riet', name: 'oppas' }, 'ans')
  plan.team.chooseAanspreekpunt('riet', { person: 'ans', role: 'eigenaar' })
  plan.basisteam.answer(action, 'yes', 'bram')
  plan.geslaagd.write('bram', { condition: 'het gezellig blijft' }, 'bram')
  return { action, fromCard, rol }
}

const SAID_AT_TABLE: Record<string, (plan: Plan, ids: ReturnType<typeof askedEverywhere>) => boolean> = {
  basisteam: (plan, { action }) => plan.basisteam.answerAtTable(action, 'yes', 'riet', 'ans'),
  'basisteam, made from a card item': (plan, { fromCard }) => plan.basisteam.answerAtTable(fromCard, 'no', 'riet', 'ans'),
  team: (plan) => plan.team.answerAtTable('riet', 'yes', 'ans'),
  aanspreekpunt: (plan) => plan.team.answerAanspreekpuntAtTable('yes', 'ans'),
  rollen: (plan, { rol }) => plan.rollen.answerAtTable(rol, 'yes', 'riet', 'ans'),
  partnerschapskaart: (plan) => plan.partnerschapskaart.agreement.agreeAtTable('waarden', 'riet', 'ans'),
  geslaagd: (plan) => plan.geslaagd.write('riet', { condition: 'ik op zondag bezoek krijg' }, 'ans'),
}

describe('whether something said at the table may wait, read without the instruments', () => {
  for (const [instrument, sayAtTable] of Object.entries(SAID_AT_TABLE)) {
    it(`sees what Ans's phone recorded for Oma in ${instrument} arrive on Oma's device, and nothing once she made it her own`, () => {
      const { a, b, planA: ans, planB: oma } = twoDevices()
      const ids = askedEverywhere(ans)
      sync(a, b)
      for (const person of ['riet', 'bram', 'ans']) expect(oma.atTableWaiting.mayWaitFor(person)).toBe(false)

      expect(sayAtTable(ans, ids)).toBe(true)
      sync(a, b)
      expect(oma.aanTafel.pendingFor('riet')).toHaveLength(1)
      expect(oma.atTableWaiting.mayWaitFor('riet')).toBe(true)
      expect(oma.atTableWaiting.mayWaitFor('bram')).toBe(false)

      expect(oma.aanTafel.confirm(oma.aanTafel.pendingFor('riet')[0]!, 'riet')).toBe(true)
      expect(oma.atTableWaiting.mayWaitFor('riet')).toBe(false)
    })
  }
})
