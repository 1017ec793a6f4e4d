import { useLayoutEffect, useRef } from 'react'
import type { SharedText, TextAnchor, TextAuthors } from '../../shared/plan/core.ts'
import { useSharedText } from '../plan/hooks.ts'
import { TextAreaField } from './TextAreaField.tsx'
import { WhoWroteWhat } from './WhoWroteWhat.tsx'

/**
 * A labelled textarea bound to a text written together (`SharedText` from
 * the plan: a basisposter free text, the household's notepad), so several
 * people type in it at once and nobody's words are lost. Hand-written (a
 * screenful) because the text is plain words, not a rich document: Tiptap
 * binds to an XmlFragment, and no maintained textarea binding is among our
 * dependencies.
 *
 * The caret is kept as anchors in the shared text whenever it moves here, so
 * when someone else's words arrive it stays on the same character.
 */
export function SharedTextArea({ text, label, hint, rows = 3, authors }: { text: SharedText; label: string; hint?: string; rows?: number; authors?: TextAuthors }) {
  const area = useRef<HTMLTextAreaElement | null>(null)
  const caret = useRef<{ start: TextAnchor; end: TextAnchor } | null>(null)
  const value = useSharedText(text)

  function rememberCaret() {
    const element = area.current
    if (element) caret.current = { start: text.anchor(element.selectionStart), end: text.anchor(element.selectionEnd) }
  }

  // After others' words arrive (a new value while this field has focus), put the caret back on its character.
  useLayoutEffect(() => {
    const element = area.current
    const kept = caret.current
    if (!element || !kept || document.activeElement !== element) return
    const start = text.indexOf(kept.start)
    const end = text.indexOf(kept.end)
    if (start !== null && end !== null && (element.selectionStart !== start || element.selectionEnd !== end)) element.setSelectionRange(start, end)
  }, [value, text])

  const field = (
    <TextAreaField
      ref={area}
      label={label}
      hint={hint}
      rows={rows}
      value={value}
      onSelect={rememberCaret}
      onChange={(next) => {
        text.edit(next, area.current?.selectionStart ?? next.length)
        rememberCaret()
      }}
    />
  )
  // With the plan's register of writers, the same "wie schreef wat" as every other text written together.
  if (!authors) return field
  return (
    <div className="shared-text">
      {field}
      <WhoWroteWhat sources={[text, authors]} read={() => authors.runsOf(text)} />
    </div>
  )
}
