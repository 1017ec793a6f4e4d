import { describe, expect, it } from 'vitest'
import { RHYTHM_WORDS } from '../../shared/export/rhythmMarkdown.ts'
import { RHYTHM_LABELS } from '../../shared/plan/index.ts'
import basisteam from '../sections/basisteam/i18n.ts'
import route from '../sections/route/i18n.ts'
import planDocument from './i18n.ts'

/**
 * The plan's rhythm is said in three places: the route and basisteam
 * sections, the printed plan, and the export's Markdown (which the operator's
 * command line writes without the app's catalogs). A household reading the
 * paper or the file must meet the words it knows from the app.
 */
describe('the words for the route, looking back and the waakvlam', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`are the app's words on paper and in the Markdown (${language})`, () => {
      const say = (words: { nl: string; en: string }) => words[language]
      const map = <K extends string>(labels: Record<K, { nl: string; en: string }>) => Object.fromEntries(Object.entries<{ nl: string; en: string }>(labels).map(([key, words]) => [key, say(words)]))
      const r = route[language]
      const b = basisteam[language]
      const d = planDocument[language]
      expect(map(RHYTHM_LABELS.phases)).toEqual(Object.fromEntries(Object.entries(r.phases).map(([phase, words]) => [phase, words.name])))
      expect(map(RHYTHM_LABELS.evaluationQuestions)).toEqual(b.terugkijken.questions)
      expect(map(RHYTHM_LABELS.tasks)).toEqual(b.bijstellen.tasks)
      expect(map(RHYTHM_LABELS.consent)).toEqual(b.consent)

      // The print view and the Markdown make the same sentences.
      const md = map(RHYTHM_WORDS)
      expect(md['route']).toBe(r.title)
      expect(md['support']).toBe(r.waakvlam.title)
      expect(d.support.title).toBe(r.waakvlam.title)
      expect(md['waakvlam']).toBe(r.waakvlam.on)
      expect(d.support.on).toBe(r.waakvlam.on)
      expect(md['loweredBy']).toBe(r.waakvlam.since)
      expect(d.support.since).toBe(r.waakvlam.since)
      expect(md['raisedBy']).toBe(r.waakvlam.raisedBy)
      expect(d.support.raisedBy).toBe(r.waakvlam.raisedBy)
      expect(md['noCheckIn']).toBe(r.waakvlam.noCheckIn)
      expect(d.support.noCheckIn).toBe(r.waakvlam.noCheckIn)
      expect(md['chosenBy']).toBe(r.chosenBy)
      expect(d.route.chosenBy).toBe(r.chosenBy)
      expect(md['terugkijken']).toBe(b.terugkijken.title)
      expect(d.sections.terugkijken).toBe(b.terugkijken.title)
      expect(md['noAnswers']).toBe(b.terugkijken.noAnswers)
      expect(md['bijstellen']).toBe(b.bijstellen.title)
      expect(d.lookingBack.changes).toBe(b.bijstellen.title)
      expect(md['onAction']).toBe(b.bijstellen.onAction)
      expect(d.lookingBack.onAction).toBe(b.bijstellen.onAction)
      expect(md['noDay']).toBe(b.terugkijken.momentNoDay)
      expect(d.lookingBack.noDay).toBe(b.terugkijken.momentNoDay)
      for (const key of ['here', 'checkIn', 'full', 'note', 'agreedBy', 'vragen', 'bijeenkomsten'] as const) {
        const printed = { here: d.route.here, checkIn: d.support.checkIn, full: d.support.full, note: d.questions.note, agreedBy: d.lookingBack.agreedBy, vragen: d.sections.vragen, bijeenkomsten: d.sections.bijeenkomsten }[key]
        expect(md[key]).toBe(printed)
      }
    })
  }
})
