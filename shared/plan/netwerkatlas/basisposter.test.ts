import { describe, expect, it } from 'vitest'
import { newPlan, sync, twoDevices } from '../../../tests/support/planReplicas.ts'

describe('basisposter', () => {
  it('keeps short items per section, in order, with who wrote them', () => {
    const plan = newPlan()
    const poster = plan.netwerkatlas.basisposter
    const koken = poster.add('wie-zijn-wij', 'We koken graag samen', 'ann')
    const zorg = poster.add('zorgen', 'De huur is hoog', 'ann')
    const voetbal = poster.add('wie-zijn-wij', 'Lotte voetbalt', 'bob')
    expect(poster.items('wie-zijn-wij').map((i) => i.text)).toEqual(['We koken graag samen', 'Lotte voetbalt'])
    poster.moveTo(voetbal, 'wie-zijn-wij', 0, 'bob')
    expect(poster.items('wie-zijn-wij').map((i) => i.id)).toEqual([voetbal, koken])
    poster.moveTo(koken, 'wat-gaat-goed', 0, 'ann')
    expect(poster.sections().map((s) => [s.section, s.items.map((i) => i.id)])).toEqual([
      ['wie-zijn-wij', [voetbal]],
      ['wat-is-belangrijk', []],
      ['wat-gaat-goed', [koken]],
      ['zorgen', [zorg]],
      ['wensen', []],
    ])
    poster.edit(zorg, 'De huur is hoog, maar het lukt', 'bob')
    expect(poster.items('zorgen')[0]).toMatchObject({ text: 'De huur is hoog, maar het lukt', createdBy: 'ann', updatedBy: 'bob' })
    poster.remove(zorg, 'bob')
    expect(poster.items('zorgen')).toEqual([])
    expect(poster.removed()[0]).toMatchObject({ id: zorg, removedBy: 'bob' })
    poster.restore(zorg)
    expect(poster.items('zorgen')).toHaveLength(1)
  })

  it('writes the free text of a section together', () => {
    const { a, b, planA, planB } = twoDevices()
    planA.netwerkatlas.basisposter.textOf('wensen').insert(0, 'Een rustig huis.')
    sync(a, b)
    planB.netwerkatlas.basisposter.textOf('wensen').insert(0, 'Een tuin. ')
    planA.netwerkatlas.basisposter.textOf('wensen').insert(16, ' Vaker samen eten.')
    sync(a, b)
    expect(planA.netwerkatlas.basisposter.textOf('wensen').toString()).toBe('Een tuin. Een rustig huis. Vaker samen eten.')
    expect(planB.netwerkatlas.basisposter.textOf('wensen').toString()).toBe(planA.netwerkatlas.basisposter.textOf('wensen').toString())
  })
})
