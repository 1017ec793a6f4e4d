import { describe, expect, it } from 'vitest'
import { CARD_STEPS, PARTNERSCHAPSKAART, printedQuestion, stepPrompt } from './partnerschapskaart-prompts.ts'

describe('partnerschapskaart prompts', () => {
  it('runs from waarden to acties, numbered as the dialogue takes them', () => {
    expect(CARD_STEPS).toEqual(['waarden', 'relaties', 'handelen', 'condities', 'acties'])
    expect(PARTNERSCHAPSKAART.map((p) => [p.step, p.number])).toEqual(CARD_STEPS.map((step, i) => [step, i + 1]))
    for (const step of CARD_STEPS) expect(stepPrompt(step).step).toBe(step)
  })

  it('carries the printed Dutch questions word for word', () => {
    const printed = (step: string) =>
      PARTNERSCHAPSKAART.find((p) => p.step === step)!.questions.filter((q) => q.printed).map((q) => [q.nl, q.aspects.map((a) => a.nl)])
    expect(printed('waarden')).toEqual([['Ik vind … geslaagd als …', []]])
    expect(printed('relaties')).toEqual([
      ['Hoe communiceren we?', []],
      ['Hoe gaan we zeggenschap delen?', []],
      ['Hoe betrekken we iedereen?', []],
      ['Hoe blijft ieder in eigen kracht?', []],
      ['Hoe beslissen we samen?', []],
    ])
    expect(printed('handelen')).toEqual([
      ['Wat vragen we van mensen?', ['aan waarden?', 'aan procesvaardigheid?', 'aan inhoudscompetentie?', 'aan reflectie/introspectie?']],
      ['Wat moeten we kunnen? (en vanuit welke rol)', []],
      ['Wat gaan we kennis delen?', []],
    ])
    expect(printed('condities')).toEqual([
      ['Wat vragen we van de omgeving?', ['aan veiligheid?', 'aan tijd?', 'aan ondersteuning?', 'aan verbanden?']],
    ])
    expect(printed('acties')).toEqual([
      ['Wat ga ik doen?', []],
      ['Wat gaan we doen?', []],
      ['Wat vragen we aan anderen om te doen?', []],
    ])
    expect(stepPrompt('relaties').ownQuestion?.nl).toBe('Hoe … ?')
  })

  it('gives every question and aspect a unique id, an English wording, and a way back to its step', () => {
    const ids: string[] = []
    for (const prompt of PARTNERSCHAPSKAART) {
      for (const question of prompt.questions) {
        for (const entry of [question, ...question.aspects]) {
          ids.push(entry.id)
          expect(entry.en.length).toBeGreaterThan(0)
          expect(printedQuestion(entry.id)?.step).toBe(prompt.step)
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(printedQuestion('own-question-id')).toBeUndefined()
  })
})
