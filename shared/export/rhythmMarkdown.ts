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

/** Fills {{placeholders}} the way the app's catalogs do, so a sentence reads the same on paper and here. */
function fill(words: string, values: Record<string, string>): string {
  return words.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole)
}

/** The Markdown's own sentences; client/document/rhythmLabels.test.ts holds them to the print view's words. */
export const RHYTHM_WORDS = {
  route: { nl: 'Waar staan we?', en: 'Where are we?' },
  here: { nl: 'hier zijn jullie nu.', en: 'you are here now.' },
  chosenBy: { nl: '{{name}} koos dit op {{date}}.', en: '{{name}} chose this on {{date}}.' },
  earlier: { nl: 'Eerder: {{list}}.', en: 'Earlier: {{list}}.' },
  support: { nl: 'Hoeveel hulp is er nu?', en: 'How much help is there now?' },
  waakvlam: { nl: 'Het plan staat op een waakvlam. Het gaat goed. Jullie en je netwerk gaan door.', en: 'The plan is on a pilot light. Things are going well. You and your network carry on.' },
  full: { nl: 'Het plan loopt, met alle hulp die nodig is.', en: 'The plan is running, with all the help that is needed.' },
  loweredBy: { nl: '{{name}} zette het plan op een waakvlam op {{date}}.', en: '{{name}} put the plan on a pilot light on {{date}}.' },
  raisedBy: { nl: '{{name}} zette het plan weer aan op {{date}}.', en: '{{name}} turned the plan back up on {{date}}.' },
  checkIn: { nl: 'Op {{day}} kijken jullie nog één keer hoe het gaat.', en: 'On {{day}} you look once more at how it goes.' },
  noCheckIn: { nl: 'Er is nog geen dag afgesproken om nog één keer te kijken.', en: 'No day has been set yet to look once more.' },
  note: { nl: '{{kind}} van {{name}}: {{text}}', en: '{{kind}} from {{name}}: {{text}}' },
  vragen: { nl: 'Onze vragen', en: 'Our questions' },
  onzeVraag: { nl: 'Onze vraag', en: 'Our question' },
  otherQuestions: { nl: 'Andere vragen', en: 'Other questions' },
  allQuestions: { nl: 'Bij alle vragen', en: 'For all questions' },
  terugkijken: { nl: 'Samen terugkijken', en: 'Looking back together' },
  moment: { nl: 'Terugkijken op', en: 'Looking back on' },
  noDay: { nl: 'Terugkijken, dag nog niet bekend', en: 'Looking back, day not known yet' },
  agreedBy: { nl: 'Afgesproken door {{name}}.', en: 'Agreed by {{name}}.' },
  noAnswers: { nl: 'Nog niemand heeft geantwoord.', en: 'Nobody has answered yet.' },
  bijstellen: { nl: 'Wat passen we aan?', en: 'What do we change?' },
  onAction: { nl: 'Bij de afspraak: {{wat}}', en: 'For the agreement: {{wat}}' },
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
    const chosen = fill(w(RHYTHM_WORDS.chosenBy), { name: name(current.createdBy), date: dayOf(current.createdAt) })
    body.push(...ROUTE_PHASES.map((phase) => `- ${w(RHYTHM_LABELS.phases[phase])}${phase === route.phase ? ` — **${w(RHYTHM_WORDS.here)}** ${chosen}` : ''}`))
    const earlier = route.history.slice(1)
    if (earlier.length) body.push('', fill(w(RHYTHM_WORDS.earlier), { list: earlier.map((c) => `${w(RHYTHM_LABELS.phases[c.phase])} (${name(c.createdBy)}, ${dayOf(c.createdAt)})`).join(', ') }))
  }
  if (waakvlam.level === 'waakvlam' || waakvlam.history.length > 0) {
    body.push('', `**${w(RHYTHM_WORDS.support)}**`, '')
    if (waakvlam.level === 'waakvlam') {
      body.push(`${w(RHYTHM_WORDS.waakvlam)} ${fill(w(RHYTHM_WORDS.loweredBy), { name: name(waakvlam.by), date: dayOf(waakvlam.at) })}`, '')
      body.push(waakvlam.checkIn ? fill(w(RHYTHM_WORDS.checkIn), { day: waakvlam.checkIn }) : w(RHYTHM_WORDS.noCheckIn))
    } else {
      body.push(`${w(RHYTHM_WORDS.full)} ${fill(w(RHYTHM_WORDS.raisedBy), { name: name(waakvlam.by), date: dayOf(waakvlam.at) })}`)
    }
  }
  return { title: w(RHYTHM_WORDS.route), body }
}

/** "Onze vragen": the household's own question, then the questions by group, each with what was added to it. */
export function questionLines(room: ReadableRoom, w: Say, name: Name): { title: string; body: string[] } {
  const { vragen } = room
  const body: string[] = []
  if (vragen.onzeVraag.trim()) body.push(`${w(RHYTHM_WORDS.onzeVraag)}: ${vragen.onzeVraag.trim()}`, '')
  const notes = (question: string | null) =>
    vragen.notities
      .filter((n) => n.question === question && n.text.trim())
      .map((n) => `  - ${fill(w(RHYTHM_WORDS.note), { kind: w(RHYTHM_LABELS.noteKinds[n.kind]), name: name(n.createdBy), text: n.text.trim() })}`)
  const visibleGroups = new Set(vragen.groepen.map((g) => g.id))
  const groups: { title: string | null; id: string | null }[] = [...vragen.groepen.map((g) => ({ title: g.title, id: g.id as string | null })), { title: null, id: null }]
  for (const group of groups) {
    const questions = vragen.vragen.filter((q) => (group.id === null ? q.group === null || !visibleGroups.has(q.group) : q.group === group.id))
    if (!questions.length) continue
    if (group.title !== null || vragen.groepen.length > 0) body.push(`**${group.title ?? w(RHYTHM_WORDS.otherQuestions)}**`, '')
    body.push(...questions.flatMap((q) => [`- ${q.text}`, ...notes(q.id)]), '')
  }
  const forAll = notes(null)
  if (forAll.length) body.push(`**${w(RHYTHM_WORDS.allQuestions)}**`, '', ...forAll.map((line) => line.slice(2)), '')
  return { title: w(RHYTHM_WORDS.vragen), body }
}

/** "Samen terugkijken": each moment with its day, what was agreed, everyone's answers by question, and what changed after it. */
export function evaluationLines(room: ReadableRoom, w: Say, name: Name): { title: string; body: string[] } {
  const actions = new Map(room.basisteam.map((a) => [a.id, a.wat]))
  const body = room.evaluatiemomenten.flatMap((moment) => {
    const lines = [`**${moment.date ? `${w(RHYTHM_WORDS.moment)} ${moment.date}` : w(RHYTHM_WORDS.noDay)}**`, '']
    lines.push(`${moment.note ? `${moment.note} ` : ''}${fill(w(RHYTHM_WORDS.agreedBy), { name: name(moment.createdBy) })}`, '')
    if (!moment.answers.length) lines.push(w(RHYTHM_WORDS.noAnswers), '')
    for (const question of EVALUATION_QUESTIONS) {
      const answers = moment.answers.filter((a) => a.question === question)
      if (answers.length) lines.push(`- ${w(RHYTHM_LABELS.evaluationQuestions[question])}`, ...answers.map((a) => `  - ${name(a.person)}, ${dayOf(a.at)}: ${a.text}`))
    }
    const changes = room.bijstellingen.filter((b) => b.moment === moment.id)
    if (changes.length) {
      lines.push(`- ${w(RHYTHM_WORDS.bijstellen)}`)
      lines.push(...changes.map((b) => {
        const action = b.action !== null ? actions.get(b.action) : undefined
        return `  - ${w(RHYTHM_LABELS.tasks[b.task])}: ${b.text} (${name(b.createdBy)}).${action ? ` ${fill(w(RHYTHM_WORDS.onAction), { wat: action })}` : ''}`
      }))
    }
    lines.push('')
    return lines
  })
  return { title: w(RHYTHM_WORDS.terugkijken), body }
}

/** "Bijeenkomsten": what each meeting left when it ended, in the names it wrote down then. */
export function meetingLines(room: ReadableRoom, w: Say, name: Name): { title: string; body: string[] } {
  const body = room.bijeenkomsten.flatMap((meeting) => {
    const heading = `**${meeting.title || w(RHYTHM_WORDS.meeting)}, ${dayOf(meeting.startedAt)}${meeting.record ? '' : ` — ${w(RHYTHM_WORDS.running)}`}**`
    const record = meeting.record
    if (!record) return [heading, '']
    const named = (p: { name: string; person: string }) => p.name || name(p.person)
    const lines = [heading, '']
    if (record.gespreksleider) lines.push(`- ${w(RHYTHM_WORDS.gespreksleider)}: ${named(record.gespreksleider)}`)
    if (record.present.length) lines.push(`- ${w(RHYTHM_WORDS.present)}: ${record.present.map((p) => `${named(p)}${p.via ? ` (${w(RHYTHM_WORDS.via)} ${named(p.via)})` : ''}`).join(', ')}`)
    const steps = record.steps.filter((s) => s.reachedAt !== null || s.skipped)
    if (steps.length) {
      const stepName = (s: (typeof steps)[number]) => (s.kind === 'eigen' ? s.title : w(RHYTHM_LABELS.meetingSteps[s.kind]))
      lines.push(`- ${w(RHYTHM_WORDS.steps)}: ${steps.map((s) => `${stepName(s)}${s.skipped ? ` (${w(RHYTHM_WORDS.skipped)})` : ''}`).join(', ')}`)
    }
    if (record.questions.length) lines.push(`- ${w(RHYTHM_WORDS.questions)}: ${record.questions.map((q) => q.text).join('; ')}`)
    if (record.decided.trim()) lines.push(`- ${w(RHYTHM_WORDS.decided)}: ${record.decided.trim()}`)
    if (record.actions.length) {
      lines.push(`- ${w(RHYTHM_WORDS.actions)}:`, ...record.actions.map((a) => `  - ${a.wat}${a.wie.length ? ` — ${a.wie.map((h) => `${named(h)} (${w(RHYTHM_LABELS.consent[h.consent])})`).join(', ')}` : ''}`))
    }
    if (record.team.length) lines.push(`- ${w(RHYTHM_WORDS.team)}: ${record.team.map((m) => `${named(m)} (${w(RHYTHM_LABELS.consent[m.consent])})`).join(', ')}`)
    if (record.aanspreekpunt) lines.push(`- ${w(RHYTHM_WORDS.aanspreekpunt)}: ${named(record.aanspreekpunt)}`)
    lines.push('')
    return lines
  })
  return { title: w(RHYTHM_WORDS.bijeenkomsten), body }
}
