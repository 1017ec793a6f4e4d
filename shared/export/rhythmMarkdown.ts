import { EVALUATION_QUESTIONS } from '../plan/evaluatiemomenten.ts'
import { ROUTE_PHASES } from '../plan/route.ts'
import { RHYTHM_LABELS } from '../plan/rhythmLabels.ts'
import type { ReadableRoom } from './readable.ts'

/**
 * The plan's rhythm in the Markdown export (issue 13): where the household
 * is on the route and how much help there is now, its own questions, the
 * moments of looking back with everyone's answers, and what each meeting
 * left. Each function returns a section's lines (none when there is nothing
 * to say); markdown.ts puts them in the plan's reading order.
 */

type Say = (words: { nl: string; en: string }) => string
type Name = (id: string | null) => string

const WORDS = {
  route: { nl: 'Waar staan we?', en: 'Where are we?' },
  here: { nl: 'hier zijn jullie nu', en: 'you are here now' },
  chosenBy: { nl: 'gekozen door', en: 'chosen by' },
  earlier: { nl: 'Eerder', en: 'Earlier' },
  support: { nl: 'Hoeveel hulp is er nu?', en: 'How much help is there now?' },
  waakvlam: { nl: 'Het plan staat op een waakvlam. Het gaat goed. Jullie en je netwerk gaan door.', en: 'The plan is on a pilot light. Things are going well. You and your network carry on.' },
  full: { nl: 'Het plan loopt, met alle hulp die nodig is.', en: 'The plan is running, with all the help that is needed.' },
  loweredBy: { nl: 'Op waakvlam gezet door', en: 'Put on a pilot light by' },
  raisedBy: { nl: 'Weer aangezet door', en: 'Turned back up by' },
  checkIn: { nl: 'Nog één keer kijken hoe het gaat op', en: 'Looking once more at how it goes on' },
  vragen: { nl: 'Onze vragen', en: 'Our questions' },
  onzeVraag: { nl: 'Onze vraag', en: 'Our question' },
  otherQuestions: { nl: 'Andere vragen', en: 'Other questions' },
  allQuestions: { nl: 'Bij alle vragen', en: 'For all questions' },
  terugkijken: { nl: 'Samen terugkijken', en: 'Looking back together' },
  moment: { nl: 'Terugkijken op', en: 'Looking back on' },
  noDay: { nl: 'Terugkijken, dag nog niet bekend', en: 'Looking back, day not known yet' },
  agreedBy: { nl: 'afgesproken door', en: 'agreed by' },
  noAnswers: { nl: 'Nog niemand heeft geantwoord.', en: 'Nobody has answered yet.' },
  bijstellen: { nl: 'Wat passen we aan?', en: 'What do we change?' },
  onAction: { nl: 'bij de afspraak', en: 'for the agreement' },
  bijeenkomsten: { nl: 'Bijeenkomsten', en: 'Meetings' },
  meeting: { nl: 'Bijeenkomst', en: 'Meeting' },
  running: { nl: 'is nog bezig', en: 'still going on' },
  gespreksleider: { nl: 'Gespreksleider', en: 'Chair' },
  present: { nl: 'Wie waren er', en: 'Who was there' },
  via: { nl: 'aan tafel via', en: 'at the table via' },
  steps: { nl: 'Stappen', en: 'Steps' },
  skipped: { nl: 'overgeslagen', en: 'skipped' },
  questions: { nl: 'Vragen', en: 'Questions' },
  decided: { nl: 'Wat we hebben afgesproken', en: 'What we agreed' },
  actions: { nl: 'Wie doet wat', en: 'Who does what' },
  team: { nl: 'Basisteam', en: 'Core team' },
  aanspreekpunt: { nl: 'Aanspreekpunt', en: 'Point of contact' },
} as const

/** A day of a time in ms, as the rest of the Markdown writes days (YYYY-MM-DD); empty for a time no calendar holds. */
export function dayOf(at: number): string {
  const date = new Date(at)
  return Number.isFinite(date.getTime()) ? date.toISOString().slice(0, 10) : ''
}

/** "Waar staan we?": the four phases with where the household said it is, what it said before, and the waakvlam. */
export function routeLines(room: ReadableRoom, w: Say, name: Name): { title: string; body: string[] } {
  const { route, waakvlam } = room
  const body: string[] = []
  const current = route.history[0]
  if (route.phase !== null && current) {
    body.push(...ROUTE_PHASES.map((phase) => `- ${w(RHYTHM_LABELS.phases[phase])}${phase === route.phase ? ` — **${w(WORDS.here)}** (${w(WORDS.chosenBy)} ${name(current.createdBy)}, ${dayOf(current.createdAt)})` : ''}`))
    const earlier = route.history.slice(1)
    if (earlier.length) body.push('', `${w(WORDS.earlier)}: ${earlier.map((c) => `${w(RHYTHM_LABELS.phases[c.phase])} (${name(c.createdBy)}, ${dayOf(c.createdAt)})`).join('; ')}`)
  }
  if (waakvlam.level === 'waakvlam' || waakvlam.history.length > 0) {
    body.push('', `**${w(WORDS.support)}**`, '')
    if (waakvlam.level === 'waakvlam') {
      body.push(`${w(WORDS.waakvlam)} ${w(WORDS.loweredBy)} ${name(waakvlam.by)}, ${dayOf(waakvlam.at)}.`)
      if (waakvlam.checkIn) body.push('', `${w(WORDS.checkIn)} ${waakvlam.checkIn}.`)
    } else {
      body.push(`${w(WORDS.full)} ${w(WORDS.raisedBy)} ${name(waakvlam.by)}, ${dayOf(waakvlam.at)}.`)
    }
  }
  return { title: w(WORDS.route), body }
}

/** "Onze vragen": the household's own question, then the questions by group, each with what was added to it. */
export function questionLines(room: ReadableRoom, w: Say, name: Name): { title: string; body: string[] } {
  const { vragen } = room
  const body: string[] = []
  if (vragen.onzeVraag.trim()) body.push(`${w(WORDS.onzeVraag)}: ${vragen.onzeVraag.trim()}`, '')
  const notes = (question: string | null) =>
    vragen.notities.filter((n) => n.question === question && n.text.trim()).map((n) => `  - ${w(RHYTHM_LABELS.noteKinds[n.kind])} (${name(n.createdBy)}): ${n.text.trim()}`)
  const visibleGroups = new Set(vragen.groepen.map((g) => g.id))
  const groups: { title: string | null; id: string | null }[] = [...vragen.groepen.map((g) => ({ title: g.title, id: g.id as string | null })), { title: null, id: null }]
  for (const group of groups) {
    const questions = vragen.vragen.filter((q) => (group.id === null ? q.group === null || !visibleGroups.has(q.group) : q.group === group.id))
    if (!questions.length) continue
    if (group.title !== null || vragen.groepen.length > 0) body.push(`**${group.title ?? w(WORDS.otherQuestions)}**`, '')
    body.push(...questions.flatMap((q) => [`- ${q.text}`, ...notes(q.id)]), '')
  }
  const forAll = notes(null)
  if (forAll.length) body.push(`**${w(WORDS.allQuestions)}**`, '', ...forAll.map((line) => line.slice(2)), '')
  return { title: w(WORDS.vragen), body }
}

/** "Samen terugkijken": each moment with its day, what was agreed, everyone's answers by question, and what changed after it. */
export function evaluationLines(room: ReadableRoom, w: Say, name: Name): { title: string; body: string[] } {
  const actions = new Map(room.basisteam.map((a) => [a.id, a.wat]))
  const body = room.evaluatiemomenten.flatMap((moment) => {
    const lines = [`**${moment.date ? `${w(WORDS.moment)} ${moment.date}` : w(WORDS.noDay)}**`, '']
    lines.push(`${moment.note ? `${moment.note} ` : ''}(${w(WORDS.agreedBy)} ${name(moment.createdBy)})`, '')
    if (!moment.answers.length) lines.push(w(WORDS.noAnswers), '')
    for (const question of EVALUATION_QUESTIONS) {
      const answers = moment.answers.filter((a) => a.question === question)
      if (answers.length) lines.push(`- ${w(RHYTHM_LABELS.evaluationQuestions[question])}`, ...answers.map((a) => `  - ${name(a.person)} (${dayOf(a.at)}): ${a.text}`))
    }
    const changes = room.bijstellingen.filter((b) => b.moment === moment.id)
    if (changes.length) {
      lines.push(`- ${w(WORDS.bijstellen)}`)
      lines.push(...changes.map((b) => {
        const action = b.action !== null ? actions.get(b.action) : undefined
        return `  - ${w(RHYTHM_LABELS.tasks[b.task])}: ${b.text} (${name(b.createdBy)}${action ? `; ${w(WORDS.onAction)}: ${action}` : ''})`
      }))
    }
    lines.push('')
    return lines
  })
  return { title: w(WORDS.terugkijken), body }
}

/** "Bijeenkomsten": what each meeting left when it ended, in the names it wrote down then. */
export function meetingLines(room: ReadableRoom, w: Say, name: Name): { title: string; body: string[] } {
  const body = room.bijeenkomsten.flatMap((meeting) => {
    const heading = `**${meeting.title || w(WORDS.meeting)}, ${dayOf(meeting.startedAt)}${meeting.record ? '' : ` — ${w(WORDS.running)}`}**`
    const record = meeting.record
    if (!record) return [heading, '']
    const named = (p: { name: string; person: string }) => p.name || name(p.person)
    const lines = [heading, '']
    if (record.gespreksleider) lines.push(`- ${w(WORDS.gespreksleider)}: ${named(record.gespreksleider)}`)
    if (record.present.length) lines.push(`- ${w(WORDS.present)}: ${record.present.map((p) => `${named(p)}${p.via ? ` (${w(WORDS.via)} ${named(p.via)})` : ''}`).join(', ')}`)
    const steps = record.steps.filter((s) => s.reachedAt !== null || s.skipped)
    if (steps.length) {
      const stepName = (s: (typeof steps)[number]) => (s.kind === 'eigen' ? s.title : w(RHYTHM_LABELS.meetingSteps[s.kind]))
      lines.push(`- ${w(WORDS.steps)}: ${steps.map((s) => `${stepName(s)}${s.skipped ? ` (${w(WORDS.skipped)})` : ''}`).join(', ')}`)
    }
    if (record.questions.length) lines.push(`- ${w(WORDS.questions)}: ${record.questions.map((q) => q.text).join('; ')}`)
    if (record.decided.trim()) lines.push(`- ${w(WORDS.decided)}: ${record.decided.trim()}`)
    if (record.actions.length) {
      lines.push(`- ${w(WORDS.actions)}:`, ...record.actions.map((a) => `  - ${a.wat}${a.wie.length ? ` — ${a.wie.map((h) => `${named(h)} (${w(RHYTHM_LABELS.consent[h.consent])})`).join(', ')}` : ''}`))
    }
    if (record.team.length) lines.push(`- ${w(WORDS.team)}: ${record.team.map((m) => `${named(m)} (${w(RHYTHM_LABELS.consent[m.consent])})`).join(', ')}`)
    if (record.aanspreekpunt) lines.push(`- ${w(WORDS.aanspreekpunt)}: ${named(record.aanspreekpunt)}`)
    lines.push('')
    return lines
  })
  return { title: w(WORDS.bijeenkomsten), body }
}
