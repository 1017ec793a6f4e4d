import { describe, expect, it } from 'vitest'
import { LEEFGEBIEDEN, isLeefgebied } from './leefgebieden.ts'

describe('leefgebieden', () => {
  it('lists the eleven domains of the Zelfredzaamheid-Matrix in its order, in Dutch and English', () => {
    expect(LEEFGEBIEDEN.map((l) => l.nl)).toEqual([
      'Financiën', 'Dagbesteding', 'Huisvesting', 'Huiselijke relaties', 'Geestelijke gezondheid', 'Lichamelijke gezondheid',
      'Verslaving', 'Algemene dagelijkse levensverrichtingen', 'Sociaal netwerk', 'Maatschappelijke participatie', 'Justitie',
    ])
    expect(new Set(LEEFGEBIEDEN.map((l) => l.key)).size).toBe(11)
    for (const l of LEEFGEBIEDEN) expect(l.en.length).toBeGreaterThan(0)
    expect(isLeefgebied('adl')).toBe(true)
    expect(isLeefgebied('score')).toBe(false)
  })
})
