import type * as Y from 'yjs'
import type { Person } from '../people.ts'
import type { PersonReferences } from '../personReferences.ts'
import type { RecordList } from '../records.ts'
import { SharedText } from '../sharedText.ts'
import { Basisposter, POSTER_SECTIONS, type PosterSection } from './basisposter.ts'
import { Contactschema } from './contactschema.ts'
import { Familiekaart } from './familiekaart.ts'
import { Gebeurteniskaart } from './gebeurteniskaart.ts'
import { Relatiekaart } from './relatiekaart.ts'

/**
 * De netwerkatlas (Sociale Netwerk Versterking, fase 2): five instruments in
 * which the household and its steunfiguren map their network and their
 * story, all on the plan's one people list. Each instrument has top-level Y
 * types of its own (named here, nowhere else) and registers where it
 * mentions people, so removing a person can ask what to do with those places.
 */
export class Netwerkatlas {
  readonly basisposter: Basisposter
  readonly familiekaart: Familiekaart
  readonly relatiekaart: Relatiekaart
  readonly contactschema: Contactschema
  readonly gebeurteniskaart: Gebeurteniskaart

  constructor(doc: Y.Doc, people: RecordList<Person>, references: PersonReferences) {
    const posterTexts = Object.fromEntries(POSTER_SECTIONS.map((s) => [s, SharedText.of(doc.getText(`basisposter-tekst-${s}`))])) as Record<PosterSection, SharedText>
    this.basisposter = new Basisposter(doc.getMap('basisposter'), posterTexts)
    this.familiekaart = new Familiekaart(doc.getMap('familiekaart-members'), doc.getMap('familiekaart-links'), people, references)
    this.relatiekaart = new Relatiekaart(doc.getMap('relatiekaart'), people, references)
    this.contactschema = new Contactschema(doc.getMap('contactschema'), people, references)
    this.gebeurteniskaart = new Gebeurteniskaart(doc.getMap('gebeurteniskaart'), people, references, this.familiekaart)
    for (const source of [this.familiekaart, this.relatiekaart, this.contactschema, this.gebeurteniskaart]) references.register(source)
  }
}
