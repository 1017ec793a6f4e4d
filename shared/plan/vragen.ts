import type * as Y from 'yjs'
import type { Actor } from './actor.ts'
import { Cached } from './cached.ts'
import { oneOf, optionalText, text } from './fields.ts'
import type { PersonId } from './ids.ts'
import { orderAt, orderAtEdge } from './order.ts'
import type { Plan } from './plan.ts'
import { RecordList, type Removal, type Stored } from './records.ts'
import type { SharedText } from './sharedText.ts'
import { readSharingNotes, SHARED_TO, type ShareableKind, type SharingNotes } from './sharing.ts'
import { transact } from './transact.ts'

/** A question for the plan, in the words of whoever asked it. */
export interface Question {
  text: string
  /** The group it was put in (a QuestionGroup id), or null. A group that was removed reads as none. */
  group: string | null
  /** The meeting where it was asked (meetings.ts), or null when asked outside one. */
  meeting: string | null
}

/** A heading questions are grouped under ("Wonen", "Geld", "Wie helpt mama?"). */
export interface QuestionGroup {
  title: string
}

/**
 * What someone adds to a question: information in the informatieronde
 * ("De thuiszorg komt nu twee keer per week"), or, written in privétijd in
 * the network's own room and shared with the plan afterwards, the network's
 * answer. Shareable between rooms (sharing.ts).
 */
export interface QuestionNote extends SharingNotes {
  text: string
  /** The question it belongs to (a Question id in the plan room), or null for a note on all of them. */
  question: string | null
  kind: QuestionNoteKind
}

export type QuestionNoteKind = 'informatie' | 'antwoord'
export const QUESTION_NOTE_KINDS: readonly QuestionNoteKind[] = ['informatie', 'antwoord']

/** One group with its questions in order; `group` null holds the questions in no group. */
export interface QuestionsInGroup {
  group: Stored<QuestionGroup> | null
  questions: Stored<Question>[]
}

const questionSpec = {
  read: (map: Y.Map<unknown>): Question => ({ text: text(map, 'text'), group: optionalText(map, 'group'), meeting: optionalText(map, 'meeting') }),
}
const groupSpec = { read: (map: Y.Map<unknown>): QuestionGroup => ({ title: text(map, 'title') }) }
const noteSpec = {
  read: (map: Y.Map<unknown>): QuestionNote => ({
    text: text(map, 'text'),
    question: optionalText(map, 'question'),
    kind: oneOf(map, 'kind', QUESTION_NOTE_KINDS, 'informatie'),
    ...readSharingNotes(map),
  }),
  maps: [SHARED_TO],
}

/**
 * "Onze vragen": the household's own question — the question behind the
 * question, where the plan starts (Ontmoeten) — and under it the questions for
 * the plan that everyone adds, in a meeting's "Vragen voor het plan" or at
 * any other time. One concept: the household's question is the first of
 * them, shown at the top of the plan. Questions can be grouped and put in
 * order; information and answers are linked to a question.
 *
 * Each question, group and note is a record of its own with a random id
 * (RecordList), so questions added at the same time on many phones, online
 * or offline, all arrive, once each.
 */
export class OnzeVragen {
  readonly questions: RecordList<Question>
  readonly groups: RecordList<QuestionGroup>
  /** Information and answers linked to questions; a RecordList, so "delen met het plan" can copy them between rooms. */
  readonly notes: RecordList<QuestionNote>
  private readonly view: Cached<QuestionsInGroup[]>

  constructor(
    /** The household's own question ("Onze vraag"), the same text as `plan.question`. */
    readonly household: SharedText,
    private readonly questionMap: Y.Map<Y.Map<unknown>>,
    groups: Y.Map<Y.Map<unknown>>,
    notes: Y.Map<Y.Map<unknown>>,
  ) {
    this.questions = new RecordList(questionMap, questionSpec)
    this.groups = new RecordList(groups, groupSpec)
    this.notes = new RecordList(notes, noteSpec)
    this.view = new Cached([this.questions, this.groups], () => this.readGrouped())
  }

  /** Adds a question at the end of its group (or of the questions in no group) and returns its id. */
  add(words: string, by: PersonId | null, options: { meeting?: string | null; group?: string | null } = {}): string {
    const group = options.group ?? null
    return this.questions.add({ text: words, group, meeting: options.meeting ?? null }, by, { order: orderAtEdge(this.inGroup(group)) })
  }

  /** Changes a question's words. */
  edit(id: string, words: string, by: PersonId | null): void {
    this.questions.update(id, { text: words }, by)
  }

  /** Puts a question in a group (or in none), at the end of it. */
  putInGroup(id: string, group: string | null, by: PersonId | null): void {
    if (!this.questions.get(id)) return
    transact(this.questionMap, () => {
      this.questions.update(id, { group }, by)
      this.questions.place(id, orderAtEdge(this.inGroup(group).filter((q) => q.id !== id)), by)
    })
  }

  /** Moves a question to a position among the questions of its own group (0 = first). */
  move(id: string, toIndex: number, by: PersonId | null): void {
    const question = this.questions.get(id)
    if (!question) return
    const others = this.inGroup(this.groupOf(question)).filter((q) => q.id !== id)
    this.questions.place(id, orderAt(others, toIndex), by)
  }

  /** Removes a question softly ("verwijderd door …" until dismissed); its notes stay, and come back with it. */
  remove(id: string, by: PersonId | null): void {
    this.questions.remove(id, by)
  }

  restore(id: string): void {
    this.questions.restore(id)
  }

  /** Forgets a removed question for everyone, when `actor` may (its author or the household). */
  dismiss(id: string, actor: Actor): boolean {
    return this.questions.erase(id, actor)
  }

  removed(): (Stored<Question> & Removal)[] {
    return this.questions.removed()
  }

  /** Adds a group heading at the end and returns its id. */
  addGroup(title: string, by: PersonId | null): string {
    return this.groups.add({ title }, by)
  }

  renameGroup(id: string, title: string, by: PersonId | null): void {
    this.groups.update(id, { title }, by)
  }

  /** Removes a group softly: its questions show in no group until it is brought back. */
  removeGroup(id: string, by: PersonId | null): void {
    this.groups.remove(id, by)
  }

  moveGroup(id: string, toIndex: number, by: PersonId | null): void {
    this.groups.move(id, toIndex, by)
  }

  /** Every visible question, grouped: the groups in their order (also empty ones), then the questions in no group when there are any. */
  grouped(): QuestionsInGroup[] {
    return this.view.get()
  }

  /** Every visible question in reading order: group by group, then those in no group. */
  list(): Stored<Question>[] {
    return this.view.per('list', (groups) => groups.flatMap((g) => g.questions))
  }

  /** The questions asked in one meeting, in reading order. */
  forMeeting(meeting: string): Stored<Question>[] {
    return this.view.per(`meeting:${meeting}`, (groups) => groups.flatMap((g) => g.questions).filter((q) => q.meeting === meeting))
  }

  /** Information and answers linked to one question (null: to none), in the order they were added. */
  notesFor(question: string | null): Stored<QuestionNote>[] {
    return this.notes.list().filter((note) => note.question === question)
  }

  /** Adds information or an answer to a question and returns its id. */
  addNote(note: { text: string; question: string | null; kind?: QuestionNoteKind }, by: PersonId | null): string {
    return this.notes.add({ text: note.text, question: note.question, kind: note.kind ?? 'informatie' }, by)
  }

  subscribe(listener: () => void): () => void {
    const stopGroups = this.view.subscribe(listener)
    const stopNotes = this.notes.subscribe(listener)
    const stopHousehold = this.household.subscribe(listener)
    return () => {
      stopGroups()
      stopNotes()
      stopHousehold()
    }
  }

  /** The group a question shows in: its own while that group is visible, else none. */
  private groupOf(question: Question): string | null {
    return question.group !== null && this.groups.get(question.group) ? question.group : null
  }

  private inGroup(group: string | null): Stored<Question>[] {
    return this.questions.list().filter((q) => this.groupOf(q) === group)
  }

  private readGrouped(): QuestionsInGroup[] {
    const result: QuestionsInGroup[] = this.groups.list().map((group) => ({ group, questions: this.inGroup(group.id) }))
    const loose = this.inGroup(null)
    if (loose.length > 0) result.push({ group: null, questions: loose })
    return result
  }
}

/** Information and answers as a shareable kind: the same list in every room, copied by their words and question. */
export const QUESTION_NOTES: ShareableKind<QuestionNote> = {
  list: (plan: Plan) => plan.vragen.notes,
  content: (note) => ({ text: note.text, question: note.question, kind: note.kind }),
}
