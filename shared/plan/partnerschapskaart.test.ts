import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { newPlan, sync, twoDevices } from '../../tests/support/planReplicas.ts'

describe('partnerschapskaart', () => {
  it('starts empty, an open agenda', () => {
    const kaart = newPlan().partnerschapskaart
    expect(kaart.snapshot().items).toEqual([])
    expect(kaart.items('relaties')).toEqual([])
    expect(kaart.agreement.of('waarden')).toEqual({})
  })

  it('files items under their step and question, with author and notes', () => {
    const kaart = newPlan().partnerschapskaart
    const app = kaart.addItem({ step: 'relaties', question: 'relaties.communiceren', text: 'Een app-groep', notes: 'niet na 21 uur' }, 'ann')
    const bel = kaart.addItem({ step: 'relaties', question: 'relaties.communiceren', text: 'Bellen als het dringend is' }, 'bob')
    const tijd = kaart.addItem({ step: 'condities', question: 'condities.omgeving.tijd', text: 'Een vaste avond' }, 'bob')
    expect(kaart.items('relaties', 'relaties.communiceren')).toMatchObject([
      { id: app, createdBy: 'ann', notes: 'niet na 21 uur' },
      { id: bel, createdBy: 'bob' },
    ])
    expect(kaart.items('relaties', 'relaties.beslissen')).toEqual([])
    expect(kaart.items('condities').map((i) => i.id)).toEqual([tijd])
  })

  it('keeps a person\'s draft apart from the group\'s text until they put it forward themselves', () => {
    const kaart = newPlan().partnerschapskaart
    const draft = kaart.addItem({ step: 'handelen', question: 'handelen.kunnen', text: 'Luisteren zonder oordeel', draft: true }, 'ann')
    expect(kaart.items('handelen')).toEqual([])
    expect(kaart.drafts('ann', 'handelen').map((i) => i.id)).toEqual([draft])
    expect(kaart.drafts('bob')).toEqual([])
    expect(kaart.editItem(draft, { text: 'Iets anders' }, 'bob')).toBe(false)
    expect(kaart.putForward(draft, 'bob')).toBe(false)
    expect(kaart.putForward(draft, 'ann')).toBe(true)
    expect(kaart.items('handelen', 'handelen.kunnen')).toMatchObject([{ id: draft, text: 'Luisteren zonder oordeel', draft: false }])
    expect(kaart.drafts('ann')).toEqual([])
    expect(kaart.editItem(draft, { text: 'Luisteren, zonder oordeel' }, 'bob')).toBe(true)
  })

  it('reorders items under one question without disturbing the others', () => {
    const kaart = newPlan().partnerschapskaart
    const [x, y, z] = ['x', 'y', 'z'].map((text) => kaart.addItem({ step: 'acties', question: 'acties.we', text }, 'ann'))
    const other = kaart.addItem({ step: 'acties', question: 'acties.ik', text: 'ik' }, 'ann')
    kaart.moveItem(x!, 2, 'bob')
    expect(kaart.items('acties', 'acties.we').map((i) => i.id)).toEqual([y, z, x])
    expect(kaart.items('acties', 'acties.ik').map((i) => i.id)).toEqual([other])
  })

  it('shows "verwijderd door" to others until dismissed, and can bring an item back', () => {
    const { a, b, planA, planB } = twoDevices()
    const id = planA.partnerschapskaart.addItem({ step: 'relaties', text: 'Om de beurt praten' }, 'ann')
    sync(a, b)
    planB.partnerschapskaart.removeItem(id, 'bob')
    sync(a, b)
    expect(planA.partnerschapskaart.items('relaties')).toEqual([])
    expect(planA.partnerschapskaart.removedItems()).toMatchObject([{ id, removedBy: 'bob', createdBy: 'ann', text: 'Om de beurt praten' }])
    planA.partnerschapskaart.restoreItem(id)
    expect(planA.partnerschapskaart.items('relaties').map((i) => i.id)).toEqual([id])
    planA.partnerschapskaart.removeItem(id, 'ann')
    expect(planA.partnerschapskaart.dismissItem(id, { person: 'bob', role: 'professional' })).toBe(false)
    expect(planA.partnerschapskaart.dismissItem(id, { person: 'ann', role: 'netwerk' })).toBe(true)
    sync(a, b)
    expect(planB.partnerschapskaart.removedItems()).toEqual([])
  })

  it('lets the group add its own "Hoe …?" questions and own aspects, and resolves what an item answers', () => {
    const kaart = newPlan().partnerschapskaart
    const own = kaart.addQuestion({ step: 'relaties', text: 'Hoe houden we het gezellig?' }, 'bob')
    const aspect = kaart.addQuestion({ step: 'condities', text: 'aan vervoer?', under: 'condities.omgeving' }, 'ann')
    kaart.addItem({ step: 'relaties', question: own, text: 'Koffie erbij' }, 'ann')
    expect(kaart.questions('relaties')).toMatchObject([{ id: own, text: 'Hoe houden we het gezellig?', under: null, createdBy: 'bob' }])
    expect(kaart.questions('condities')).toMatchObject([{ id: aspect, under: 'condities.omgeving' }])
    expect(kaart.resolveQuestion(own)).toMatchObject({ kind: 'own', question: { id: own } })
    expect(kaart.resolveQuestion('handelen.mensen.reflectie')).toMatchObject({ kind: 'printed', question: { id: 'handelen.mensen' }, aspect: { nl: 'aan reflectie/introspectie?' } })
    kaart.removeQuestion(own, 'ann')
    expect(kaart.resolveQuestion(own)).toBeNull()
    expect(kaart.items('relaties', own)).toHaveLength(1)
  })

  it('shows relaties, handelen and condities together as the succesvoorwaarden samenwerking', () => {
    const kaart = newPlan().partnerschapskaart
    kaart.addItem({ step: 'relaties', text: 'r' }, 'ann')
    kaart.addItem({ step: 'handelen', text: 'h' }, 'ann')
    kaart.addItem({ step: 'condities', text: 'c' }, 'ann')
    kaart.addItem({ step: 'acties', text: 'a' }, 'ann')
    kaart.addItem({ step: 'condities', text: 'mijn concept', draft: true }, 'ann')
    const summary = kaart.succesvoorwaarden()
    expect([summary.relaties, summary.handelen, summary.condities].map((items) => items.map((i) => i.text))).toEqual([['r'], ['h'], ['c']])
  })
})

describe('partnerschapskaart: "hierover ben ik het eens"', () => {
  it('keeps personal agreements given at the same time on different devices, and who has not yet', () => {
    const { a, b, planA, planB } = twoDevices()
    planA.partnerschapskaart.agreement.agree('waarden', 'ann')
    planB.partnerschapskaart.agreement.agree('waarden', 'bob')
    sync(a, b)
    expect(Object.keys(planA.partnerschapskaart.agreement.of('waarden')).sort()).toEqual(['ann', 'bob'])
    expect(planA.partnerschapskaart.agreement.notYet('waarden', ['ann', 'bob', 'cem'])).toEqual(['cem'])
    planB.partnerschapskaart.agreement.withdraw('waarden', 'bob')
    sync(a, b)
    expect(Object.keys(planA.partnerschapskaart.agreement.of('waarden'))).toEqual(['ann'])
  })

  it('says which earlier step is not yet agreed by everyone present, without blocking anything', () => {
    const kaart = newPlan().partnerschapskaart
    const agreement = kaart.agreement
    for (const person of ['ann', 'bob']) agreement.agree('waarden', person)
    agreement.agree('relaties', 'ann')
    expect(agreement.openEarlierStep('relaties', ['ann', 'bob'])).toBeNull()
    expect(agreement.openEarlierStep('handelen', ['ann', 'bob'])).toEqual({ step: 'relaties', notYet: ['bob'] })
    expect(agreement.openEarlierStep('acties', ['ann', 'bob', 'cem'])).toEqual({ step: 'waarden', notYet: ['cem'] })
    expect(agreement.openEarlierStep('handelen', ['ann'])).toBeNull()
    expect(agreement.openEarlierStep('waarden', ['cem'])).toBeNull()
    expect(() => kaart.addItem({ step: 'acties', text: 'toch al iets doen' }, 'cem')).not.toThrow()
  })

  it('knows who took part in the card, online or not: who agreed with a step or wrote for the group, not who only jotted a kladje', () => {
    const kaart = newPlan().partnerschapskaart
    expect(kaart.tookPart()).toEqual([])
    kaart.agreement.agree('relaties', 'riet')
    kaart.addItem({ step: 'acties', text: 'Boodschappen' }, 'ann')
    kaart.addQuestion({ step: 'relaties', text: 'Hoe vieren we wat lukt?' }, 'bob')
    kaart.addItem({ step: 'acties', text: 'misschien', draft: true }, 'cem')
    expect(kaart.tookPart().sort()).toEqual(['ann', 'bob', 'riet'])
  })

  it('tells when a step changed after someone agreed to it', () => {
    const kaart = newPlan().partnerschapskaart
    expect(kaart.lastChange('relaties')).toBe(0)
    kaart.addItem({ step: 'relaties', text: 'r' }, 'ann')
    kaart.agreement.agree('relaties', 'bob')
    const agreedAt = kaart.agreement.of('relaties')['bob']!
    expect(kaart.lastChange('relaties')).toBeLessThanOrEqual(agreedAt)
    kaart.addItem({ step: 'relaties', text: 'nog een', draft: true }, 'cem')
    expect(kaart.lastChange('relaties')).toBeLessThanOrEqual(agreedAt)
    const before = kaart.lastChange('relaties')
    const later = kaart.addItem({ step: 'relaties', text: 'later' }, 'ann')
    expect(kaart.lastChange('relaties')).toBe(kaart.item(later)!.updatedAt)
    expect(kaart.lastChange('relaties')).toBeGreaterThanOrEqual(before)
  })
})

describe('partnerschapskaart: "versie ingevuld door"', () => {
  it('saves a named, frozen copy of the card with who filled it in, without drafts', () => {
    const plan = newPlan()
    const kaart = plan.partnerschapskaart
    plan.waarden.propose({ text: 'Eerlijkheid', scope: 'shared' }, 'ann')
    plan.geslaagd.write('ann', { subject: 'onze samenwerking', condition: 'we het volhouden' }, 'ann')
    const item = kaart.addItem({ step: 'relaties', question: 'relaties.beslissen', text: 'Samen, aan tafel' }, 'bob')
    kaart.addItem({ step: 'relaties', text: 'nog niet klaar', draft: true }, 'ann')
    kaart.agreement.agree('waarden', 'ann')
    const version = kaart.versions.save({ name: 'Eerste keukentafel', filledInBy: ['ann', 'bob', 'wijkcoach'] }, 'ann')

    kaart.editItem(item, { text: 'Samen, en met oma erbij' }, 'ann')
    plan.waarden.propose({ text: 'Later toegevoegd', scope: 'shared' }, 'bob')

    expect(kaart.versions.list()).toMatchObject([{ id: version, name: 'Eerste keukentafel', filledInBy: ['ann', 'bob', 'wijkcoach'], createdBy: 'ann' }])
    const content = kaart.versions.content(version)!
    expect(content.items.map((i) => i.text)).toEqual(['Samen, aan tafel'])
    expect(content.values.map((v) => v.text)).toEqual(['Eerlijkheid'])
    expect(content.geslaagd).toMatchObject([{ person: 'ann', condition: 'we het volhouden' }])
    expect(Object.keys(content.agreement.waarden)).toEqual(['ann'])
  })

  it('reads a damaged version as "cannot be shown"', () => {
    const plan = newPlan()
    const version = plan.partnerschapskaart.versions.save({ name: 'x' }, 'ann')
    const stored = plan.doc.getMap('partnerschapskaart-versies').get(version) as Y.Map<unknown>
    stored.set('content', '{kapot')
    expect(plan.partnerschapskaart.versions.content(version)).toBeNull()
    expect(plan.partnerschapskaart.versions.content('bestaat-niet')).toBeNull()
    expect(plan.partnerschapskaart.versions.list()).toMatchObject([{ id: version, name: 'x', filledInBy: ['ann'] }])
  })

  it('reads a version written by another app whole: every list a list, every text a text, unreadable entries left out', () => {
    const plan = newPlan()
    const version = plan.partnerschapskaart.versions.save({ name: 'x' }, 'ann')
    const stored = plan.doc.getMap('partnerschapskaart-versies').get(version) as Y.Map<unknown>
    stored.set('content', JSON.stringify({ format: 1, values: [null, 5, { text: 3, scope: 'shared' }, { text: 'Rust' }], items: [null, { step: 'acties', text: 'Bellen' }], geslaagd: 'x', agreement: { waarden: { ann: 'gisteren', bob: 5 } } }))
    expect(plan.partnerschapskaart.versions.content(version)).toEqual({
      format: 1,
      values: [
        { id: '', text: '', notes: '', scope: 'shared', proposedBy: null, endorsedBy: {}, adoptedFromPerson: null, leefgebieden: [] },
        { id: '', text: 'Rust', notes: '', scope: 'personal', proposedBy: null, endorsedBy: {}, adoptedFromPerson: null, leefgebieden: [] },
      ],
      geslaagd: [],
      items: [{ id: '', step: 'acties', question: null, text: 'Bellen', notes: '', createdBy: null }],
      questions: [],
      agreement: { waarden: { bob: 5 }, relaties: {}, handelen: {}, condities: {}, acties: {} },
    })
  })
})
