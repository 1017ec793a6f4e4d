import type { Page } from 'playwright-core'
import common from '../../../client/i18n/common.ts'
import mensen from '../../../client/sections/mensen/i18n.ts'
import { openSection } from './app.ts'
import {
  addEvent,
  addPersonOnRelatiekaart,
  addPosterItem,
  addToContactschema,
  atlas,
  describeFamilyMember,
  describeRelationship,
  drawFamilyLine,
  openInstrument,
  placeWithDialog,
  putInWeek,
  writePosterText,
} from './netwerkatlas.ts'

/**
 * Fills the netwerkatlas of "Familie Jansen" through the UI, as a household
 * would at the kitchen table: Marieke (who made the plan) with Sanne (14)
 * and Daan (9), oma Riet nearby, opa Henk who passed away, Mark the
 * children's father (out of touch), and the people around them.
 */
export async function fillExampleHousehold(page: Page): Promise<void> {
  // The children are the household too: they stand in the middle of the relatiekaart.
  await openSection(page, mensen.nl.title)
  for (const [name, relation] of [
    ['Sanne', 'dochter'],
    ['Daan', 'zoon'],
  ] as const) {
    const add = page.getByRole('region', { name: mensen.nl.add.title })
    await add.getByLabel(mensen.nl.form.name).fill(name)
    await add.getByLabel(mensen.nl.form.relation).fill(relation)
    await add.getByLabel(mensen.nl.form.role).selectOption({ label: common.nl.roles.eigenaar })
    await add.getByRole('button', { name: mensen.nl.add.submit, exact: true }).click()
    await page.getByText(name, { exact: true }).first().waitFor()
  }

  await openInstrument(page, 'relatiekaart')
  const people: [string, string][] = [
    ['Oma Riet', 'oma, moeder van Marieke'],
    ['Opa Henk', 'opa'],
    ['Mark', 'vader van Sanne en Daan'],
    ['Tante Els', 'zus van Marieke'],
    ['Fatima', 'vriendin'],
    ['Bram', 'buurman'],
    ['Juf Petra', 'juf van Daan'],
    ['Kees', 'voetbaltrainer'],
    ['Karin', 'wijkcoach'],
  ]
  for (const [name, relation] of people) await addPersonOnRelatiekaart(page, name, relation)
  const places = [
    ['Oma Riet', 'heel-dichtbij', 'familie', { support: ['praktisch', 'emotioneel'] }],
    ['Fatima', 'heel-dichtbij', 'vrienden', { support: ['emotioneel', 'gezelschap'] }],
    ['Tante Els', 'dichtbij', 'familie', { strained: true }],
    ['Bram', 'dichtbij', 'buurt', { support: ['praktisch'] }],
    ['Karin', 'dichtbij', 'professionals', { support: ['informatie'] }],
    ['Mark', 'verder-weg', 'familie', { strained: true, brug: true }],
    ['Juf Petra', 'verder-weg', 'werk-school', { support: ['informatie'] }],
    ['Kees', 'verder-weg', 'buurt', { support: ['gezelschap'], brug: true }],
  ] as const
  for (const [name, ring, sector, details] of places) {
    await placeWithDialog(page, name, ring, sector)
    await describeRelationship(page, name, details)
  }

  await openInstrument(page, 'familiekaart')
  const addMember = page.getByRole('form', { name: atlas.familiekaart.addTitle })
  await addMember.getByLabel(atlas.familiekaart.who, { exact: true }).selectOption({ label: 'Marieke' })
  await addMember.getByRole('button', { name: atlas.familiekaart.add }).click()
  for (const [kind, a, b] of [
    ['ouder-kind', 'Oma Riet', 'Marieke'],
    ['ouder-kind', 'Opa Henk', 'Marieke'],
    ['partner', 'Oma Riet', 'Opa Henk'],
    ['ouder-kind', 'Oma Riet', 'Tante Els'],
    ['ouder-kind', 'Opa Henk', 'Tante Els'],
    ['ex-partner', 'Marieke', 'Mark'],
    ['ouder-kind', 'Marieke', 'Sanne'],
    ['ouder-kind', 'Mark', 'Sanne'],
    ['ouder-kind', 'Marieke', 'Daan'],
    ['ouder-kind', 'Mark', 'Daan'],
  ] as const) {
    await drawFamilyLine(page, kind, a, b)
  }
  await describeFamilyMember(page, 'Opa Henk', { birthYear: 1944, deceased: true })
  await describeFamilyMember(page, 'Oma Riet', { birthYear: 1948 })
  await describeFamilyMember(page, 'Mark', { outOfContact: true })
  await describeFamilyMember(page, 'Sanne', { birthYear: 2011 })
  await describeFamilyMember(page, 'Daan', { birthYear: 2016 })

  await openInstrument(page, 'contactschema')
  const contacts = [
    ['Oma Riet (oma, moeder van Marieke)', 'paar-keer-per-week', [['maandag', 'middag'], ['woensdag', 'middag'], ['zaterdag', 'middag']]],
    ['Fatima (vriendin)', 'wekelijks', [['donderdag', 'avond']]],
    ['Bram (buurman)', 'paar-keer-per-week', [['dinsdag', 'ochtend'], ['vrijdag', 'ochtend']]],
    ['Juf Petra (juf van Daan)', 'wekelijks', [['maandag', 'ochtend'], ['donderdag', 'ochtend']]],
    ['Kees (voetbaltrainer)', 'wekelijks', [['woensdag', 'avond'], ['zaterdag', 'ochtend']]],
    ['Karin (wijkcoach)', 'maandelijks', [['dinsdag', 'middag']]],
  ] as const
  for (const [who, frequency, slots] of contacts) {
    await addToContactschema(page, who, frequency)
    const name = who.replace(/ \(.*$/, '')
    for (const [day, part] of slots) await putInWeek(page, name, day, part)
  }

  await openInstrument(page, 'gebeurteniskaart')
  await addEvent(page, { what: 'Sanne werd geboren', day: '2011-04-02', involved: ['Sanne'], strength: 'gaf-kracht' })
  await addEvent(page, { what: 'Daan werd geboren', day: '2016-11-20', involved: ['Daan'], strength: 'gaf-kracht' })
  await addEvent(page, { what: 'Opa Henk overleed na een lange ziekte', month: '2017-02', involved: ['Oma Riet', 'Opa Henk'], strength: 'kostte-kracht' })
  await addEvent(page, { what: 'Mark en ik gingen uit elkaar', words: 'zomer 2019', involved: ['Mark', 'Sanne', 'Daan'], strength: 'kostte-kracht' })
  await addEvent(page, { what: 'Verhuisd naar Zwolle, dicht bij oma', year: '2020', involved: ['Oma Riet'], strength: 'allebei' })
  await addEvent(page, { what: 'Daan ging op voetbal bij Kees', words: 'na de zomervakantie', estimate: '2022', involved: ['Daan', 'Kees'], strength: 'gaf-kracht' })
  await addEvent(page, { what: 'Ik verloor mijn baan bij de thuiszorg', day: '2023-10-01', strength: 'kostte-kracht' })
  await addEvent(page, { what: 'Karin van het wijkteam kwam langs', words: 'begin 2024', involved: ['Karin'], strength: 'gaf-kracht' })

  await openInstrument(page, 'basisposter')
  const poster = [
    ['wie-zijn-wij', ['Marieke (44), Sanne (14) en Daan (9)', 'We wonen sinds 2020 in Zwolle', 'Onze kat heet Pluis']],
    ['wat-is-belangrijk', ['Samen eten op zondag', 'Dat oma erbij kan zijn', 'Rust in huis']],
    ['wat-gaat-goed', ['Daan gaat graag naar voetbal', 'Sanne helpt oma met boodschappen', 'Fatima komt elke donderdag']],
    ['zorgen', ['Het geld: de rekeningen stapelen op', 'Sanne is vaak moe en stil']],
    ['wensen', ['Weer werk, het liefst in de ochtend', 'Een vaste oppas op woensdagmiddag']],
  ] as const
  for (const [section, items] of poster) for (const item of items) await addPosterItem(page, section, item)
  await writePosterText(page, 'wie-zijn-wij', 'We zijn een klein gezin met een grote oma. Bij ons is het gezellig druk, en soms te druk.')
}
