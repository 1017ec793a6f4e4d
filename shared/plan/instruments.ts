import { AanTafel } from './aanTafel.ts'
import { Basisteam } from './basisteam.ts'
import { Geslaagd } from './geslaagd.ts'
import { LuktHet } from './lukt-het.ts'
import { Netwerkatlas } from './netwerkatlas/netwerkatlas.ts'
import { Partnerschapskaart } from './partnerschapskaart.ts'
import { provideInstruments, type Instruments, type Plan } from './plan.ts'
import { Rollen } from './rollen.ts'
import { Spelregels } from './spelregels.ts'
import { Team } from './team.ts'
import { PersonMarks } from './personMarks.ts'
import { PlanVersions } from './versions/versions.ts'
import { Waarden } from './waarden.ts'

/**
 * The plan's instruments beyond its first screens (plan.ts, `Instruments`):
 * the code that grows with every instrument the method adds. Loading this
 * module lets every plan build them; shared/plan/index.ts loads it, so Node,
 * the tests and every section that imports the plan API have them, while a
 * first visit (which imports core.ts) does not download them.
 */
function buildInstruments(plan: Plan): Instruments {
  const { doc, people, personReferences } = plan
  const waarden = new Waarden(doc.getMap('waarden'))
  const geslaagd = new Geslaagd(doc.getMap('geslaagd'), personReferences)
  const partnerschapskaart = new Partnerschapskaart(
    {
      items: doc.getMap('partnerschapskaart-items'),
      questions: doc.getMap('partnerschapskaart-vragen'),
      agreement: doc.getMap('partnerschapskaart-akkoord'),
      versions: doc.getMap('partnerschapskaart-versies'),
    },
    waarden,
    geslaagd,
  )
  const spelregels = new Spelregels(doc.getMap('spelregels'))
  const rollen = new Rollen(doc.getMap('rollen'), personReferences)
  const basisteam = new Basisteam(doc.getMap('basisteam'), doc.getMap('basisteam-uit-kaart'), personReferences)
  const luktHet = new LuktHet(doc.getMap('lukt-het'))
  const team = new Team(doc.getMap('basisteam-leden'), doc.getMap('basisteam-aanspreekpunt'), personReferences)
  for (const source of [basisteam, team, rollen, geslaagd, plan.evaluatiemomenten]) personReferences.register(source)
  // An instrument that takes a word at the table is read by atTableWaiting.ts too (a first screen asks it without this code).
  const aanTafel = new AanTafel([basisteam, team, rollen, partnerschapskaart.agreement, geslaagd])
  const netwerkatlas = new Netwerkatlas(doc, people, personReferences)
  const versions = new PlanVersions(doc, doc.getMap('versies'), doc.getMap('versie-inhoud'), partnerschapskaart.versions, plan.authors)
  const personMarks = new PersonMarks(doc.getMap('person-marks'))
  return { waarden, geslaagd, partnerschapskaart, spelregels, rollen, basisteam, team, aanTafel, luktHet, netwerkatlas, versions, personMarks }
}

provideInstruments(buildInstruments)
