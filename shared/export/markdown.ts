import type { Language } from '../plan/meta.ts'
import { ATLAS_LABELS } from '../plan/netwerkatlas/labels.ts'
import { PARTNERSCHAPSKAART } from '../plan/partnerschapskaart-prompts.ts'
import type { RoomKind } from '../protocol/rooms.ts'
import type { KringExport } from './format.ts'
import type { ReadableRoom } from './readable.ts'
import { evaluationLines, meetingLines, questionLines, routeLines } from './rhythmMarkdown.ts'

/**
 * The export as a Markdown document a person can read, print or paste
 * elsewhere, in the plan's language. Words live here next to the schema's
 * other bilingual wordings (the card's, the atlas'), because the operator's
 * command line writes this file too, without the app's catalogs.
 */
const WORDS = {
  title: { nl: 'Plan van', en: 'Plan of' },
  exported: { nl: 'Gemaakt op', en: 'Made on' },
  rooms: { plan: { nl: 'Het plan', en: 'The plan' }, netwerk: { nl: 'Alleen het netwerk', en: 'The network only' }, huishouden: { nl: 'Alleen voor ons', en: 'Only for us' } },
  verhaal: { nl: 'Ons verhaal', en: 'Our story' },
  mensen: { nl: 'Mensen', en: 'People' },
  waarden: { nl: 'Waarden', en: 'Values' },
  voorOns: { nl: 'Voor ons', en: 'For us' },
  voorMij: { nl: 'Voor', en: 'For' },
  geslaagd: { nl: 'Geslaagd als', en: 'A success when' },
  kaart: { nl: 'Partnerschapskaart', en: 'Partnership map' },
  spelregels: { nl: 'Spelregels', en: 'Ground rules' },
  rollen: { nl: 'Rollen', en: 'Roles' },
  basisteam: { nl: 'Wie doet wat', en: 'Who does what' },
  luktHet: { nl: 'Lukt het?', en: 'Is it working?' },
  basisposter: { nl: 'Basisposter', en: 'Base poster' },
  familiekaart: { nl: 'Familiekaart', en: 'Family map' },
  relatiekaart: { nl: 'Relatiekaart', en: 'Relationship map' },
  contactschema: { nl: 'Contactschema', en: 'Contact schedule' },
  gebeurteniskaart: { nl: 'Gebeurteniskaart', en: 'Life events' },
  notities: { nl: 'Notities', en: 'Notes' },
  kladblok: { nl: 'Kladblok', en: 'Notepad' },
  versies: { nl: 'Versies', en: 'Versions' },
  someone: { nl: 'iemand', en: 'someone' },
  waar: { nl: 'waar', en: 'where' },
  wanneer: { nl: 'wanneer', en: 'when' },
  hoe: { nl: 'hoe', en: 'how' },
  wie: { nl: 'wie', en: 'who' },
} as const

export function exportMarkdown(file: KringExport): string {
  const language: Language = file.rooms.plan?.readable.plan?.language === 'en' ? 'en' : 'nl'
  const w = (words: { nl: string; en: string }) => words[language]
  const lines: string[] = [`# ${w(WORDS.title)} ${file.plan.householdName}`, '']
  if (file.plan.title) lines.push(file.plan.title, '')
  lines.push(`${w(WORDS.exported)} ${file.exportedAt.slice(0, 10)}`, '')
  for (const kind of ['plan', 'netwerk', 'huishouden'] as RoomKind[]) {
    const room = file.rooms[kind]
    if (room) lines.push(...roomMarkdown(room.readable, kind, w))
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

function roomMarkdown(room: ReadableRoom, kind: RoomKind, w: (words: { nl: string; en: string }) => string): string[] {
  const names = new Map(room.mensen.map((p) => [p.id, p.name]))
  const name = (id: string | null) => (id !== null && names.get(id)) || w(WORDS.someone)
  const out: string[] = [`## ${w(WORDS.rooms[kind])}`, '']
  const section = (title: string, body: string[]) => {
    if (body.length > 0) out.push(`### ${title}`, '', ...body, '')
  }
  const part = ({ title, body }: { title: string; body: string[] }) => section(title, body)
  part(routeLines(room, w, name))
  part(questionLines(room, w, name))
  section(w(WORDS.verhaal), room.verhaal.trim() ? [room.verhaal.trim()] : [])
  section(w(WORDS.mensen), room.mensen.map((p) => `- ${p.name}${p.relation ? ` (${p.relation})` : ''}`))
  section(w(WORDS.waarden), [
    ...room.waarden.filter((v) => v.scope === 'shared').map((v) => `- ${w(WORDS.voorOns)}: ${v.text}`),
    ...room.waarden.filter((v) => v.scope === 'personal').map((v) => `- ${w(WORDS.voorMij)} ${name(v.proposedBy)}: ${v.text}`),
    ...room.geslaagd.map((g) => `- ${name(g.person)} — ${w(WORDS.geslaagd)}: ${g.condition}`),
  ])
  section(
    w(WORDS.kaart),
    PARTNERSCHAPSKAART.filter((p) => p.step !== 'waarden').flatMap((prompt) => {
      const items = room.partnerschapskaart.items.filter((i) => !i.draft && i.step === prompt.step)
      return items.length ? [`**${w(prompt.title)}**`, ...items.map((i) => `- ${i.text}`), ''] : []
    }),
  )
  section(w(WORDS.spelregels), room.spelregels.map((r) => `- ${r.text}`))
  section(w(WORDS.rollen), room.rollen.map((r) => `- ${name(r.person)}: ${r.name}${r.responsibilities ? ` — ${r.responsibilities}` : ''}`))
  section(
    w(WORDS.basisteam),
    room.basisteam.map((a) => {
      const when = a.wanneer === null ? '' : a.wanneer.kind === 'date' ? a.wanneer.date : a.wanneer.text
      const parts = [
        a.wie.length ? `${w(WORDS.wie)}: ${a.wie.map((h) => name(h.person)).join(', ')}` : '',
        a.waar ? `${w(WORDS.waar)}: ${a.waar}` : '',
        when ? `${w(WORDS.wanneer)}: ${when}` : '',
        a.hoe ? `${w(WORDS.hoe)}: ${a.hoe}` : '',
      ].filter(Boolean)
      return `- ${a.wat}${parts.length ? ` (${parts.join('; ')})` : ''}`
    }),
  )
  section(w(WORDS.luktHet), room.luktHet.map((e) => `- ${e.date} ${name(e.createdBy)}: ${e.text}`))
  part(evaluationLines(room, w, name))
  part(meetingLines(room, w, name))
  const atlas = room.netwerkatlas
  section(w(WORDS.basisposter), [
    ...atlas.basisposter.items.map((i) => `- ${w(ATLAS_LABELS.posterSections[i.section])}: ${i.text}`),
    ...Object.entries(atlas.basisposter.texts).filter(([, text]) => text.trim()).map(([s, text]) => `${w(ATLAS_LABELS.posterSections[s as keyof typeof ATLAS_LABELS.posterSections])}: ${text.trim()}`),
  ])
  section(w(WORDS.familiekaart), atlas.familiekaart.links.map((l) => `- ${personName(l.a, w)} — ${personName(l.b, w)} (${w(ATLAS_LABELS.familyLinks[l.kind])})`))
  section(w(WORDS.relatiekaart), atlas.relatiekaart.map((p) => `- ${personName(p.person, w)}: ${w(ATLAS_LABELS.rings[p.ring])}, ${w(ATLAS_LABELS.sectors[p.sector])}`))
  section(
    w(WORDS.contactschema),
    atlas.contactschema.map((c) => `- ${personName(c.person, w)}: ${c.slots.map((s) => `${w(ATLAS_LABELS.days[s.day])} ${w(ATLAS_LABELS.dayParts[s.part])}`).join(', ')}`),
  )
  section(w(WORDS.gebeurteniskaart), atlas.gebeurteniskaart.map((e) => `- ${e.when.text ? `${e.when.text}: ` : ''}${e.what}`))
  section(w(WORDS.notities), [...room.notities.notes.map((n) => `- ${n.text}`), ...(room.notities.notepad.trim() ? ['', `${w(WORDS.kladblok)}: ${room.notities.notepad.trim()}`] : [])])
  section(w(WORDS.versies), room.versies.map((v) => `- ${new Date(v.savedAt).toISOString().slice(0, 10)} ${v.name} (${name(v.savedBy)})`))
  return out
}

function personName(person: { onList: boolean; name?: string }, w: (words: { nl: string; en: string }) => string): string {
  return person.onList && person.name ? person.name : w(WORDS.someone)
}
