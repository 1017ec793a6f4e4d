import type { Plan } from '../plan/plan.ts'
import { POSTER_SECTIONS } from '../plan/netwerkatlas/basisposter.ts'
import { readRich, richWords } from '../plan/versions/snapshot.ts'

/**
 * A room of a plan in readable fields, instrument by instrument: what the
 * export's `readable` holds, and what its Markdown and print are made of.
 * Read through the schema's own readers, so it says what the app shows
 * (names beside person ids, dates as written), and the same document always
 * reads the same.
 */
export function readableRoom(plan: Plan) {
  const card = plan.partnerschapskaart.snapshot()
  const { basisposter, familiekaart, relatiekaart, contactschema, gebeurteniskaart } = plan.netwerkatlas
  const meta = plan.meta.get()
  return {
    plan: plan.meta.isEmpty() ? null : { title: meta.title, householdName: meta.householdName, language: meta.language, createdAt: meta.createdAt },
    route: { phase: plan.route.current()?.phase ?? null, history: plan.route.history() },
    waakvlam: { ...plan.waakvlam.state(), history: plan.waakvlam.history() },
    verhaal: richWords(readRich(plan.story)),
    vragen: readableQuestions(plan),
    mensen: plan.people.list(),
    waarden: plan.waarden.list(),
    geslaagd: plan.geslaagd.list(),
    partnerschapskaart: { items: card.items, questions: card.questions, agreement: card.agreement },
    spelregels: plan.spelregels.list(),
    rollen: plan.rollen.list(),
    basisteam: plan.basisteam.list(),
    luktHet: plan.luktHet.list(),
    evaluatiemomenten: plan.evaluatiemomenten.list(),
    bijstellingen: plan.evaluatiemomenten.bijstellingen.list(),
    netwerkatlas: {
      basisposter: { items: basisposter.sections().flatMap((s) => s.items), texts: Object.fromEntries(POSTER_SECTIONS.map((s) => [s, basisposter.textOf(s).toString()])) },
      familiekaart: { members: familiekaart.list(), links: familiekaart.links() },
      relatiekaart: relatiekaart.list(),
      contactschema: contactschema.list(),
      gebeurteniskaart: gebeurteniskaart.list(),
    },
    bijeenkomsten: readableMeetings(plan),
    notities: { notes: plan.notes.list(), notepad: plan.notepad.toString() },
    toegang: plan.invitations.list(),
    versies: plan.versions.list().map(({ id, name, filledInBy, savedBy, savedAt, sections, fromCard }) => ({ id, name, filledInBy, savedBy, savedAt, sections, fromCard })),
  }
}

/** "Onze vragen": the household's own question, then the plan's questions in reading order, their groups, and what was added to them. */
function readableQuestions(plan: Plan) {
  return {
    onzeVraag: plan.question.toString(),
    groepen: plan.vragen.groups.list(),
    vragen: plan.vragen.list(),
    notities: plan.vragen.notes.list(),
  }
}

/** The meetings, newest first, each with the record it left when it ended (null while it runs). */
function readableMeetings(plan: Plan) {
  return plan.meetings.list().map((meeting) => ({
    id: meeting.id,
    title: meeting.title,
    gespreksleider: meeting.gespreksleider,
    startedBy: meeting.createdBy,
    startedAt: meeting.createdAt,
    endedAt: meeting.endedAt,
    record: plan.meetings.record(meeting.id),
  }))
}

export type ReadableRoom = ReturnType<typeof readableRoom>

/** The readable room as plain JSON (what the file holds): undefined left out, the same key order every time. */
export function readableJson(plan: Plan): ReadableRoom {
  return JSON.parse(JSON.stringify(readableRoom(plan))) as ReadableRoom
}
