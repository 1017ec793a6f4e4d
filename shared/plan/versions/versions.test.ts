import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { planReplicas, sync, syncAll, twoDevices } from '../../../tests/support/planReplicas.ts'
import { Plan } from '../index.ts'
import { CONTAINERS, NOT_VERSIONED } from './layout.ts'

function newPlan(): Plan {
  return Plan.create(new Y.Doc(), { planId: 'plan', householdName: 'Familie Jansen' })
}

function changesOf(plan: Plan, version: string, section: string) {
  return plan.versions.compare(version)!.find((s) => s.section === section)!.changes
}

describe('versions of the whole plan', () => {
  it('saves a named version with who saved it and who filled it in, listed newest first', () => {
    const plan = newPlan()
    const first = plan.versions.save({ name: 'Eerste keukentafel' }, 'ann')
    const second = plan.versions.save({ name: 'Na de bijeenkomst van 12 maart', filledInBy: ['ann', 'bob'] }, 'bob')
    expect(plan.versions.list()).toMatchObject([
      { id: second, name: 'Na de bijeenkomst van 12 maart', savedBy: 'bob', filledInBy: ['ann', 'bob'], fromCard: false },
      { id: first, name: 'Eerste keukentafel', savedBy: 'ann', filledInBy: ['ann'] },
    ])
    expect(plan.versions.list()[0]!.savedAt).toBeGreaterThan(0)
  })

  it('travels with the plan to other devices, with its content', () => {
    const { a, b, planA, planB } = twoDevices()
    planA.waarden.propose({ text: 'Rust in huis', scope: 'shared' }, 'ann')
    const version = planA.versions.save({ name: 'v1' }, 'ann')
    sync(a, b)
    expect(planB.versions.list().map((v) => v.name)).toEqual(['v1'])
    expect(planB.openVersion(version)!.waarden.list().map((v) => v.text)).toEqual(['Rust in huis'])
  })

  it('costs what changed, not a copy of the plan: a version of an unchanged plan adds a few hundred bytes', () => {
    const plan = newPlan()
    for (let i = 0; i < 60; i++) plan.waarden.propose({ text: `Een waarde die ertoe doet, nummer ${i}`, notes: 'met een toelichting erbij', scope: 'shared' }, 'ann')
    const before = Y.encodeStateAsUpdate(plan.doc).byteLength
    plan.versions.save({ name: 'een' }, 'ann')
    const afterFirst = Y.encodeStateAsUpdate(plan.doc).byteLength
    plan.versions.save({ name: 'twee' }, 'ann')
    const afterSecond = Y.encodeStateAsUpdate(plan.doc).byteLength
    plan.waarden.propose({ text: 'Nog één', scope: 'shared' }, 'bob')
    const afterEdit = Y.encodeStateAsUpdate(plan.doc).byteLength
    plan.versions.save({ name: 'drie' }, 'ann')
    const afterThird = Y.encodeStateAsUpdate(plan.doc).byteLength
    expect(afterSecond - afterFirst).toBeLessThan(1_000)
    expect(afterThird - afterEdit).toBeLessThan(afterFirst - before)
    expect(afterThird - afterEdit).toBeLessThan(before / 2)
  })

  it('lists what was added, changed and removed per section, and by whom', () => {
    const plan = newPlan()
    const rust = plan.waarden.propose({ text: 'Rust', scope: 'shared' }, 'ann')
    const geld = plan.waarden.propose({ text: 'Geld op orde', scope: 'shared' }, 'ann')
    const action = plan.basisteam.add({ wat: 'Boodschappen', waar: 'Jumbo' }, 'ann')
    const version = plan.versions.save({ name: 'v1' }, 'ann')

    plan.waarden.edit(rust, { text: 'Rust in huis' }, 'bob')
    plan.waarden.remove(geld, 'carla')
    const samen = plan.waarden.propose({ text: 'Samen eten', scope: 'shared' }, 'bob')
    plan.basisteam.edit(action, { waar: 'Lidl' }, 'carla')

    const waarden = changesOf(plan, version, 'waarden')
    expect(waarden).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: 'changed', key: rust, label: { text: 'Rust in huis' }, fields: ['text'], by: ['bob'] }),
        expect.objectContaining({ change: 'removed', key: geld, label: { text: 'Geld op orde' }, by: ['carla'] }),
        expect.objectContaining({ change: 'added', key: samen, label: { text: 'Samen eten' }, by: ['bob'] }),
      ]),
    )
    expect(waarden).toHaveLength(3)
    expect(changesOf(plan, version, 'basisteam')).toEqual([expect.objectContaining({ change: 'changed', fields: ['waar'], by: ['carla'] })])
    expect(changesOf(plan, version, 'mensen')).toEqual([])
  })

  it('tells who wrote the new words of a text since the version', () => {
    const { a, b, planA, planB } = twoDevices()
    planA.authors.writeAs('ann')
    planB.authors.writeAs('bob')
    planA.notepad.insert(0, 'Boodschappen op maandag.')
    const version = planA.versions.save({ name: 'v1' }, 'ann')
    sync(a, b)
    planB.notepad.insert(planB.notepad.length, ' Oma belt op vrijdag.')
    return Promise.resolve().then(() => {
      sync(a, b)
      expect(changesOf(planA, version, 'notities')).toEqual([expect.objectContaining({ change: 'changed', container: 'notepad', by: ['bob'] })])
    })
  })

  it('restores a removed item as a visible edit, and restoring it on two devices at once brings it back once', () => {
    const { docs, plans } = planReplicas(2)
    const [ann, bob] = plans as [Plan, Plan]
    const rust = ann.waarden.propose({ text: 'Rust', scope: 'shared' }, 'ann')
    ann.waarden.endorse(rust, 'bob')
    const version = ann.versions.save({ name: 'v1' }, 'ann')
    ann.waarden.remove(rust, 'ann')
    ann.waarden.dismiss(rust, { person: 'ann', role: 'eigenaar' })
    syncAll(docs)
    expect(bob.waarden.list()).toEqual([])

    ann.versions.restoreItem(version, { container: 'waarden', key: rust }, 'ann')
    bob.versions.restoreItem(version, { container: 'waarden', key: rust }, 'bob')
    syncAll(docs)
    for (const plan of plans) {
      expect(plan.waarden.list()).toHaveLength(1)
      expect(plan.waarden.list()[0]).toMatchObject({ id: rust, text: 'Rust', createdBy: 'ann', endorsedBy: { bob: expect.any(Number) } })
      expect(['ann', 'bob']).toContain(plan.waarden.list()[0]!.updatedBy)
    }
  })

  it('restores a softly removed item once on two devices, with the fields it had', () => {
    const { docs, plans } = planReplicas(2)
    const [ann, bob] = plans as [Plan, Plan]
    const id = ann.basisteam.add({ wat: 'Koken op dinsdag', wie: ['ann'] }, 'ann')
    const version = ann.versions.save({ name: 'v1' }, 'ann')
    ann.basisteam.remove(id, 'bob')
    syncAll(docs)
    ann.versions.restoreItem(version, { container: 'basisteam', key: id }, 'ann')
    bob.versions.restoreItem(version, { container: 'basisteam', key: id }, 'bob')
    syncAll(docs)
    for (const plan of plans) {
      expect(plan.basisteam.list()).toMatchObject([{ id, wat: 'Koken op dinsdag', wie: [{ person: 'ann', consent: 'yes' }] }])
      expect(plan.basisteam.removed()).toEqual([])
    }
  })

  it('restores a section while another device edits another section: both stay', () => {
    const { docs, plans } = planReplicas(2)
    const [ann, bob] = plans as [Plan, Plan]
    const rust = ann.waarden.propose({ text: 'Rust', scope: 'shared' }, 'ann')
    ann.basisteam.add({ wat: 'Wandelen' }, 'ann')
    const version = ann.versions.save({ name: 'v1' }, 'ann')
    ann.waarden.edit(rust, { text: 'Lawaai' }, 'ann')
    ann.waarden.propose({ text: 'Later', scope: 'shared' }, 'ann')
    syncAll(docs)

    ann.versions.restoreSection(version, 'waarden', 'ann', { keepCurrentAs: 'Voor het terugzetten' })
    bob.basisteam.add({ wat: 'Fietsen' }, 'bob')
    const bobsVersion = bob.versions.save({ name: 'van Bram' }, 'bob')
    syncAll(docs)

    for (const plan of plans) {
      expect(plan.waarden.list().map((v) => v.text)).toEqual(['Rust'])
      expect(plan.waarden.removed().map((v) => v.text)).toEqual(['Later'])
      expect(plan.basisteam.list().map((a) => a.wat)).toEqual(['Wandelen', 'Fietsen'])
      expect(plan.versions.list().map((v) => v.name).sort()).toEqual(['Voor het terugzetten', 'v1', 'van Bram'])
    }
    // The copy kept before restoring holds what was there, so the restore can itself be undone.
    const kept = ann.versions.list().find((v) => v.name === 'Voor het terugzetten')!
    expect(ann.openVersion(kept.id)!.waarden.list().map((v) => v.text)).toEqual(['Lawaai', 'Later'])
    expect(ann.openVersion(bobsVersion)!.basisteam.list().map((a) => a.wat)).toEqual(['Wandelen', 'Fietsen'])
  })

  it('restores the whole plan, texts and drawings included, as one change', () => {
    const plan = newPlan()
    plan.authors.writeAs('ann')
    const story = plan.story
    const paragraph = new Y.XmlElement('paragraph')
    story.insert(0, [paragraph])
    paragraph.insert(0, [new Y.XmlText('Wij zijn de familie Jansen.')])
    const oma = plan.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, 'ann')
    plan.netwerkatlas.relatiekaart.place(oma, { ring: 'dichtbij', sector: 'familie' }, 'ann')
    plan.netwerkatlas.contactschema.put(oma, { day: 'zondag', part: 'middag' }, 'ann')
    plan.netwerkatlas.basisposter.textOf('wensen').insert(0, 'Een rustig huis')
    const version = plan.versions.save({ name: 'v1' }, 'ann')

    story.delete(0, story.length)
    plan.netwerkatlas.relatiekaart.move(oma, { ring: 'verder-weg' }, 'bob')
    plan.netwerkatlas.contactschema.take(oma, { day: 'zondag', part: 'middag' }, 'bob')
    plan.netwerkatlas.contactschema.put(oma, { day: 'maandag', part: 'avond' }, 'bob')
    plan.netwerkatlas.basisposter.textOf('wensen').insert(0, 'Nooit meer ')
    plan.people.update(oma, { name: 'Riet' }, 'bob')

    let changes = 0
    plan.doc.on('afterTransaction', () => changes++)
    expect(plan.versions.restorePlan(version, 'carla')).toBe(true)
    expect(changes).toBe(1)
    expect(story.toString()).toContain('Wij zijn de familie Jansen.')
    expect(plan.netwerkatlas.relatiekaart.get(oma)).toMatchObject({ ring: 'dichtbij', updatedBy: 'carla' })
    expect(plan.netwerkatlas.contactschema.get(oma)!.slots).toEqual([{ day: 'zondag', part: 'middag' }])
    expect(plan.netwerkatlas.basisposter.textOf('wensen').toString()).toBe('Een rustig huis')
    expect(plan.people.get(oma)).toMatchObject({ name: 'Oma Riet', updatedBy: 'carla' })
    expect(plan.versions.compare(version)!.flatMap((s) => s.changes)).toEqual([])
  })

  it('opens a version to read as a plan of its own, with who wrote what, changing nothing', () => {
    const plan = newPlan()
    plan.waarden.propose({ text: 'Rust', scope: 'shared' }, 'ann')
    const version = plan.versions.save({ name: 'v1' }, 'ann')
    plan.waarden.propose({ text: 'Later', scope: 'shared' }, 'bob')
    const old = plan.openVersion(version)!
    expect(old.meta.get()).toMatchObject({ planId: 'plan', householdName: 'Familie Jansen' })
    expect(old.waarden.list()).toMatchObject([{ text: 'Rust', createdBy: 'ann' }])
    old.waarden.propose({ text: 'In de versie', scope: 'shared' }, 'ann')
    expect(plan.waarden.list().map((v) => v.text)).toEqual(['Rust', 'Later'])
    expect(plan.openVersion('bestaat-niet')).toBeNull()
  })

  it('shows, compares and restores card versions saved by the previous release', () => {
    const plan = newPlan()
    const kaart = plan.partnerschapskaart
    const eerlijk = plan.waarden.propose({ text: 'Eerlijkheid', scope: 'shared' }, 'ann')
    plan.waarden.tag(eerlijk, 'financien')
    const item = kaart.addItem({ step: 'relaties', question: 'relaties.beslissen', text: 'Samen, aan tafel' }, 'bob')
    kaart.agreement.agree('relaties', 'ann')
    // What the previous release wrote when "Bewaar deze versie" was pressed on the card.
    const old = kaart.versions.save({ name: 'Eerste keukentafel', filledInBy: ['ann', 'bob'] }, 'ann')

    kaart.editItem(item, { text: 'Samen, en met oma erbij' }, 'carla')
    kaart.removeItem(item, 'carla')
    kaart.dismissItem(item, { person: 'carla', role: 'huishouden' })

    expect(plan.versions.list()).toMatchObject([{ id: old, name: 'Eerste keukentafel', filledInBy: ['ann', 'bob'], savedBy: 'ann', fromCard: true, sections: ['waarden', 'partnerschapskaart'] }])
    expect(plan.versions.compare(old)!.map((s) => s.section)).toEqual(['waarden', 'partnerschapskaart'])
    expect(changesOf(plan, old, 'waarden')).toEqual([])
    expect(changesOf(plan, old, 'partnerschapskaart')).toEqual([expect.objectContaining({ change: 'removed', key: item, label: { text: 'Samen, aan tafel' } })])

    expect(plan.versions.restoreItem(old, { container: 'partnerschapskaart-items', key: item }, 'ann')).toBe(true)
    expect(kaart.items('relaties')).toMatchObject([{ id: item, text: 'Samen, aan tafel', createdBy: 'bob' }])
    expect(plan.waarden.get(eerlijk)!.leefgebieden).toEqual(['financien'])
    expect(plan.versions.restoreSection(old, 'basisteam', 'ann')).toBe(false)
    expect(plan.openVersion(old)!.partnerschapskaart.items('relaties').map((i) => i.text)).toEqual(['Samen, aan tafel'])
  })

  it('reads a version whose content has not arrived or is damaged as "cannot be shown", never as an error', () => {
    const { a, b, planA, planB } = twoDevices()
    const version = planA.versions.save({ name: 'v1' }, 'ann')
    sync(a, b)
    const blobs = b.getMap('versie-inhoud')
    for (const key of [...blobs.keys()]) blobs.set(key, '{kapot')
    expect(planB.versions.list().map((v) => v.name)).toEqual(['v1'])
    expect(planB.versions.content(version)).toBeNull()
    expect(planB.versions.compare(version)).toBeNull()
    expect(planB.versions.restorePlan(version, 'bob')).toBe(false)
    expect(planB.openVersion(version)).toBeNull()
  })

  it('keeps or knowingly leaves out every top-level part of the plan', () => {
    const plan = newPlan()
    const placed = new Set([...CONTAINERS.map((c) => c.key), ...Object.keys(NOT_VERSIONED)])
    const missing = [...plan.doc.share.keys()].filter((key) => !placed.has(key))
    expect(missing, 'Add these top-level types to CONTAINERS (or NOT_VERSIONED, with why) in shared/plan/versions/layout.ts').toEqual([])
  })
})

describe('who wrote what in a text', () => {
  it('tells each part of a text by its writer, on every device, and unknown writers as null', () => {
    const { a, b, planA, planB } = twoDevices()
    // Written on a device of the previous release, which kept no register.
    const older = new Y.Doc()
    sync(a, older)
    Plan.open(older).notepad.insert(0, 'Van voor. ')
    sync(older, a)
    planA.authors.writeAs('ann')
    planA.notepad.insert(planA.notepad.length, 'Ans tekst.')
    return Promise.resolve()
      .then(() => {
        sync(a, b)
        planB.authors.writeAs('bob')
        planB.notepad.insert(planB.notepad.length, '\nBrams regel.')
      })
      .then(() => {
        sync(a, b)
        for (const plan of [planA, planB]) {
          expect(plan.authors.runsOf(plan.notepad)).toEqual([
            [
              { text: 'Van voor. ', author: null },
              { text: 'Ans tekst.', author: 'ann' },
            ],
            [{ text: 'Brams regel.', author: 'bob' }],
          ])
        }
      })
  })

  it('leaves no trace for a device that only reads', () => {
    const plan = newPlan()
    const before = Y.encodeStateAsUpdate(plan.doc).byteLength
    plan.authors.writeAs('ann')
    return Promise.resolve().then(() => expect(Y.encodeStateAsUpdate(plan.doc).byteLength).toBe(before))
  })

  it('reads rich text block by block', () => {
    const plan = newPlan()
    plan.authors.writeAs('ann')
    const p1 = new Y.XmlElement('paragraph')
    const p2 = new Y.XmlElement('paragraph')
    plan.story.insert(0, [p1, p2])
    p1.insert(0, [new Y.XmlText('Eerste alinea')])
    p2.insert(0, [new Y.XmlText('Tweede')])
    return Promise.resolve().then(() => {
      expect(plan.authors.runsOf(plan.story)).toEqual([[{ text: 'Eerste alinea', author: 'ann' }], [{ text: 'Tweede', author: 'ann' }]])
      expect(plan.authors.charactersOf(plan.story).text).toBe('Eerste alinea\nTweede')
    })
  })

  it('survives a damaged register from another replica', () => {
    const plan = newPlan()
    plan.doc.getMap('schrijvers').set('123', 42)
    plan.notepad.insert(0, 'x')
    expect(plan.authors.authorOf(123)).toBeNull()
    expect(plan.authors.runsOf(plan.notepad)).toEqual([[{ text: 'x', author: null }]])
  })
})

describe('versions of a plan with keys JavaScript treats specially', () => {
  it('keep "__proto__" as a key like any other, and never touch Object.prototype', () => {
    const plan = newPlan()
    plan.doc.getMap('relatiekaart').set('__proto__/ring', 'dichtbij')
    plan.doc.getMap('geslaagd').set('__proto__', { subject: 'x', condition: 'y', writtenBy: 'ann', at: 1 })
    plan.people.add({ name: 'Ans', relation: '', role: null }, null, { id: '__proto__' })
    const version = plan.versions.save({ name: 'v1' }, 'ann')
    plan.doc.getMap('relatiekaart').delete('__proto__/ring')
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(plan.versions.compare(version)!.find((s) => s.section === 'relatiekaart')!.changes).toMatchObject([{ change: 'removed', key: '__proto__' }])
    plan.versions.restorePlan(version, 'ann')
    expect(plan.doc.getMap('relatiekaart').get('__proto__/ring')).toBe('dichtbij')
    expect(plan.openVersion(version)!.people.get('__proto__')).toMatchObject({ name: 'Ans' })
    expect(Object.keys(Object.prototype)).toEqual([])
  })
})
