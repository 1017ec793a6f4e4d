import { simpleDiffStringWithCursor } from 'lib0/diff'
import * as Y from 'yjs'
import { fromY, type Source } from './changes.ts'

/** A place in a shared text that stays with the words around it while others type elsewhere. */
export interface TextAnchor {
  /** Opaque: only `SharedText.indexOf` reads it. */
  readonly position: Y.RelativePosition
}

const wrappers = new WeakMap<Y.Text, SharedText>()

/**
 * A plain text several people write at the same time (a free text on the
 * basisposter, the household's notepad, the story of an event). Views bind
 * a text field to it with `SharedTextArea` (client/ui/) and never see the
 * Y.Text behind it.
 *
 * An edit is sent as the one splice that turns the old words into the new
 * ones around the caret, so what someone else types elsewhere at the same
 * moment is kept; anchors let a view keep its caret on the same character
 * when someone else's words arrive.
 */
export class SharedText implements Source {
  readonly subscribe: Source['subscribe']

  private constructor(
    /** The Y.Text behind it, for the schema's own readers (who wrote what, versions); views never need it. */
    readonly text: Y.Text,
  ) {
    this.subscribe = fromY(text).subscribe
  }

  /** The shared text for a Y.Text; the same object every time, so views can subscribe to it. */
  static of(text: Y.Text): SharedText {
    let shared = wrappers.get(text)
    if (!shared) {
      shared = new SharedText(text)
      wrappers.set(text, shared)
    }
    return shared
  }

  /** The current words. */
  toString(): string {
    return this.text.toString()
  }

  /** How many characters the text has. */
  get length(): number {
    return this.text.length
  }

  /** Inserts words at a position (0 = the start). */
  insert(index: number, words: string): void {
    this.text.insert(index, words)
  }

  /** Deletes `length` characters from a position. */
  delete(index: number, length: number): void {
    this.text.delete(index, length)
  }

  /**
   * Makes the text read `next`, as a text field does after a keystroke or a
   * paste: one splice found around `cursor` (where the caret is after the
   * change), in one change.
   */
  edit(next: string, cursor: number): void {
    const { index, remove, insert } = simpleDiffStringWithCursor(this.text.toString(), next, cursor)
    if (remove === 0 && !insert) return
    this.transact(() => {
      if (remove > 0) this.text.delete(index, remove)
      if (insert) this.text.insert(index, insert)
    })
  }

  /** An anchor at a position, for finding the same place after others' changes. */
  anchor(index: number): TextAnchor {
    return { position: Y.createRelativePositionFromTypeIndex(this.text, index) }
  }

  /** Where an anchor is now; null when the text is not in a document (nothing to resolve against). */
  indexOf(anchor: TextAnchor): number | null {
    const doc = this.text.doc
    if (!doc) return null
    return Y.createAbsolutePositionFromRelativePosition(anchor.position, doc)?.index ?? null
  }

  private transact(fn: () => void): void {
    if (this.text.doc) this.text.doc.transact(fn)
    else fn()
  }
}
