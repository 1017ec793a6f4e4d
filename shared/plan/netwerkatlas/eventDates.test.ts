import { describe, expect, it } from 'vitest'
import { ageIn, parseWhen, sortByWhen, type Dated } from './eventDates.ts'

describe('parseWhen', () => {
  it('keeps the precision of what a date picker writes', () => {
    expect(parseWhen('2019-07-14')).toEqual({ precision: 'dag', sortDate: '2019-07-14', basis: 'datum' })
    expect(parseWhen('2019-07')).toEqual({ precision: 'maand', sortDate: '2019-07-01', basis: 'datum' })
    expect(parseWhen(' 2019 ')).toEqual({ precision: 'jaar', sortDate: '2019-01-01', basis: 'datum' })
    expect(parseWhen('')).toEqual({ precision: null, sortDate: null, basis: null })
  })

  it('reads a day that does not exist as free words, not as a date', () => {
    expect(parseWhen('2019-02-30')).toMatchObject({ precision: 'ongeveer', sortDate: '2019-01-01' })
  })

  it.each([
    ['zomer 2019', '2019-06-01'],
    ['in de zomervakantie van 2019', '2019-06-01'],
    ['voorjaar 2003', '2003-03-01'],
    ['herfst 2010', '2010-09-01'],
    ['winter 2019', '2019-01-01'],
    ['kerst 2018', '2018-12-25'],
    ['begin 2020', '2020-01-01'],
    ['half 2020', '2020-07-01'],
    ['eind 2019', '2019-10-01'],
    ['ongeveer 2015', '2015-01-01'],
    ['juli 2019', '2019-07-01'],
    ['14 juli 2019', '2019-07-14'],
    ['in mei 1998', '1998-05-01'],
    ['14-7-2019', '2019-07-14'],
    ['jaren 80', '1980-01-01'],
    ["jaren '90", '1990-01-01'],
    ['de jaren tachtig', '1980-01-01'],
    ['the 1970s', '1970-01-01'],
    ['summer 2019', '2019-06-01'],
    ['late 2019', '2019-10-01'],
  ])('estimates "%s" as starting on %s', (words, date) => {
    expect(parseWhen(words)).toEqual({ precision: 'ongeveer', sortDate: date, basis: 'tekst' })
  })

  it('counts an age from the birth year of the person it is about, and only then', () => {
    expect(parseWhen('toen ik 12 was', 1980)).toEqual({ precision: 'ongeveer', sortDate: '1992-01-01', basis: 'leeftijd' })
    expect(parseWhen('toen ik 12 was')).toEqual({ precision: 'ongeveer', sortDate: null, basis: null })
    expect(parseWhen('op een dag', 1980)).toEqual({ precision: 'ongeveer', sortDate: null, basis: null })
  })

  it.each([
    ['toen ik 12 was', 12],
    ['toen mijn moeder 40 jaar werd', 40],
    ['op mijn 16e', 16],
    ['ik was 7 jaar oud', 7],
    ['when I was 9', 9],
    ['at 30', 30],
    ['na de verhuizing', null],
  ])('finds the age in "%s"', (words, age) => {
    expect(ageIn(words)).toBe(age)
  })
})

describe('sortByWhen', () => {
  /** `told` stands for the order key a RecordList gives: the order the story was told in. */
  function event(id: string, told: number, when: string, birthYear: number | null = null): Dated {
    return { id, order: `a${told}`, createdAt: 0, when: parseWhen(when, birthYear) }
  }

  it('orders exact and approximate dates by when they started, the wider period first', () => {
    const sorted = sortByWhen([
      event('verhuizing', 1, '2019-09-02'),
      event('vakantie', 2, 'zomer 2019'),
      event('jaar', 3, '2019'),
      event('baan', 4, '2019-06'),
      event('geboorte', 5, '1980-03-01'),
      event('school', 6, 'toen ik 12 was', 1980),
    ])
    expect(sorted.map((e) => e.id)).toEqual(['geboorte', 'school', 'jaar', 'vakantie', 'baan', 'verhuizing'])
  })

  it('keeps an event without a date where it was told: right after the event written before it', () => {
    const sorted = sortByWhen([
      event('eerst-verteld', 1, 'toen ik klein was'),
      event('2010', 2, '2010'),
      event('later', 3, '2015'),
      event('na-later', 4, 'toen ik 12 was'),
      event('eerder', 5, '2005'),
    ])
    expect(sorted.map((e) => e.id)).toEqual(['eerst-verteld', 'eerder', '2010', 'later', 'na-later'])
  })

  it('orders ties the same way on every device', () => {
    const items = [event('b', 1, '2019'), event('a', 1, '2019'), event('c', 0, '2019')].map((e) => ({ ...e, createdAt: 5 }))
    expect(sortByWhen(items).map((e) => e.id)).toEqual(['c', 'a', 'b'])
    expect(sortByWhen([...items].reverse()).map((e) => e.id)).toEqual(['c', 'a', 'b'])
  })
})
