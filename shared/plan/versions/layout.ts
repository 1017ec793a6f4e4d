import { POSTER_SECTIONS } from '../netwerkatlas/basisposter.ts'
import type { PersonId } from '../ids.ts'
import type { Json, KeyedItem, RecordItem } from './snapshot.ts'

/**
 * Which of a plan's top-level Y types a version keeps, what kind each is,
 * and which section of the plan it belongs to. The plan schema owns its
 * keys (architecture.md, decision 1): this table names them once for
 * versions, compare, restore and export. `layout.test.ts` fails when the
 * Plan grows a top-level type this table does not place (add it here, or to
 * NOT_VERSIONED with the reason).
 */

/** The parts of a plan that compare, restore, print and export go by. */
export type PlanSection =
  | 'plan'
  | 'mensen'
  | 'verhaal'
  | 'waarden'
  | 'partnerschapskaart'
  | 'spelregels'
  | 'basisteam'
  | 'basisposter'
  | 'familiekaart'
  | 'relatiekaart'
  | 'contactschema'
  | 'gebeurteniskaart'
  | 'notities'

export const PLAN_SECTIONS: readonly PlanSection[] = [
  'plan',
  'verhaal',
  'mensen',
  'waarden',
  'partnerschapskaart',
  'spelregels',
  'basisteam',
  'basisposter',
  'familiekaart',
  'relatiekaart',
  'contactschema',
  'gebeurteniskaart',
  'notities',
]

/** How compare names an item in plain words: its own words, a person, or two people. */
export type ItemLabel = { text: string } | { person: PersonId; detail?: string } | { people: [PersonId, PersonId] } | { field: string }

interface ContainerBase {
  /** The top-level Y type's name in the document. */
  key: string
  section: PlanSection
}

/** A RecordList (a Y.Map of record maps). */
export interface RecordsContainer extends ContainerBase {
  kind: 'records'
  label(item: RecordItem, id: string): ItemLabel
  /** Records a version leaves out, e.g. someone's own drafts on the card. */
  skip?(item: RecordItem): boolean
}

/** KeyedRecords (one flat Y.Map of `<key>/<field>`). */
export interface KeyedContainer extends ContainerBase {
  kind: 'keyed'
  label(item: KeyedItem, key: string): ItemLabel
}

/** A Y.Map of plain values, one per key. */
export interface EntriesContainer extends ContainerBase {
  kind: 'entries'
  label(value: Json, key: string): ItemLabel
  /** Who wrote an entry, when the entry says so. */
  author?(value: Json, key: string): PersonId | null
  /** Only these keys are part of the plan's content (the rest is identity, e.g. the plan id). */
  only?: readonly string[]
}

/** A Y.Text or a Y.XmlFragment: one text, kept whole. */
export interface TextContainer extends ContainerBase {
  kind: 'text' | 'rich'
}

export type Container = RecordsContainer | KeyedContainer | EntriesContainer | TextContainer

const str = (value: Json | undefined): string => (typeof value === 'string' ? value : '')
const field = (name: string) => (item: RecordItem): ItemLabel => ({ text: str(item.v[name]) })
const person = (_: unknown, key: string): ItemLabel => ({ person: key })
const writtenBy = (value: Json): PersonId | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value['writtenBy'] === 'string' ? value['writtenBy'] : null

export const CONTAINERS: readonly Container[] = [
  { key: 'meta', section: 'plan', kind: 'entries', only: ['title', 'householdName', 'language'], label: (_, key) => ({ field: key }) },
  { key: 'ons-verhaal', section: 'verhaal', kind: 'rich' },
  { key: 'onze-vraag', section: 'verhaal', kind: 'text' },
  { key: 'vragen', section: 'verhaal', kind: 'records', label: field('text') },
  { key: 'vragen-groepen', section: 'verhaal', kind: 'records', label: field('title') },
  { key: 'vragen-bij', section: 'verhaal', kind: 'records', label: field('text') },
  { key: 'people', section: 'mensen', kind: 'records', label: field('name') },
  { key: 'people-removals', section: 'mensen', kind: 'entries', label: person },
  { key: 'person-marks', section: 'mensen', kind: 'records', label: (item) => ({ person: str(item.v['person']), detail: str(item.v['kind']) }) },
  { key: 'waarden', section: 'waarden', kind: 'records', label: field('text') },
  { key: 'geslaagd', section: 'waarden', kind: 'entries', label: person, author: writtenBy },
  {
    key: 'partnerschapskaart-items',
    section: 'partnerschapskaart',
    kind: 'records',
    label: field('text'),
    skip: (item) => item.v['draft'] === true,
  },
  { key: 'partnerschapskaart-vragen', section: 'partnerschapskaart', kind: 'records', label: field('text') },
  {
    key: 'partnerschapskaart-akkoord',
    section: 'partnerschapskaart',
    kind: 'entries',
    label: (_, key) => ({ person: key.slice(key.indexOf(':') + 1), detail: key.slice(0, Math.max(0, key.indexOf(':'))) }),
    author: (_, key) => key.slice(key.indexOf(':') + 1) || null,
  },
  { key: 'spelregels', section: 'spelregels', kind: 'records', label: (item) => ({ text: currentWording(item) }) },
  { key: 'rollen', section: 'spelregels', kind: 'records', label: field('name') },
  { key: 'basisteam', section: 'basisteam', kind: 'records', label: field('wat') },
  // Actions made from a card item, laid out flat (flatRecordList.ts): `wat` once changed, else as created (`=wat`).
  { key: 'basisteam-uit-kaart', section: 'basisteam', kind: 'keyed', label: (item) => ({ text: str(item['wat'] ?? item['=wat']) }) },
  { key: 'basisteam-leden', section: 'basisteam', kind: 'entries', label: (_, key) => ({ person: key.slice(0, Math.max(0, key.lastIndexOf('/'))) }) },
  { key: 'basisteam-aanspreekpunt', section: 'basisteam', kind: 'entries', label: (value) => ({ person: value !== null && typeof value === 'object' && !Array.isArray(value) ? str(value['person']) : '' }) },
  { key: 'lukt-het', section: 'basisteam', kind: 'records', label: field('text') },
  { key: 'evaluatiemomenten', section: 'basisteam', kind: 'records', label: field('note') },
  { key: 'bijstellingen', section: 'basisteam', kind: 'records', label: field('text') },
  { key: 'basisposter', section: 'basisposter', kind: 'records', label: field('text') },
  ...POSTER_SECTIONS.map((s): TextContainer => ({ key: `basisposter-tekst-${s}`, section: 'basisposter', kind: 'text' })),
  { key: 'familiekaart-members', section: 'familiekaart', kind: 'keyed', label: person },
  {
    key: 'familiekaart-links',
    section: 'familiekaart',
    kind: 'keyed',
    label: (item, key) => (typeof item['a'] === 'string' && typeof item['b'] === 'string' ? { people: [item['a'], item['b']] } : { text: key }),
  },
  { key: 'relatiekaart', section: 'relatiekaart', kind: 'keyed', label: person },
  { key: 'contactschema', section: 'contactschema', kind: 'keyed', label: person },
  { key: 'gebeurteniskaart', section: 'gebeurteniskaart', kind: 'records', label: field('what') },
  { key: 'notes', section: 'notities', kind: 'records', label: field('text') },
  { key: 'notepad', section: 'notities', kind: 'text' },
]

/**
 * Top-level types a version does not keep, and why. Restoring any of these
 * would be wrong: they record access, layout or versions themselves.
 */
export const NOT_VERSIONED: Readonly<Record<string, string>> = {
  schema: 'the layout version of the document, not content',
  invitations: 'who was given access: restoring would show taken-back invitations as given',
  'partnerschapskaart-versies': "the previous release's card versions; read as versions themselves",
  versies: 'the versions',
  'versie-inhoud': "the versions' content",
  schrijvers: 'which device wrote which text (attribution), not content',
  'person-invited': 'who was invited with an invitation of their own: access, not content',
  'person-claims': 'which device takes part as which person: access, not content',
  'person-claims-undone': 'claims the household undid: access, not content',
  route: 'a log of the household\'s choices of where it is on the route: restoring content does not move it on the route',
  waakvlam: 'a log of choices of how much support there is: restoring content does not turn support up or down',
  bijeenkomsten: 'meetings as they happened (who led, which step, privétijd): restoring content does not rerun a meeting',
  'bijeenkomst-stappen': "the agendas of meetings that happened: part of the meetings' history",
  'bijeenkomst-verslagen': 'the record each meeting left when it ended: history, kept as written',
}

/** The containers of one section, in table order. */
export function containersOf(section: PlanSection): Container[] {
  return CONTAINERS.filter((c) => c.section === section)
}

/** A container by its key. */
export function containerByKey(key: string): Container | undefined {
  return CONTAINERS.find((c) => c.key === key)
}

/** A spelregel's current words: the wording its `revision` names (see spelregels.ts). */
function currentWording(item: RecordItem): string {
  const revision = str(item.v['revision'])
  const wording = item.m['wordings']?.[revision]
  return wording !== null && typeof wording === 'object' && !Array.isArray(wording) ? str(wording['text']) : ''
}
