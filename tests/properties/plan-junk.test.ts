import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CARD_STEPS,
  NOTES,
  Plan,
  POSTER_SECTIONS,
  invitationStatus,
  shareRecord,
  type PersonId,
} from '../../shared/plan/index.ts'

/**
 * A plan reaches a device from a relay, from an older app or from a newer
 * one, and sometimes from a damaged copy: any field of any record may hold a
 * value of another type, a record may be a bare number, a nested set may be a
 * string. Whatever arrives, every reader of every instrument answers with
 * what it promises and never throws, so the app keeps showing the plan.
 *
 * The junk is written generically: into every Y.Map of a populated plan (the
 * top-level maps and every record and set inside them), under keys the plan
 * really uses, keys that resemble them, and keys JavaScript treats specially.
 */

/** A populated plan: every instrument holds a few real records, so readers walk their per-record paths. */
function populate(plan: Plan, huishouden: Plan): PersonId[] {
  const ans = plan.people.add({ name: 'Ans', relation: 'moeder', role: 'eigenaar' }, null)
  const bram = plan.people.add({ name: 'Bram', relation: 'buurman', role: 'netwerk' }, ans)
  const oma = plan.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, ans)
  const gone = plan.people.add({ name: 'Kees', relation: 'oom', role: null }, ans)

  const value = plan.waarden.propose({ text: 'Samen eten', scope: 'shared', leefgebieden: ['huiselijke-relaties'] }, ans)
  plan.waarden.endorse(value, bram)
  plan.waarden.adopt(value, bram)
  plan.waarden.remove(plan.waarden.propose({ text: 'Rust', scope: 'personal' }, bram), ans)
  plan.geslaagd.write(ans, { subject: 'onze samenwerking', condition: 'we elkaar vaker zien' }, ans)

  const card = plan.partnerschapskaart
  const question = card.addQuestion({ step: 'relaties', text: 'Hoe vieren we iets?' }, ans)
  card.addItem({ step: 'relaties', question, text: 'Elke maand koffie' }, ans)
  card.addItem({ step: 'acties', text: 'Bellen', draft: true }, bram)
  card.removeItem(card.addItem({ step: 'condities', text: 'Oud' }, ans), bram)
  card.agreement.agree('waarden', ans)
  card.versions.save({ name: 'Eerste keer' }, ans)

  const rule = plan.spelregels.propose({ text: 'We bellen eerst' }, ans)
  plan.spelregels.agree(rule, bram)
  plan.spelregels.reword(rule, 'We bellen of appen eerst', ans)
  plan.rollen.add({ person: bram, name: 'klusjesman', responsibilities: 'De tuin' }, ans)

  const action = plan.basisteam.add({ wat: 'Boodschappen', wie: [bram, oma], values: [value], steps: ['acties'], wanneer: { kind: 'recurring', text: 'elke dinsdag' } }, ans)
  plan.basisteam.answer(action, 'yes', bram)
  plan.luktHet.add({ action, text: 'Gaat goed' }, bram)
  plan.luktHet.add({ text: 'Het plan helpt', date: '2024-05-01' }, ans)
  const fromCard = plan.basisteam.fromCardItem(card.item(card.addItem({ step: 'acties', question: 'acties.anderen', text: 'Oma kookt' }, ans))!, [oma], ans)!
  plan.basisteam.answer(fromCard, 'yes', oma)
  plan.basisteam.edit(fromCard, { wat: 'Oma kookt op zondag', bron: 'netwerk' }, ans)
  plan.basisteam.remove(plan.basisteam.fromCardItem(card.item(card.addItem({ step: 'acties', question: 'acties.ik', text: 'Bellen' }, bram))!, [bram], bram)!, ans)
  plan.question.insert(0, 'Hoe houden we het vol?')
  plan.route.goTo('netwerkatlas', ans)
  plan.waakvlam.lower('2025-09-01', bram)
  const moment = plan.evaluatiemomenten.schedule({ date: '2025-05-12', note: 'Over zes weken' }, ans)
  plan.evaluatiemomenten.answer(moment, 'goed', 'Rust', bram)
  plan.evaluatiemomenten.bijstellingen.add({ moment, task: 'plan', text: 'Vaker bellen', action: fromCard }, ans)

  const atlas = plan.netwerkatlas
  atlas.basisposter.add('wensen', 'Een tuin', ans)
  atlas.basisposter.textOf('zorgen').insert(0, 'Geld')
  atlas.familiekaart.add(oma, { generation: -1, birthYear: 1940, deceased: false }, ans)
  atlas.familiekaart.link('ouder-kind', oma, ans, ans)
  atlas.relatiekaart.place(bram, { ring: 'dichtbij', sector: 'buurt' }, ans)
  atlas.relatiekaart.setSupport(bram, 'praktisch', true, ans)
  atlas.contactschema.put(bram, { day: 'dinsdag', part: 'ochtend' }, ans)
  atlas.contactschema.setFrequency(bram, 'wekelijks', ans)
  atlas.gebeurteniskaart.add({ what: 'Verhuisd', when: 'zomer 2019', involved: [oma, gone], strength: 'gaf-kracht' }, ans)
  atlas.gebeurteniskaart.add({ what: 'Naar school', when: 'toen ik 12 was', ageOf: ans }, ans)
  plan.personReferences.removePerson(gone, 'laten-staan', { person: ans, role: 'eigenaar' })

  plan.invitations.record({ id: 'tok1', name: 'Bram', role: 'netwerk', room: 'netwerk', issuedAt: 1, expiresAt: null }, ans)
  plan.invitations.revoke('tok1', ans)
  const draft = huishouden.notes.add({ text: 'Nog niet delen' }, ans)
  shareRecord(NOTES, draft, { plan: huishouden, room: 'huishouden' }, { plan, room: 'plan' }, ans)
  plan.notepad.insert(0, 'Kladblok')
  plan.versions.save({ name: 'Alles' }, ans)
  return [ans, bram, oma, gone]
}

/** Every Y.Map in a document (top-level and nested), each with the path of keys that reaches it. */
function mapsOf(doc: Y.Doc): { path: string[]; map: Y.Map<unknown> }[] {
  const found: { path: string[]; map: Y.Map<unknown> }[] = []
  const walk = (map: Y.Map<unknown>, path: string[]) => {
    found.push({ path, map })
    map.forEach((value, key) => {
      if (value instanceof Y.Map) walk(value, [...path, key])
    })
  }
  for (const [name, type] of doc.share) if (type instanceof Y.Map) walk(type, [name])
  return found.sort((a, b) => a.path.join('\u0000').localeCompare(b.path.join('\u0000')))
}

function mapAt(doc: Y.Doc, path: readonly string[]): Y.Map<unknown> | undefined {
  let current: unknown = doc.share.get(path[0]!)
  for (const key of path.slice(1)) current = current instanceof Y.Map ? current.get(key) : undefined
  return current instanceof Y.Map ? current : undefined
}

// The base plan is made once; every run starts from a copy of it, so its ids and keys are known to the arbitraries.
const base = new Y.Doc()
const basePlan = Plan.create(base, { planId: 'plan', householdName: 'Familie Jansen' })
const PEOPLE = populate(basePlan, Plan.open(new Y.Doc()))
const BASE_UPDATE = Y.encodeStateAsUpdate(base)
const PATHS = mapsOf(base).map((m) => m.path)
const KEYS_AT = mapsOf(base).map((m) => [...m.map.keys()])
const USED_KEYS = [...new Set(mapsOf(base).flatMap(({ map }) => [...map.keys()]))]
// Keys JavaScript treats specially, also as the parts of the compound keys some instruments use ('<step>:<person>', '<revision>:<person>', '<person>/<field>').
const SPECIAL_KEYS = [
  '__proto__', 'constructor', 'toJSON', 'hasOwnProperty', 'doc', '', ':', '/', 'x/', '/updatedAt', 'a.b',
  'relaties:', 'relaties:__proto__', '__proto__:x', 'constructor:x', '__proto__/ring', '__proto__/updatedAt', 'x/slot.maandag.ochtend',
]
const ANY_ID = [...PEOPLE, 'onbekend', ...USED_KEYS.slice(0, 40)]

/** A junk value: a plain value of any shape, or a Y type (made fresh at each write, since a Y type lives in one place). */
type Junk =
  | { kind: 'plain'; value: unknown }
  | { kind: 'map'; entries: [string, Junk][] }
  | { kind: 'text'; text: string }
  | { kind: 'array'; items: unknown[] }

const key = fc.oneof(
  { arbitrary: fc.constantFrom(...USED_KEYS), weight: 2 },
  { arbitrary: fc.constantFrom(...SPECIAL_KEYS), weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
)

const plain = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: false, withBigInt: false, withBoxedValues: false, withMap: false, withSet: false, withSparseArray: false }),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e300, -1e300, -0, 8.64e15 + 1, '', 'heel-dichtbij', 'ouder-kind', 'shared', 'yes', '2024-13-45', '9999-99-99'),
  fc.dictionary(fc.constantFrom(...SPECIAL_KEYS, 'kind', 'date', 'text', 'at', 'consent', 'by', 'room', 'format', 'values', 'items', 'geslaagd'), fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.array(fc.integer()))),
  fc.constantFrom(
    '{"format":1,"values":[null,5,{"text":3}],"items":[null,{"step":7}],"geslaagd":"x","questions":{},"agreement":null}',
    '{"format":1,"values":[],"items":[]}',
    'not json',
  ),
)

const junk: fc.Arbitrary<Junk> = fc.letrec<{ junk: Junk }>((tie) => ({
  junk: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('plain' as const), value: plain }),
    fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('junk')), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('text' as const), text: fc.string({ maxLength: 8 }) }),
    fc.record({ kind: fc.constant('array' as const), items: fc.array(plain, { maxLength: 3 }) }),
  ),
})).junk

function materialise(value: Junk): unknown {
  switch (value.kind) {
    case 'plain':
      return storable(value.value)
    case 'text':
      return new Y.Text(value.text)
    case 'array': {
      const array = new Y.Array<unknown>()
      array.push(value.items.map((item) => storable(item) ?? null))
      return array
    }
    case 'map': {
      const map = new Y.Map<unknown>()
      for (const [k, v] of value.entries) map.set(k, materialise(v))
      return map
    }
  }
}

/**
 * A plain value Yjs agrees to store locally: objects with the ordinary
 * prototype and no own `constructor` (Yjs picks the content kind by it).
 * Keys such as `__proto__` stay own keys.
 */
function storable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(storable)
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'constructor').map(([k, v]) => [k, storable(v)]))
}

/** One write of junk: into which map (by path), under which key; or taking a key away. */
const write: fc.Arbitrary<JunkWrite> = fc.nat({ max: PATHS.length - 1 }).chain((path) =>
  fc.record({
    path: fc.constant(path),
    // Mostly the keys this very map holds, so real fields and records get the wrong type.
    key: KEYS_AT[path]!.length ? fc.oneof({ arbitrary: fc.constantFrom(...KEYS_AT[path]!), weight: 3 }, { arbitrary: key, weight: 1 }) : key,
    junk: fc.option(junk, { freq: 6, nil: undefined }),
  }),
)
const writes = fc.array(write, { minLength: 1, maxLength: 40 })

interface JunkWrite {
  path: number
  key: string
  junk: Junk | undefined
}

function applyJunk(doc: Y.Doc, list: readonly JunkWrite[]): void {
  doc.transact(() => {
    for (const { path, key: k, junk: j } of list) {
      const map = mapAt(doc, PATHS[path]!)
      if (!map) continue
      if (j === undefined) map.delete(k)
      else map.set(k, materialise(j))
    }
  })
}

/**
 * Calls every reader of every instrument, with the ids of what is there and
 * ids that are not, and checks the few promises a view relies on beyond
 * "it returned": lists are arrays, names are text, a saved card version is
 * either unreadable (null) or whole.
 */
function readEverything(plan: Plan): void {
  const ids = [...ANY_ID, ...plan.people.list().map((p) => p.id)]
  plan.meta.get()
  plan.upgrade()
  for (const id of ids) plan.nameOf(id)
  plan.story.toJSON()
  plan.notepad.toString()
  for (const person of plan.people.list()) expect(typeof person.name).toBe('string')
  plan.people.removed()

  const { waarden, geslaagd, partnerschapskaart: card, spelregels, rollen, basisteam, luktHet, personReferences, invitations, notes } = plan
  const valueIds = [...waarden.list(), ...waarden.removed()].map((v) => v.id)
  waarden.shared()
  for (const id of [...ids, ...valueIds]) {
    waarden.get(id)
    waarden.personalOf(id)
    waarden.adoptionsOf(id)
    waarden.mayEdit(id, PEOPLE[0]!)
    geslaagd.get(id)
    geslaagd.mayWrite(id, PEOPLE[0]!)
    geslaagd.referencesTo(id)
  }
  geslaagd.list()

  card.snapshot()
  card.succesvoorwaarden()
  card.removedItems()
  card.removedQuestions()
  for (const step of CARD_STEPS) {
    card.items(step)
    card.items(step, null)
    card.questions(step)
    card.lastChange(step)
    card.agreement.of(step)
    card.agreement.notYet(step, ids)
    card.agreement.openEarlierStep(step, ids)
    for (const person of ids) card.drafts(person, step)
  }
  card.agreement.all()
  for (const item of card.snapshot().items) {
    card.item(item.id)
    card.resolveQuestion(item.question)
    card.items(item.step, item.question)
  }
  for (const id of ids) card.resolveQuestion(id)
  for (const version of [...card.versions.list(), ...card.versions.removed()]) {
    expect(Array.isArray(version.filledInBy)).toBe(true)
    const content = card.versions.content(version.id)
    if (content) expectWholeVersion(content)
  }

  for (const rule of [...spelregels.list(), ...spelregels.removed()]) {
    spelregels.get(rule.id)
    spelregels.notYet(rule.id, ids)
    for (const wording of rule.history) expect(typeof wording.text).toBe('string')
  }
  rollen.list()
  rollen.removed()
  for (const id of ids) {
    rollen.of(id)
    rollen.referencesTo(id)
  }

  const actions = [...basisteam.list(), ...basisteam.removed()]
  for (const action of actions) {
    basisteam.get(action.id)
    basisteam.forValue(action.id)
    luktHet.forAction(action.id)
    for (const helper of action.wie) expect(typeof helper.person).toBe('string')
  }
  for (const id of ids) {
    basisteam.forPerson(id)
    basisteam.forValue(id)
    basisteam.referencesTo(id)
    luktHet.forAction(id)
    luktHet.get(id)
  }
  luktHet.list()
  luktHet.forPlan()
  luktHet.removed()
  for (const item of card.snapshot().items) basisteam.forCardItem(item.id)
  for (const id of ids) basisteam.forCardItem(id)
  for (const action of actions) {
    expect(action.bron === null || typeof action.bron === 'string').toBe(true)
    plan.evaluatiemomenten.bijstellingen.forAction(action.id)
  }

  plan.question.toString()
  plan.route.current()
  plan.route.history()
  plan.waakvlam.state()
  plan.waakvlam.history()
  plan.waakvlam.checkInDue('2025-09-01')
  const { evaluatiemomenten } = plan
  for (const moment of [...evaluatiemomenten.list(), ...evaluatiemomenten.removed()]) {
    evaluatiemomenten.get(moment.id)
    evaluatiemomenten.bijstellingen.forMoment(moment.id)
    for (const answer of moment.answers) expect(typeof answer.text).toBe('string')
  }
  evaluatiemomenten.next('2025-01-01')
  for (const id of ids) evaluatiemomenten.invitations('2025-05-20', id)
  evaluatiemomenten.bijstellingen.list()
  evaluatiemomenten.bijstellingen.removed()

  for (const id of ids) {
    personReferences.whereIs(id)
    personReferences.resolve(id)
    personReferences.isShown(id)
    personReferences.choiceFor(id)
  }

  const { basisposter, familiekaart, relatiekaart, contactschema, gebeurteniskaart } = plan.netwerkatlas
  basisposter.sections()
  basisposter.removed()
  for (const section of POSTER_SECTIONS) {
    basisposter.items(section)
    basisposter.textOf(section).toString()
  }
  familiekaart.list()
  familiekaart.generations()
  familiekaart.links()
  familiekaart.notInKaart()
  familiekaart.passedAway()
  relatiekaart.list()
  relatiekaart.rings()
  relatiekaart.notPlaced()
  contactschema.list()
  contactschema.week()
  contactschema.gaps()
  for (const id of ids) {
    familiekaart.member(id)
    familiekaart.linksOf(id)
    familiekaart.birthYearOf(id)
    familiekaart.referencesTo(id)
    relatiekaart.get(id)
    relatiekaart.referencesTo(id)
    contactschema.get(id)
    contactschema.referencesTo(id)
    gebeurteniskaart.get(id)
    gebeurteniskaart.storyOf(id)
    gebeurteniskaart.referencesTo(id)
  }
  for (const event of gebeurteniskaart.list()) {
    gebeurteniskaart.storyOf(event.id)?.toString()
    expect(typeof event.when.text).toBe('string')
  }
  gebeurteniskaart.removed()

  for (const invitation of invitations.list()) {
    invitations.get(invitation.id)
    invitationStatus(invitation, Date.now())
  }
  for (const note of [...notes.list(), ...notes.removed()]) {
    notes.get(note.id)
    expect(typeof note.text).toBe('string')
  }
  for (const id of ids) notes.textOf(id, 'text')

  plan.authors.runsOf(plan.story)
  plan.authors.runsOf(plan.notepad)
  for (const version of [...plan.versions.list(), ...plan.versions.removed()]) {
    expect(typeof version.name).toBe('string')
    const changes = plan.versions.compare(version.id)
    for (const section of changes ?? []) for (const change of section.changes) expect(Array.isArray(change.by)).toBe(true)
    plan.openVersion(version.id)?.waarden.list()
  }
}

function expectWholeVersion(content: NonNullable<ReturnType<Plan['partnerschapskaart']['versions']['content']>>): void {
  for (const value of content.values) expect(typeof value.text).toBe('string')
  for (const entry of content.geslaagd) expect(typeof entry.subject).toBe('string')
  for (const item of content.items) expect(typeof item.text).toBe('string')
  for (const question of content.questions) expect(typeof question.text).toBe('string')
  for (const step of CARD_STEPS) expect(typeof content.agreement[step]).toBe('object')
}

describe('a plan full of values of the wrong type', () => {
  afterAll(() => {
    // Nothing a replica sent may reach every object in the app.
    expect(Object.keys(Object.prototype)).toEqual([])
  })

  it('the base plan reads as written (the junk runs start from something real)', () => {
    const plan = Plan.open(new Y.Doc({ gc: false }))
    Y.applyUpdate(plan.doc, BASE_UPDATE)
    expect(plan.people.list().map((p) => p.name)).toEqual(['Ans', 'Bram', 'Oma Riet'])
    expect(plan.netwerkatlas.relatiekaart.list()).toHaveLength(1)
    expect(plan.partnerschapskaart.versions.list()).toHaveLength(1)
    readEverything(plan)
  })

  it('is read without throwing, whether the junk was there when the plan opened or arrives while it is open', () => {
    fc.assert(
      fc.property(writes, writes, (first, second) => {
        // A device with the plan open and its views read once, then junk arrives.
        const open = new Y.Doc()
        Y.applyUpdate(open, BASE_UPDATE)
        const plan = Plan.open(open)
        readEverything(plan)
        applyJunk(open, first)
        readEverything(plan)
        applyJunk(open, second)
        readEverything(plan)

        // Another device opens the plan after all of it arrived.
        const later = new Y.Doc()
        Y.applyUpdate(later, Y.encodeStateAsUpdate(open))
        const reopened = Plan.open(later)
        readEverything(reopened)
        // Restoring a version into a damaged plan writes what it can and throws nothing.
        for (const version of reopened.versions.list()) reopened.versions.restorePlan(version.id, PEOPLE[0]!)
        readEverything(reopened)
      }),
      { numRuns: 300 },
    )
    // 300 runs take 20–25 s on a busy shared machine: the timeout only turns a hang into a message.
  }, 180_000)
})
