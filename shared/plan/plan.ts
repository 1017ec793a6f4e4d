import * as Y from 'yjs'
import type { PersonId } from './ids.ts'
import { PlanMetaRecord, type Language } from './meta.ts'
import { migrate, stampSchemaVersion, type MigrationResult } from './migrations.ts'
import { personSpec, type Person } from './people.ts'
import { RecordList } from './records.ts'
import { Waarden } from './waarden.ts'
import { Geslaagd } from './geslaagd.ts'
import { Partnerschapskaart } from './partnerschapskaart.ts'
import { Spelregels } from './spelregels.ts'
import { Rollen } from './rollen.ts'
import { Basisteam } from './basisteam.ts'
import { LuktHet } from './lukt-het.ts'
import { Evaluatiemomenten } from './evaluatiemomenten.ts'
import { Route } from './route.ts'
import { Waakvlam } from './waakvlam.ts'
import { PersonReferences } from './personReferences.ts'
import { Netwerkatlas } from './netwerkatlas/netwerkatlas.ts'
import { Invitations } from './invitations.ts'
import { noteSpec, type Note } from './notes.ts'
import { PersonDevices } from './personDevices.ts'
import { PersonMarks } from './personMarks.ts'
import { TextAuthors } from './authors.ts'
import { PlanVersions } from './versions/versions.ts'
import { SharedText } from './sharedText.ts'
import { OnzeVragen } from './vragen.ts'
import { Team } from './team.ts'
import { Meetings } from './meeting/meetings.ts'
import { AanTafel } from './aanTafel.ts'

/**
 * The typed face of one room's Y.Doc: the only code that knows its keys.
 * Views, tests and the relay use this, never `doc.getMap(...)` themselves.
 *
 * Each instrument is one property built from a top-level Y type of its own,
 * so instruments added later slot in beside these without touching them.
 */
export class Plan {
  readonly meta: PlanMetaRecord
  readonly people: RecordList<Person>
  /** "Ons verhaal": the household's story, a rich-text fragment for Tiptap. */
  readonly story: Y.XmlFragment
  /** "Onze vraag": the household's own question, where Ontmoeten starts and evaluations look back to. */
  readonly question: SharedText
  /** "Onze vragen": the household's own question first, then the questions for the plan, grouped and in order, with information and answers. */
  readonly vragen: OnzeVragen
  /** Where the household says it is on the route (Ontmoeten → Netwerkatlas → Meedenkbijeenkomst → Basisteam). */
  readonly route: Route
  /** Values "voor mij" and "voor ons", with endorsements and adoptions. */
  readonly waarden: Waarden
  /** "Ik vind … geslaagd als …", one entry per person. */
  readonly geslaagd: Geslaagd
  /** The five-step card, its agreements and saved versions. */
  readonly partnerschapskaart: Partnerschapskaart
  /** The jointly agreed rules of working together. */
  readonly spelregels: Spelregels
  /** Roles and responsibilities per person. */
  readonly rollen: Rollen
  /** Wie doet wat, waar, wanneer en hoe — each helper by their own yes. */
  readonly basisteam: Basisteam
  /** The basisteam as a team: who is in it (each by their own yes), and the aanspreekpunt the household chose. */
  readonly team: Team
  /** Meedenkbijeenkomsten: agenda, the current step, privétijd, who is there (also at the table), and their records. */
  readonly meetings: Meetings
  /** Everything said for someone at the table ("aan tafel"), for them to confirm or withdraw on their own device. */
  readonly aanTafel: AanTafel
  /** "Lukt het?" reflections on actions and on the plan. */
  readonly luktHet: LuktHet
  /** Days to look back together, everyone's answers, and the changes made at them. */
  readonly evaluatiemomenten: Evaluatiemomenten
  /** Full support or waakvlam, with the check-in day. */
  readonly waakvlam: Waakvlam
  /** Where people are mentioned across instruments, and removing a person with a choice for those places. */
  readonly personReferences: PersonReferences
  /** Basisposter, familiekaart, relatiekaart, contactschema and gebeurteniskaart, on the one people list. */
  readonly netwerkatlas: Netwerkatlas
  /** "Wie kan meelezen en meeschrijven": the invitations made, never the tokens themselves. */
  readonly invitations: Invitations
  /** Who takes part from a device of their own: by their own invitation, or by claiming a person through a shared link. */
  readonly personDevices: PersonDevices
  /** Sensitive marks and notes about people, in the room their writer chose ("alleen voor ons", "ons netwerk", the plan). */
  readonly personMarks: PersonMarks
  /** Short notes; in the huishouden room the household's drafts, shared to the plan room with sharing.ts. */
  readonly notes: RecordList<Note>
  /** A free text; in the huishouden room the household's own scratchpad. */
  readonly notepad: SharedText
  /** Who wrote which part of every text ("wie schreef wat"). */
  readonly authors: TextAuthors
  /** Named versions of the whole plan: save, list, compare with now, restore. */
  readonly versions: PlanVersions

  private constructor(readonly doc: Y.Doc) {
    this.meta = new PlanMetaRecord(doc.getMap('meta'))
    this.people = new RecordList(doc.getMap('people'), personSpec)
    this.personReferences = new PersonReferences(this.people, doc.getMap('people-removals'))
    this.story = doc.getXmlFragment('ons-verhaal')
    this.question = SharedText.of(doc.getText('onze-vraag'))
    this.vragen = new OnzeVragen(this.question, doc.getMap('vragen'), doc.getMap('vragen-groepen'), doc.getMap('vragen-bij'))
    this.route = new Route(doc.getMap('route'))
    this.waarden = new Waarden(doc.getMap('waarden'))
    this.geslaagd = new Geslaagd(doc.getMap('geslaagd'), this.personReferences)
    this.partnerschapskaart = new Partnerschapskaart(
      {
        items: doc.getMap('partnerschapskaart-items'),
        questions: doc.getMap('partnerschapskaart-vragen'),
        agreement: doc.getMap('partnerschapskaart-akkoord'),
        versions: doc.getMap('partnerschapskaart-versies'),
      },
      this.waarden,
      this.geslaagd,
    )
    this.spelregels = new Spelregels(doc.getMap('spelregels'))
    this.rollen = new Rollen(doc.getMap('rollen'), this.personReferences)
    this.basisteam = new Basisteam(doc.getMap('basisteam'), doc.getMap('basisteam-uit-kaart'), this.personReferences)
    this.luktHet = new LuktHet(doc.getMap('lukt-het'))
    this.evaluatiemomenten = new Evaluatiemomenten(doc.getMap('evaluatiemomenten'), doc.getMap('bijstellingen'), this.personReferences)
    this.waakvlam = new Waakvlam(doc.getMap('waakvlam'))
    this.team = new Team(doc.getMap('basisteam-leden'), doc.getMap('basisteam-aanspreekpunt'), this.personReferences)
    for (const source of [this.basisteam, this.team, this.rollen, this.geslaagd, this.evaluatiemomenten]) this.personReferences.register(source)
    this.meetings = new Meetings(doc.getMap('bijeenkomsten'), doc.getMap('bijeenkomst-stappen'), doc.getMap('bijeenkomst-verslagen'), {
      people: this.people,
      vragen: this.vragen,
      basisteam: this.basisteam,
      team: this.team,
    })
    this.aanTafel = new AanTafel([this.basisteam, this.team, this.rollen, this.partnerschapskaart.agreement, this.geslaagd])
    this.netwerkatlas = new Netwerkatlas(doc, this.people, this.personReferences)
    this.invitations = new Invitations(doc.getMap('invitations'))
    this.notes = new RecordList(doc.getMap('notes'), noteSpec)
    this.personDevices = new PersonDevices(doc.getMap('person-invited'), doc.getMap('person-claims'), doc.getMap('person-claims-undone'), this.people)
    this.personMarks = new PersonMarks(doc.getMap('person-marks'))
    this.notepad = SharedText.of(doc.getText('notepad'))
    this.authors = new TextAuthors(doc.getMap('schrijvers'))
    this.versions = new PlanVersions(doc, doc.getMap('versies'), doc.getMap('versie-inhoud'), this.partnerschapskaart.versions, this.authors)
  }

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
