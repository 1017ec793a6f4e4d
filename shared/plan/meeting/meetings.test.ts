import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { Actor } from '../actor.ts'
import { METHOD_STEPS } from './agenda.ts'
import { newPlan, planReplicas, sync, syncAll, twoDevices } from '../../../tests/support/planReplicas.ts'

const ans: Actor = { person: 'ans', role: 'eigenaar' }
const lotte: Actor = { person: 'lotte', role: 'professional' }
const bram: Actor = { person: 'bram', role: 'netwerk' }

describe('a meedenkbijeenkomst', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('starts with the method\'s seven steps in order, the first one current, led by the gespreksleider the household named', () => {
    const plan = newPlan()
    const id = plan.meetings.start({ gespreksleider: 'lotte' }, ans)!
    expect(plan.meetings.steps(id).map((s) => s.kind)).toEqual([...METHOD_STEPS])
    expect(plan.meetings.currentStep(id)?.kind).toBe('opening')
    expect(plan.meetings.currentStep(id)?.reachedAt).not.toBeNull()
    expect(plan.meetings.running()?.id).toBe(id)
    expect(plan.meetings.get(id)).toMatchObject({ gespreksleider: 'lotte', guestRole: 'netwerk', endedAt: null })
    // The gespreksleider (a professional here) leads; a netwerk member who is not the gespreksleider does not.
    expect(plan.meetings.mayLead(id, lotte)).toBe(true)
    expect(plan.meetings.mayLead(id, bram)).toBe(false)
    expect(plan.meetings.advance(id, bram)).toBeNull()
    expect(plan.meetings.currentStep(id)?.kind).toBe('opening')
  })

  it('is started, and its gespreksleider named, only by the household', () => {
    const plan = newPlan()
    expect(plan.meetings.start({ gespreksleider: 'lotte' }, lotte)).toBeNull()
    expect(plan.meetings.start({ gespreksleider: 'bram' }, bram)).toBeNull()
    const id = plan.meetings.start({ gespreksleider: 'lotte' }, { person: 'kim', role: 'huishouden' })!
    expect(plan.meetings.setGespreksleider(id, 'lotte', lotte)).toBe(false)
    expect(plan.meetings.setGespreksleider(id, 'bram', ans)).toBe(true)
    expect(plan.meetings.mayLead(id, bram)).toBe(true)
    expect(plan.meetings.setGuestRole(id, 'meelezer', bram)).toBe(false)
    expect(plan.meetings.setGuestRole(id, 'meelezer', ans)).toBe(true)
    expect(plan.meetings.get(id)?.guestRole).toBe('meelezer')
  })

  it('moves on past skipped steps, back as well, and stops at the end of the agenda', () => {
    const plan = newPlan()
    const id = plan.meetings.start({ gespreksleider: 'ans' }, ans)!
    const steps = plan.meetings.steps(id)
    plan.meetings.skip(id, steps[1]!.id, true, ans)
    plan.meetings.skip(id, steps[3]!.id, true, ans)
    expect(plan.meetings.advance(id, ans)).toBe(steps[2]!.id)
    expect(plan.meetings.advance(id, ans)).toBe(steps[4]!.id)
    expect(plan.meetings.back(id, ans)).toBe(steps[2]!.id)
    for (let i = 0; i < 10; i++) plan.meetings.advance(id, ans)
    expect(plan.meetings.currentStep(id)?.kind).toBe('basisteam')
    expect(plan.meetings.advance(id, ans)).toBeNull()
    // A skipped step keeps its place and can be gone to on purpose.
    expect(plan.meetings.goTo(id, steps[1]!.id, ans)).toBe(true)
    expect(plan.meetings.currentStep(id)?.kind).toBe('voorstellen')
  })

  it('takes an own step where the gespreksleider puts it, a new order, and a timer that starts when its step does', () => {
    const plan = newPlan()
    const id = plan.meetings.start({ gespreksleider: 'ans' }, ans)!
    const steps = plan.meetings.steps(id)
    const pause = plan.meetings.addStep(id, 'Koffie', steps[3]!.id, ans)!
    expect(plan.meetings.steps(id).map((s) => s.title || s.kind)).toEqual(['opening', 'voorstellen', 'vragen', 'informatie', 'Koffie', 'privetijd', 'presentatie', 'basisteam'])
    plan.meetings.moveStep(id, pause, 0, ans)
    expect(plan.meetings.steps(id)[0]?.id).toBe(pause)
    expect(plan.meetings.addStep(id, 'Niet van mij', null, bram)).toBeNull()
    // A method step cannot be removed (it is skipped instead); an own one can.
    expect(plan.meetings.removeStep(id, steps[0]!.id, ans)).toBe(false)
    plan.meetings.setTimer(id, steps[2]!.id, 10, ans)
    expect(plan.meetings.timer(id)).toBeNull()
    plan.meetings.goTo(id, steps[2]!.id, ans)
    expect(plan.meetings.timer(id)).toMatchObject({ step: steps[2]!.id, minutes: 10 })
    plan.meetings.setTimer(id, steps[2]!.id, null, ans)
    expect(plan.meetings.timer(id)).toBeNull()
    expect(plan.meetings.removeStep(id, pause, ans)).toBe(true)
    expect(plan.meetings.steps(id)).toHaveLength(7)
  })

  it('privétijd is started by the gespreksleider and ended by the household or its network, never by a professional', () => {
    const plan = newPlan()
    const id = plan.meetings.start({ gespreksleider: 'lotte' }, ans)!
    expect(plan.meetings.startPrivetijd(id, bram)).toBe(false)
    expect(plan.meetings.startPrivetijd(id, lotte)).toBe(true)
    expect(plan.meetings.inPrivetijd(id)).toBe(true)
    expect(plan.meetings.currentStep(id)?.kind).toBe('privetijd')
    expect(plan.meetings.endPrivetijd(id, lotte)).toBe(false)
    expect(plan.meetings.endPrivetijd(id, bram)).toBe(true)
    expect(plan.meetings.inPrivetijd(id)).toBe(false)
    expect(plan.meetings.get(id)?.privetijd).toMatchObject({ startedBy: 'lotte', endedBy: 'bram' })
  })

  it('two gespreksleiders pressing "volgende stap" at once, on their own devices, end on one step: the next one, not two further', () => {
    const { a, b, planA, planB } = twoDevices()
    const id = planA.meetings.start({ gespreksleider: 'lotte' }, ans)!
    sync(a, b)
    expect(planA.meetings.advance(id, ans)).not.toBeNull()
    expect(planB.meetings.advance(id, lotte)).not.toBeNull()
    sync(a, b)
    expect(planA.meetings.currentStep(id)?.kind).toBe('voorstellen')
    expect(planB.meetings.currentStep(id)?.id).toBe(planA.meetings.currentStep(id)?.id)
  })

  it('from random moves on three devices drifting apart and back, every device ends on the same step of the agenda', () => {
    type Op = { r: number; kind: 'advance' | 'back' | 'goTo' | 'skip' | 'move' | 'sync'; i: number; who: 0 | 1 }
    const op = fc.record({
      r: fc.nat({ max: 2 }),
      kind: fc.constantFrom('advance', 'back', 'goTo', 'skip', 'move', 'sync') as fc.Arbitrary<Op['kind']>,
      i: fc.nat({ max: 6 }),
      who: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>,
    })
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const { docs, plans } = planReplicas(3)
        const id = plans[0]!.meetings.start({ gespreksleider: 'lotte' }, ans)!
        syncAll(docs)
        for (const { r, kind, i, who } of ops) {
          const plan = plans[r]!
          const leader = who === 0 ? ans : lotte
          const step = plan.meetings.steps(id)[i]
          if (kind === 'advance') plan.meetings.advance(id, leader)
          else if (kind === 'back') plan.meetings.back(id, leader)
          else if (kind === 'goTo' && step) plan.meetings.goTo(id, step.id, leader)
          else if (kind === 'skip' && step) plan.meetings.skip(id, step.id, !step.skipped, leader)
          else if (kind === 'move' && step) plan.meetings.moveStep(id, step.id, (i * 3) % 7, leader)
          else if (kind === 'sync') sync(docs[r]!, docs[(r + 1) % 3]!)
        }
        syncAll(docs)
        const current = plans.map((p) => p.meetings.currentStep(id)?.id)
        expect(new Set(current).size).toBe(1)
        expect(plans[0]!.meetings.steps(id).map((s) => s.id)).toContain(current[0])
        expect(plans.map((p) => p.meetings.steps(id).map((s) => s.id).join())).toEqual(Array(3).fill(plans[0]!.meetings.steps(id).map((s) => s.id).join()))
      }),
      { numRuns: 150 },
    )
  })

  it('knows who is here, and who sits at the table at whose device; nobody seats themselves', () => {
    const plan = newPlan()
    const id = plan.meetings.start({ gespreksleider: 'ans' }, ans)!
    plan.meetings.arrive(id, 'ans')
    plan.meetings.arrive(id, 'bram')
    const first = plan.meetings.get(id)!.present['ans']
    plan.meetings.arrive(id, 'ans')
    expect(plan.meetings.get(id)!.present['ans']).toBe(first)
    expect(plan.meetings.seatAtTable(id, 'ans', 'ans')).toBe(false)
    expect(plan.meetings.seatAtTable(id, 'riet', 'ans')).toBe(true)
    expect(plan.meetings.seatedWith(id, 'ans')).toEqual(['riet'])
    expect(plan.meetings.seatedWith(id, 'bram')).toEqual([])
    plan.meetings.leaveTable(id, 'riet')
    expect(plan.meetings.seatedWith(id, 'ans')).toEqual([])
  })

  it('leaves a record when it ends: who was there, which steps, the questions, what was decided and who does what', () => {
    const plan = newPlan()
    plan.people.add({ name: 'Ans', relation: 'moeder', role: 'eigenaar' }, 'ans', { id: 'ans' })
    plan.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, 'ans', { id: 'riet' })
    plan.people.add({ name: 'Lotte', relation: 'wijkcoach', role: 'professional' }, 'ans', { id: 'lotte' })
    // The clock says what happened before the meeting and what during it.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-12T18:00:00'))
    const before = plan.basisteam.add({ wat: 'Al lang geregeld' }, 'ans')
    vi.setSystemTime(new Date('2026-03-12T19:30:00'))
    const id = plan.meetings.start({ gespreksleider: 'lotte' }, ans)!
    vi.setSystemTime(new Date('2026-03-12T19:31:00'))
    plan.meetings.arrive(id, 'ans')
    plan.meetings.arrive(id, 'lotte')
    plan.meetings.seatAtTable(id, 'riet', 'ans')
    plan.vragen.add('Hoe komt mama naar de markt?', 'ans', { meeting: id })
    plan.vragen.add('Een vraag van vorig jaar', 'ans')
    const action = plan.basisteam.add({ wat: 'Boodschappen op dinsdag', wie: ['riet'] }, 'ans')
    plan.basisteam.answerAtTable(action, 'yes', 'riet', 'ans')
    plan.team.ask('riet', 'ans')
    vi.setSystemTime(new Date('2026-03-12T21:00:00'))
    plan.team.chooseAanspreekpunt('ans', ans)
    plan.meetings.decided(id)!.insert(0, 'We beginnen in maart.')
    plan.meetings.skip(id, plan.meetings.steps(id)[3]!.id, true, lotte)
    plan.meetings.advance(id, lotte)
    expect(plan.meetings.record(id)).toBeNull()
    expect(plan.meetings.end(id, bram)).toBe(false)
    expect(plan.meetings.end(id, lotte)).toBe(true)
    expect(plan.meetings.running()).toBeNull()
    const record = plan.meetings.record(id)!
    expect(record.gespreksleider).toEqual({ person: 'lotte', name: 'Lotte' })
    expect(record.present).toEqual([
      { person: 'ans', name: 'Ans', via: null },
      { person: 'lotte', name: 'Lotte', via: null },
      { person: 'riet', name: 'Oma Riet', via: { person: 'ans', name: 'Ans' } },
    ])
    expect(record.steps.map((s) => [s.kind, s.skipped, s.reachedAt !== null])).toEqual([
      ['opening', false, true],
      ['voorstellen', false, true],
      ['vragen', false, false],
      ['informatie', true, false],
      ['privetijd', false, false],
      ['presentatie', false, false],
      ['basisteam', false, false],
    ])
    expect(record.questions.map((q) => q.text)).toEqual(['Hoe komt mama naar de markt?'])
    expect(record.decided).toBe('We beginnen in maart.')
    expect(record.actions.map((a) => a.id)).toEqual([action])
    expect(record.actions.map((a) => a.id)).not.toContain(before)
    expect(record.actions[0]!.wie).toEqual([{ person: 'riet', name: 'Oma Riet', consent: 'yes', atTable: true }])
    expect(record.team.map((m) => [m.name, m.consent])).toEqual([['Oma Riet', 'asked'], ['Ans', 'yes']])
    expect(record.aanspreekpunt).toEqual({ person: 'ans', name: 'Ans', consent: 'yes' })
    // The record stays as it was when the plan moves on.
    plan.people.update('riet', { name: 'Riet' }, 'ans')
    expect(plan.meetings.record(id)!.present[2]!.name).toBe('Oma Riet')
  })

  it('reads a damaged meeting and record without throwing', () => {
    const plan = newPlan()
    const id = plan.meetings.start({ gespreksleider: 'ans' }, ans)!
    const stored = plan.doc.getMap('bijeenkomsten').get(id) as Y.Map<unknown>
    stored.set('current', 'stap twee')
    stored.set('timer', { step: 7, minutes: 'tien' })
    stored.set('privetijd', [1, 2])
    stored.set('guestRole', 'eigenaar')
    plan.doc.getMap('bijeenkomst-verslagen').set(id, { present: 'iedereen', steps: [null, { kind: 'dansen' }], aanspreekpunt: 3 })
    expect(plan.meetings.get(id)).toMatchObject({ current: null, timer: null, privetijd: null, guestRole: 'netwerk' })
    expect(plan.meetings.currentStep(id)?.kind).toBe('opening')
    expect(plan.meetings.record(id)).toMatchObject({ present: [], steps: [{ kind: 'eigen' }], aanspreekpunt: null })
  })
})
