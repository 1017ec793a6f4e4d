import * as Y from 'yjs'
import type { PersonId } from './ids.ts'
import { SharedText } from './sharedText.ts'

/** A stretch of text written by one person (null: someone this plan cannot tell, e.g. written before Kring kept this). */
export interface AuthoredRun {
  text: string
  author: PersonId | null
}

/** A text as lines (blocks), each a list of runs by author. */
export type AuthoredText = AuthoredRun[][]

/**
 * Who wrote which part of a text, the way Yjs itself tells: every character
 * carries the id of the document (client) that inserted it, and this
 * register says which person each client id wrote as. One entry per device
 * session that actually wrote, made on its first change, so reading never
 * costs a byte.
 *
 * Why not Y.PermanentUserData: it stores a delete set per transaction (the
 * plan would grow with every edit, not with its content), throws on a
 * damaged entry from another replica, and adds listeners it never removes.
 * The part we need, client id → person, is this one flat map.
 */
export class TextAuthors {
  private me: PersonId | null = null
  private listening = false

  constructor(private readonly map: Y.Map<unknown>) {}

  /**
   * From now on, changes made in this document are `person`'s (null: stop).
   * The entry is written after the first change this device makes, so a
   * device that only reads leaves no trace.
   */
  writeAs(person: PersonId | null): void {
    this.me = person
    const doc = this.map.doc
    if (!doc || this.listening) return
    this.listening = true
    doc.on('update', this.onUpdate)
  }

  /** Calls `listener` when the register changes (a writer's entry can arrive after their words); returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    const observer = () => listener()
    this.map.observe(observer)
    return () => this.map.unobserve(observer)
  }

  /** The person a client id wrote as, or null when this plan does not know. */
  authorOf(client: number): PersonId | null {
    const person = this.map.get(String(client))
    return typeof person === 'string' ? person : null
  }

  /** A Y.Text or rich text as lines of runs by author; the lines join with '\n' into the text's plain words. */
  runsOf(type: Y.Text | Y.XmlFragment | SharedText): AuthoredText {
    if (type instanceof SharedText) return this.runsOf(type.text)
    if (type instanceof Y.Text) return splitLines(this.textRuns(type))
    return blockLines(type, (text) => this.textRuns(text))
  }

  /** The plain words of a text with the author of every character (the same words `runsOf` gives). */
  charactersOf(type: Y.Text | Y.XmlFragment | SharedText): { text: string; authors: (PersonId | null)[] } {
    const lines = this.runsOf(type)
    let text = ''
    const authors: (PersonId | null)[] = []
    lines.forEach((line, i) => {
      if (i > 0) {
        text += '\n'
        authors.push(null)
      }
      for (const run of line) {
        text += run.text
        for (let k = 0; k < run.text.length; k++) authors.push(run.author)
      }
    })
    return { text, authors }
  }

  private textRuns(text: Y.Text): AuthoredRun[] {
    const runs: AuthoredRun[] = []
    // Yjs keeps a text as a linked list of items; `_start` is its documented-in-code entry point (y-prosemirror walks it too).
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue
      const author = this.authorOf(item.id.client)
      const last = runs[runs.length - 1]
      if (last && last.author === author) last.text += item.content.str
      else runs.push({ text: item.content.str, author })
    }
    return runs
  }

  private onUpdate = (_update: Uint8Array, _origin: unknown, doc: Y.Doc, transaction: Y.Transaction): void => {
    const me = this.me
    if (!transaction.local || me === null || this.authorOf(doc.clientID) === me) return
    // After the change's own transaction: the entry is a change of its own.
    queueMicrotask(() => {
      if (this.me !== null && this.authorOf(doc.clientID) !== this.me) this.map.set(String(doc.clientID), this.me)
    })
  }
}

/** Splits runs at newlines into lines. */
function splitLines(runs: AuthoredRun[]): AuthoredText {
  const lines: AuthoredText = [[]]
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part) lines[lines.length - 1]!.push({ text: part, author: run.author })
    })
  }
  return lines
}

/** Rich text as lines: each top-level block a line; a block of blocks (a list) a line per inner block. */
function blockLines(parent: Y.XmlFragment | Y.XmlElement, runs: (text: Y.XmlText) => AuthoredRun[]): AuthoredText {
  const lines: AuthoredText = []
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) lines.push(runs(child))
    else if (child instanceof Y.XmlElement) {
      const children = child.toArray()
      if (children.every((c) => c instanceof Y.XmlText)) lines.push(children.flatMap((c) => runs(c as Y.XmlText)))
      else lines.push(...blockLines(child, runs))
    }
  }
  return lines
}
