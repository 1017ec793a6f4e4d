import * as Y from 'yjs'
import { NOTES, Plan, shareRecord, type PersonId } from '../../shared/plan/index.ts'

/**
 * The Jansen household's plan with something in every instrument, and its
 * own room ("Alleen voor ons"): for export, print and version tests that
 * need a whole plan. Deterministic in content (ids and times are not).
 */
export function examplePlan(planId = 'PLANjansen000000000000'): { plan: Plan; huishouden: Plan; people: Record<'ans' | 'bram' | 'oma' | 'fatima', PersonId> } {
  const plan = Plan.create(new Y.Doc(), { planId, householdName: 'Familie Jansen', title: 'Ons plan voor 2026' })
  const huishouden = Plan.open(new Y.Doc())
  const ans = plan.people.add({ name: 'Ans', relation: 'moeder', role: 'eigenaar' }, null)
  const bram = plan.people.add({ name: 'Bram', relation: 'buurman', role: 'netwerk' }, ans)
  const oma = plan.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, ans)
  const fatima = plan.people.add({ name: 'Fatima', relation: 'wijkcoach', role: 'professional' }, ans)

  const paragraph = new Y.XmlElement('paragraph')
  plan.story.insert(0, [paragraph])
  paragraph.insert(0, [new Y.XmlText('Wij zijn Ans en de kinderen. We willen rust in huis.')])

  const rust = plan.waarden.propose({ text: 'Rust in huis', scope: 'shared', leefgebieden: ['huiselijke-relaties'] }, ans)
  plan.waarden.endorse(rust, bram)
  plan.waarden.propose({ text: 'Op tijd betalen', scope: 'personal' }, ans)
  plan.geslaagd.write(ans, { subject: 'onze samenwerking', condition: 'we elkaar elke week zien' }, ans)

  const card = plan.partnerschapskaart
  card.addItem({ step: 'relaties', question: 'relaties.beslissen', text: 'We beslissen samen aan de keukentafel' }, ans)
  card.addItem({ step: 'condities', text: 'Elke dinsdag een uur tijd' }, fatima)
  card.addItem({ step: 'acties', text: 'Bram helpt met de tuin' }, bram)
  card.agreement.agree('waarden', ans)

  const rule = plan.spelregels.propose({ text: 'We bellen eerst voordat we langskomen' }, ans)
  plan.spelregels.agree(rule, bram)
  plan.rollen.add({ person: bram, name: 'klusjesman', responsibilities: 'De tuin en kleine klussen' }, ans)

  const action = plan.basisteam.add(
    { wat: 'Boodschappen doen', waar: 'Jumbo in de wijk', wanneer: { kind: 'recurring', text: 'elke dinsdag' }, hoe: 'Met de auto van Bram', wie: [bram, ans], values: [rust] },
    ans,
  )
  plan.basisteam.answer(action, 'yes', bram)
  plan.luktHet.add({ action, text: 'Gaat goed, Bram is er elke week', date: '2026-03-10' }, ans)

  // The plan's rhythm (issue 13): its questions, a meeting, a moment to look back, where it is on the route, the waakvlam.
  plan.question.insert(0, 'Hoe houden we het thuis vol?')
  const wonen = plan.vragen.addGroup('Wonen', ans)
  const tuin = plan.vragen.add('Wie helpt met de tuin?', bram, { group: wonen })
  plan.vragen.addNote({ text: 'De gemeente heeft een tuinklusdienst', question: tuin }, fatima)
  const meeting = plan.meetings.start({ gespreksleider: fatima, title: 'Bijeenkomst bij Ans thuis' }, { person: ans, role: 'eigenaar' })!
  plan.meetings.arrive(meeting, ans)
  plan.meetings.arrive(meeting, fatima)
  plan.meetings.seatAtTable(meeting, oma, ans)
  plan.meetings.decided(meeting)!.insert(0, 'Bram doet de boodschappen')
  plan.meetings.end(meeting, { person: fatima, role: 'professional' })
  const moment = plan.evaluatiemomenten.schedule({ date: '2026-04-21', note: 'Over zes weken kijken we samen hoe het gaat' }, fatima)
  plan.evaluatiemomenten.answer(moment, 'goed', 'Bram helpt elke week, dat geeft rust', ans)
  plan.evaluatiemomenten.answer(moment, 'gezien', 'Ja, ik voelde me gehoord', bram)
  plan.evaluatiemomenten.bijstellingen.add({ moment, task: 'plan', text: 'Ook op woensdag boodschappen', action }, ans)
  plan.route.goTo('basisteam', ans)
  plan.waakvlam.lower('2026-09-01', fatima)

  const atlas = plan.netwerkatlas
  atlas.basisposter.add('wensen', 'Een rustig huis', ans)
  atlas.basisposter.textOf('wie-zijn-wij').insert(0, 'Ans, Tim en Sara wonen in de Pijp.')
  atlas.familiekaart.add(ans, { generation: 0 }, ans)
  atlas.familiekaart.link('ouder-kind', oma, ans, ans)
  atlas.familiekaart.update(oma, { birthYear: 1944 }, ans)
  atlas.relatiekaart.place(bram, { ring: 'dichtbij', sector: 'buurt' }, ans)
  atlas.relatiekaart.place(fatima, { ring: 'verder-weg', sector: 'professionals' }, ans)
  atlas.contactschema.put(bram, { day: 'dinsdag', part: 'ochtend' }, ans)
  atlas.contactschema.put(oma, { day: 'zondag', part: 'middag' }, ans)
  atlas.contactschema.setFrequency(oma, 'wekelijks', ans)
  atlas.gebeurteniskaart.add({ what: 'Verhuisd naar de Pijp', when: 'zomer 2019', involved: [oma], strength: 'allebei' }, ans)

  plan.notes.add({ text: 'Volgende keer: de school bellen' }, fatima)
  plan.invitations.record({ id: 'tokenBram0000000000000', name: 'Bram', role: 'netwerk', room: 'netwerk', issuedAt: 1_770_000_000_000, expiresAt: null }, ans)

  huishouden.notes.add({ text: 'Nog niet delen: de schulden' }, ans)
  shareRecord(NOTES, huishouden.notes.add({ text: 'Tim gaat naar zwemles' }, ans), { plan: huishouden, room: 'huishouden' }, { plan, room: 'plan' }, ans)
  huishouden.notepad.insert(0, 'Alleen voor ons: bellen met de bank')

  plan.versions.save({ name: 'Na de eerste keukentafel', filledInBy: [ans, fatima] }, ans)
  return { plan, huishouden, people: { ans, bram, oma, fatima } }
}
