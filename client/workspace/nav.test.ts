import { describe, expect, it } from 'vitest'
import basisteam from '../sections/basisteam/i18n.ts'
import bewaren from '../sections/bewaren/i18n.ts'
import meeting from '../meeting/i18n.ts'
import mensen from '../sections/mensen/i18n.ts'
import netwerkatlas from '../sections/netwerkatlas/i18n.ts'
import notities from '../sections/notities/i18n.ts'
import onsNetwerk from '../sections/onsNetwerk/i18n.ts'
import partnerschapskaart from '../sections/partnerschapskaart/i18n.ts'
import route from '../sections/route/i18n.ts'
import spelregels from '../sections/spelregels/i18n.ts'
import toegang from '../sections/toegang/i18n.ts'
import verhaal from '../sections/verhaal/i18n.ts'
import versies from '../sections/versies/i18n.ts'
import vragen from '../sections/vragen/i18n.ts'
import waarden from '../sections/waarden/i18n.ts'
import workspace from './i18n.ts'

describe('the navigation', () => {
  it('names every section with the words of its own heading, in Dutch and in English', () => {
    for (const language of ['nl', 'en'] as const) {
      // A section's strings load with the section, so the navigation keeps its own copy of the names; they must not drift.
      expect(workspace[language].nav).toEqual({
        route: route[language].title,
        vragen: vragen[language].title,
        verhaal: verhaal[language].title,
        mensen: mensen[language].title,
        netwerkatlas: netwerkatlas[language].title,
        waarden: waarden[language].title,
        partnerschapskaart: partnerschapskaart[language].title,
        spelregels: spelregels[language].title,
        basisteam: basisteam[language].title,
        meedenkbijeenkomst: meeting[language].title,
        notities: notities[language].title,
        'ons-netwerk': onsNetwerk[language].title,
        'alleen-voor-ons': notities[language].ours.title,
        versies: versies[language].title,
        bewaren: bewaren[language].title,
        toegang: toegang[language].section.title,
      })
      expect(workspace[language].navMethod).toEqual({
        netwerkatlas: netwerkatlas[language].method,
        waarden: waarden[language].method,
        partnerschapskaart: partnerschapskaart[language].method,
        basisteam: basisteam[language].method,
        meedenkbijeenkomst: meeting[language].method,
      })
    }
  })
})
