import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { examplePlan } from '../../tests/support/examplePlan.ts'
import { Plan } from '../plan/index.ts'
import { buildExport, EXPORT_VERSION, ExportFileError, importAsNewPlan, readExport } from './format.ts'
import { exportMarkdown } from './markdown.ts'
import { readableJson } from './readable.ts'

function planFrom(state: Uint8Array | undefined): Plan {
  const doc = new Y.Doc()
  if (state) Y.applyUpdate(doc, state)
  return Plan.open(doc)
}

describe('the portable export', () => {
  it('holds readable fields for every instrument and the Yjs state of each room given', () => {
    const { plan, huishouden } = examplePlan()
    const file = buildExport({ plan: plan.doc, huishouden: huishouden.doc }, new Date('2026-03-12T10:00:00Z'))
    expect(file).toMatchObject({ format: 'kring-export', version: EXPORT_VERSION, exportedAt: '2026-03-12T10:00:00.000Z', plan: { id: plan.meta.get().planId, householdName: 'Familie Jansen' } })
    expect(Object.keys(file.rooms)).toEqual(['plan', 'huishouden'])
    const readable = file.rooms.plan!.readable
    expect(readable.verhaal).toContain('rust in huis')
    expect(readable.waarden.map((v) => v.text)).toEqual(['Rust in huis', 'Op tijd betalen'])
    expect(readable.basisteam).toMatchObject([{ wat: 'Boodschappen doen', waar: 'Jumbo in de wijk' }])
    expect(readable.netwerkatlas.relatiekaart.map((p) => p.person)).toMatchObject([{ name: 'Bram' }, { name: 'Fatima' }])
    expect(readable.versies).toMatchObject([{ name: 'Na de eerste keukentafel' }])
    // The plan's rhythm (issue 13): the route, the waakvlam, its questions, looking back and what a meeting left.
    expect(readable.route).toMatchObject({ phase: 'basisteam', history: [{ phase: 'basisteam' }] })
    expect(readable.waakvlam).toMatchObject({ level: 'waakvlam', checkIn: '2026-09-01', history: [{ level: 'waakvlam' }] })
    expect(readable.vragen).toMatchObject({ onzeVraag: 'Hoe houden we het thuis vol?', groepen: [{ title: 'Wonen' }], vragen: [{ text: 'Wie helpt met de tuin?' }], notities: [{ text: 'De gemeente heeft een tuinklusdienst', kind: 'informatie' }] })
    expect(readable.evaluatiemomenten).toMatchObject([{ date: '2026-04-21', answers: [{ question: 'goed', text: 'Bram helpt elke week, dat geeft rust' }, { question: 'gezien' }] }])
    expect(readable.bijstellingen).toMatchObject([{ task: 'plan', text: 'Ook op woensdag boodschappen', action: readable.basisteam[0]!.id }])
    expect(readable.bijeenkomsten).toMatchObject([{ title: 'Bijeenkomst bij Ans thuis', record: { decided: 'Bram doet de boodschappen', present: [{ name: 'Ans' }, { name: 'Fatima' }, { name: 'Oma Riet', via: { name: 'Ans' } }] } }])
    expect(file.rooms.huishouden!.readable.notities.notepad).toBe('Alleen voor ons: bellen met de bank')
    // The readable part is plain JSON: nothing lost on the way through a file.
    expect(JSON.parse(JSON.stringify(file))).toEqual(file)
  })

  it('imports as a new plan: the same content under the new id, with no invitations of the old key', () => {
    const { plan, huishouden } = examplePlan()
    const file = JSON.parse(JSON.stringify(buildExport({ plan: plan.doc, huishouden: huishouden.doc })))
    const read = readExport(file)
    expect(read.householdName).toBe('Familie Jansen')
    const rooms = importAsNewPlan(read.rooms, 'NIEUWplan000000000000x')
    const imported = planFrom(rooms.plan)
    expect(imported.meta.get().planId).toBe('NIEUWplan000000000000x')
    expect(imported.invitations.list()).toEqual([])
    const { toegang: before, ...content } = readableJson(plan)
    const { toegang: after, ...importedContent } = readableJson(imported)
    expect(before).toHaveLength(1)
    expect(after).toEqual([])
    expect(importedContent).toEqual(content)
    expect(planFrom(rooms.huishouden).notes.list().map((n) => n.text)).toEqual(huishouden.notes.list().map((n) => n.text))
    expect(rooms.netwerk).toBeUndefined()
    // Its versions come along and still open.
    const version = imported.versions.list()[0]!
    expect(imported.openVersion(version.id)!.basisteam.list().map((a) => a.wat)).toEqual(['Boodschappen doen'])
  })

  it('refuses what it cannot import with a reason a person can act on', () => {
    const { plan } = examplePlan()
    const good = JSON.parse(JSON.stringify(buildExport({ plan: plan.doc })))
    const refusal = (value: unknown) => {
      try {
        readExport(value)
      } catch (error) {
        expect(error).toBeInstanceOf(ExportFileError)
        return (error as ExportFileError).reason
      }
      return 'accepted'
    }
    expect(refusal(null)).toBe('not-an-export')
    expect(refusal({ format: 'iets anders' })).toBe('not-an-export')
    expect(refusal({ ...good, version: EXPORT_VERSION + 1 })).toBe('newer-version')
    expect(refusal({ ...good, rooms: { plan: { yjs: 'niet/base64!' } } })).toBe('damaged')
    expect(refusal({ ...good, rooms: { plan: { yjs: good.rooms.plan.yjs.slice(0, 400) } } })).toBe('damaged')
    expect(refusal({ ...good, rooms: { huishouden: good.rooms.plan } })).toBe('no-plan')
    expect(refusal({ ...good, rooms: { plan: { yjs: Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())).toString('base64') } } })).toBe('no-plan')
    expect(refusal(good)).toBe('accepted')
  })

  it('reads as Markdown with the household values, actions and people', () => {
    const { plan, huishouden } = examplePlan()
    const markdown = exportMarkdown(buildExport({ plan: plan.doc, huishouden: huishouden.doc }, new Date('2026-03-12T10:00:00Z')))
    expect(markdown).toMatch(/^# Plan van Familie Jansen\n/)
    for (const words of ['Rust in huis', 'Boodschappen doen', 'Oma Riet (oma)', 'waar: Jumbo in de wijk', 'We beslissen samen aan de keukentafel', '## Alleen voor ons', 'Gemaakt op 2026-03-12']) {
      expect(markdown).toContain(words)
    }
    // The plan's rhythm, in the same plain words as the app.
    for (const words of [
      '### Waar staan we?',
      '- Basisteam — **hier zijn jullie nu.** Ans koos dit op ',
      'Het plan staat op een waakvlam.',
      'Op 2026-09-01 kijken jullie nog één keer hoe het gaat.',
      'Onze vraag: Hoe houden we het thuis vol?',
      '**Wonen**\n\n- Wie helpt met de tuin?\n  - Informatie van Fatima: De gemeente heeft een tuinklusdienst',
      '**Terugkijken op 2026-04-21**',
      '- Wat ging goed?\n  - Ans, ',
      ': Bram helpt elke week, dat geeft rust',
      '  - Het plan aanpassen: Ook op woensdag boodschappen (Ans). Bij de afspraak: Boodschappen doen',
      '**Bijeenkomst bij Ans thuis, ',
      '- Wie waren er: Ans, Fatima, Oma Riet (aan tafel via Ans)',
      '- Wat we hebben afgesproken: Bram doet de boodschappen',
    ]) {
      expect(markdown).toContain(words)
    }
    // In the printed plan's order: where we are, then our questions before the story; looking back after who does what.
    const at = (words: string) => markdown.indexOf(words)
    expect(at('### Waar staan we?')).toBeLessThan(at('### Onze vragen'))
    expect(at('### Onze vragen')).toBeLessThan(at('### Ons verhaal'))
    expect(at('### Wie doet wat')).toBeLessThan(at('### Samen terugkijken'))
    expect(at('### Samen terugkijken')).toBeLessThan(at('### Bijeenkomsten'))
  })

  it('reads as Markdown in English when the plan is in English', () => {
    const { plan } = examplePlan()
    plan.meta.set({ language: 'en' })
    const markdown = exportMarkdown(buildExport({ plan: plan.doc }))
    for (const words of ['### Where are we?', '- Core team — **you are here now.** Ans chose this on ', 'The plan is on a pilot light.', 'Our question: Hoe houden we het thuis vol?', '**Looking back on 2026-04-21**', '- What went well?', '  - Changing the plan: Ook op woensdag boodschappen', '- Who was there: Ans, Fatima, Oma Riet (at the table via Ans)']) {
      expect(markdown).toContain(words)
    }
    expect(markdown).not.toMatch(/Waar staan we|waakvlam|Terugkijken/)
  })
})
