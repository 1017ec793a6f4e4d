import * as Y from 'yjs'
import type { PersonId } from './ids.ts'
import { PlanMetaRecord, type Language } from './meta.ts'
import { migrate, stampSchemaVersion, type MigrationResult } from './migrations.ts'
import { personSpec, type Person } from './people.ts'
import { RecordList } from './records.ts'
import type { Waarden } from './waarden.ts'
import type { Geslaagd } from './geslaagd.ts'
import type { Partnerschapskaart } from './partnerschapskaart.ts'
import type { Spelregels } from './spelregels.ts'
import type { Rollen } from './rollen.ts'
import type { Basisteam } from './basisteam.ts'
import type { LuktHet } from './lukt-het.ts'
import { Evaluatiemomenten } from './evaluatiemomenten.ts'
import { Route } from './route.ts'
import { Waakvlam } from './waakvlam.ts'
import { PersonReferences } from './personReferences.ts'
import type { Netwerkatlas } from './netwerkatlas/netwerkatlas.ts'
import { Invitations } from './invitations.ts'
import { noteSpec, type Note } from './notes.ts'
import { PersonDevices } from './personDevices.ts'
import type { PersonMarks } from './personMarks.ts'
import { TextAuthors } from './authors.ts'
import type { PlanVersions } from './versions/versions.ts'
import { SharedText } from './sharedText.ts'
import { OnzeVragen } from './vragen.ts'
import type { Team } from './team.ts'
import { Meetings } from './meeting/meetings.ts'
import { Changes, type Source } from './changes.ts'
import type { AanTafel } from './aanTafel.ts'
import { AtTableWaiting } from './atTableWaiting.ts'

/**
 * The instruments a plan builds only once their code has loaded
 * (instruments.ts): everything but what a first screen reads. A first visit
 * on a phone thus downloads the plan's frame, the route and the story, not
 * the schema of every instrument; a section that shows one of these loads
 * them with its own code.
 */
export interface Instruments {
  waarden: Waarden
  geslaagd: Geslaagd
  partnerschapskaart: Partnerschapskaart
  spelregels: Spelregels
  rollen: Rollen
  basisteam: Basisteam
  team: Team
  aanTafel: AanTafel
  luktHet: LuktHet
  netwerkatlas: Netwerkatlas
  versions: PlanVersions
  personMarks: PersonMarks
}

/** Builds a plan's instruments (and registers where they mention people); provided by instruments.ts when it loads. */
export type BuildInstruments = (plan: Plan) => Instruments

let buildInstruments: BuildInstruments | null = null
const instrumentsProvided = new Changes()

/** Called once by instruments.ts as it loads: from then on every plan can build its instruments. */
export function provideInstruments(build: BuildInstruments): void {
  buildInstruments = build
  instrumentsProvided.notify()
}

/**
 * The typed face of one room's Y.Doc: the only code that knows its keys.
 * Views, tests and the relay use this, never `doc.getMap(...)` themselves.
 *
 * Each instrument is one property built from a top-level Y type of its own,
 * so instruments added later slot in beside these without touching them.
 * The first screens' instruments are built with the plan; the others
 * (`Instruments`) on first use, from code that loads with the sections that
 * show them: import `shared/plan/index.ts` (Node, tests and every section
 * do), not `core.ts`, to have them.
 */
export class Plan {
  readonly meta: PlanMetaRecord
  readonly people: RecordList<Person>
  /** "Ons verhaal": the household's story, a rich-text fragment for Tiptap. */
  readonly story: Y.XmlFragment
  /** "Onze vraag": the household's own question, where Ontmoeten starts and evaluations look back to. */
  readonly question: SharedText
  /** "Onze vragen": the household's own question first, then the questions for the plan, grouped and in order, with information and answers (at the top of the route). */
  readonly vragen: OnzeVragen
  /** Where the household says it is on the route (Ontmoeten → Netwerkatlas → Meedenkbijeenkomst → Basisteam). */
  readonly route: Route
  /**
   * Meedenkbijeenkomsten: agenda, the current step, privétijd, who is there
   * (also at the table), and their records. Built at once: every screen says
   * when one runs; the instruments a record is made of are read when it ends.
   */
  readonly meetings: Meetings
  /** Days to look back together, everyone's answers, and the changes made at them (the plan's notices show the invitation). */
  readonly evaluatiemomenten: Evaluatiemomenten
  /** Full support or waakvlam, with the check-in day. */
  readonly waakvlam: Waakvlam
  /** Where people are mentioned across instruments, and removing a person with a choice for those places. */
  readonly personReferences: PersonReferences
  /** "Wie kan meelezen en meeschrijven": the invitations made, never the tokens themselves. */
  readonly invitations: Invitations
  /** Who takes part from a device of their own: by their own invitation, or by claiming a person through a shared link. */
  readonly personDevices: PersonDevices
  /** Short notes; in the huishouden room the household's drafts, shared to the plan room with sharing.ts. */
  readonly notes: RecordList<Note>
  /** A free text; in the huishouden room the household's own scratchpad. */
  readonly notepad: SharedText
  /** Who wrote which part of every text ("wie schreef wat"). */
  readonly authors: TextAuthors
  private built: Instruments | null = null
  private waitingAtTable: AtTableWaiting | null = null

  private constructor(readonly doc: Y.Doc) {
    this.meta = new PlanMetaRecord(doc.getMap('meta'))
    this.people = new RecordList(doc.getMap('people'), personSpec)
    // Where someone is mentioned is only complete with every instrument built.
    this.personReferences = new PersonReferences(this.people, doc.getMap('people-removals'), () => this.instruments())
    this.story = doc.getXmlFragment('ons-verhaal')
    this.question = SharedText.of(doc.getText('onze-vraag'))
    this.vragen = new OnzeVragen(this.question, doc.getMap('vragen'), doc.getMap('vragen-groepen'), doc.getMap('vragen-bij'))
    this.route = new Route(doc.getMap('route'))
    this.evaluatiemomenten = new Evaluatiemomenten(doc.getMap('evaluatiemomenten'), doc.getMap('bijstellingen'), this.personReferences)
    this.waakvlam = new Waakvlam(doc.getMap('waakvlam'))
    const plan = this
    this.meetings = new Meetings(doc.getMap('bijeenkomsten'), doc.getMap('bijeenkomst-stappen'), doc.getMap('bijeenkomst-verslagen'), {
      people: this.people,
      vragen: this.vragen,
      get basisteam() { return plan.basisteam },
      get team() { return plan.team },
    })
    this.invitations = new Invitations(doc.getMap('invitations'))
    this.notes = new RecordList(doc.getMap('notes'), noteSpec)
    this.personDevices = new PersonDevices(doc.getMap('person-invited'), doc.getMap('person-claims'), doc.getMap('person-claims-undone'), this.people)
    this.notepad = SharedText.of(doc.getText('notepad'))
    this.authors = new TextAuthors(doc.getMap('schrijvers'))
  }

  /** Whether this app has loaded the instruments beyond the first screens (any plan can build them now). */
  static hasInstruments(): boolean {
    return buildInstruments !== null
  }

  /** Tells when the instruments beyond the first screens have loaded. */
  static readonly instrumentsLoaded: Source = instrumentsProvided

  /** The other instruments, built together on first use. */
  private instruments(): Instruments {
    if (this.built) return this.built
    if (!buildInstruments) throw new Error("The plan's instruments have not loaded: import shared/plan/index.ts (not core.ts) where they are used.")
    this.built = buildInstruments(this)
    return this.built
  }

  /** Values "voor mij" and "voor ons", with endorsements and adoptions. */
  get waarden(): Waarden { return this.instruments().waarden }
  /** "Ik vind … geslaagd als …", one entry per person. */
  get geslaagd(): Geslaagd { return this.instruments().geslaagd }
  /** The five-step card, its agreements and saved versions. */
  get partnerschapskaart(): Partnerschapskaart { return this.instruments().partnerschapskaart }
  /** The jointly agreed rules of working together. */
  get spelregels(): Spelregels { return this.instruments().spelregels }
  /** Roles and responsibilities per person. */
  get rollen(): Rollen { return this.instruments().rollen }
  /** Wie doet wat, waar, wanneer en hoe — each helper by their own yes. */
  get basisteam(): Basisteam { return this.instruments().basisteam }
  /** The basisteam as a team: who is in it (each by their own yes), and the aanspreekpunt the household chose. */
  get team(): Team { return this.instruments().team }
  /** Everything said for someone at the table ("aan tafel"), for them to confirm or withdraw on their own device. */
  get aanTafel(): AanTafel { return this.instruments().aanTafel }

  /**
   * Whether something said at the table may wait for someone, without the
   * instruments (a first screen asks this; `aanTafel` has the exact answer).
   * Built on first use: only a device with a person of its own asks.
   */
  get atTableWaiting(): AtTableWaiting {
    const { doc } = this
    this.waitingAtTable ??= new AtTableWaiting({
      basisteam: doc.getMap('basisteam'),
      basisteamFromCard: doc.getMap('basisteam-uit-kaart'),
      teamMembers: doc.getMap('basisteam-leden'),
      teamContact: doc.getMap('basisteam-aanspreekpunt'),
      rollen: doc.getMap('rollen'),
      agreement: doc.getMap('partnerschapskaart-akkoord'),
      geslaagd: doc.getMap('geslaagd'),
    })
    return this.waitingAtTable
  }
  /** "Lukt het?" reflections on actions and on the plan. */
  get luktHet(): LuktHet { return this.instruments().luktHet }
  /** Basisposter, familiekaart, relatiekaart, contactschema and gebeurteniskaart, on the one people list. */
  get netwerkatlas(): Netwerkatlas { return this.instruments().netwerkatlas }
  /** Named versions of the whole plan: save, list, compare with now, restore. */
  get versions(): PlanVersions { return this.instruments().versions }
  /** Sensitive marks and notes about people, in the room their writer chose ("alleen voor ons", "ons netwerk", the plan). */
  get personMarks(): PersonMarks { return this.instruments().personMarks }

  /** Writes a new plan into an empty document. */
  static create(doc: Y.Doc, init: NewPlan): Plan {
    const plan = new Plan(doc)
    doc.transact(() => {
      stampSchemaVersion(doc)
      doc.getMap('meta').set('planId', init.planId)
      doc.getMap('meta').set('createdAt', Date.now())
      plan.meta.set({ title: init.title ?? '', householdName: init.householdName, language: init.language ?? 'nl', ...(init.startedForHouseholdBy ? { startedForHouseholdBy: init.startedForHouseholdBy } : {}) })
    })
    return plan
  }

  /**
   * Opens a plan document, upgrading it first when an older app wrote it.
   * A document with nothing in it yet (not loaded or not synced) is left
   * alone; call `upgrade()` again once content has arrived.
   */
  static open(doc: Y.Doc): Plan {
    const plan = new Plan(doc)
    plan.upgrade()
    return plan
  }

  /** Runs pending migrations if the document has content; safe to call after every sync. */
  upgrade(): MigrationResult | null {
    if (this.meta.isEmpty()) return null
    return migrate(this.doc)
  }

  /**
   * A version to read: a plan of its own (a separate document, never
   * synced) holding what the version kept, with who wrote what. Null when
   * the version cannot be read. Writing to it changes nothing of this plan.
   */
  openVersion(id: string): Plan | null {
    const doc = new Y.Doc()
    if (!this.versions.writeInto(id, doc)) return null
    return new Plan(doc)
  }

  /** The display name of a person id, or null for someone not (or no longer) on the list. */
  nameOf(id: PersonId | null): string | null {
    if (id === null) return null
    return this.people.get(id)?.name ?? null
  }
}

export interface NewPlan {
  planId: string
  householdName: string
  title?: string
  language?: Language
  /** A professional starting the plan for the household: their person id (PlanMeta.startedForHouseholdBy). */
  startedForHouseholdBy?: string
}
