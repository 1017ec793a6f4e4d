import { useCallback, useLayoutEffect, useRef } from 'react'
import { simpleDiffStringWithCursor } from 'lib0/diff'
import * as Y from 'yjs'
import { TextAreaField } from '../../../ui/TextAreaField.tsx'
import { useSharedText } from './useSharedText.ts'

/**
 * A plain textarea bound to a Y.Text, so several people write one free text
 * together and nobody's typing is lost. Hand-written (a screenful) because
 * the free text is plain words, not a rich document: Tiptap binds to an
 * XmlFragment, and no maintained textarea binding is among our dependencies.
 * Each change is sent as one splice found by lib0's diff; the caret stays on
 * the same character when someone else's words arrive (Y relative positions).
 */
export function SharedTextArea({ text, label, rows = 3 }: { text: Y.Text; label: string; rows?: number }) {
  const area = useRef<HTMLTextAreaElement | null>(null)
  const caret = useRef<{ start: Y.RelativePosition; end: Y.RelativePosition } | null>(null)

  const rememberCaret = useCallback(() => {
    const element = area.current
    if (!element || document.activeElement !== element) return
    caret.current = {
      start: Y.createRelativePositionFromTypeIndex(text, element.selectionStart),
      end: Y.createRelativePositionFromTypeIndex(text, element.selectionEnd),
    }
  }, [text])
  const value = useSharedText(text, rememberCaret)

  useLayoutEffect(() => {
    const element = area.current
    const kept = caret.current
    const doc = text.doc
    caret.current = null
    if (!element || !kept || !doc) return
    const start = Y.createAbsolutePositionFromRelativePosition(kept.start, doc)
    const end = Y.createAbsolutePositionFromRelativePosition(kept.end, doc)
    if (start && end) element.setSelectionRange(start.index, end.index)
  }, [value, text])

  function onChange(next: string, cursor: number) {
    const { index, remove, insert } = simpleDiffStringWithCursor(text.toString(), next, cursor)
    const apply = () => {
      if (remove > 0) text.delete(index, remove)
      if (insert) text.insert(index, insert)
    }
    if (text.doc) text.doc.transact(apply)
    else apply()
  }

  return <TextAreaField ref={area} label={label} rows={rows} value={value} onChange={(next) => onChange(next, area.current?.selectionStart ?? next.length)} />
}
