import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn } from '@tiptap/pm/commands'
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from '@tiptap/pm/inputrules'
import { keymap } from '@tiptap/pm/keymap'
import type { NodeType } from '@tiptap/pm/model'
import { liftListItem, sinkListItem, splitListItem, wrapInList } from '@tiptap/pm/schema-list'
import { EditorState, type Command } from '@tiptap/pm/state'
import { EditorView } from '@tiptap/pm/view'
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { Changes, type Source } from '../../../shared/plan/core.ts'
import { storySchema } from './storySchema.ts'

const { nodes, marks } = storySchema

/** The story editor: ProseMirror on the plan's rich text, with everyone's carets and an undo of one's own changes. */
export interface StoryEditor {
  view: EditorView
  /** Tells after every change of the text or the selection (for the toolbar). */
  changes: Source
  destroy(): void
}

/**
 * Makes the editor of "Ons verhaal" in `element`, bound to the plan's rich
 * text. Written on ProseMirror and y-tiptap (Tiptap's Yjs binding) directly
 * rather than through Tiptap's editor class: the story needs a schema, the
 * binding, a keymap and a few typing shortcuts, and leaving out Tiptap's own
 * layer (about a quarter of the editor's weight) keeps a phone's first
 * download within budget. Others' carets look as Tiptap's caret extension drew them.
 */
export function createStoryEditor(
  element: HTMLElement,
  options: { fragment: Y.XmlFragment; awareness: Awareness; editable: boolean; label: string },
): StoryEditor {
  const changes = new Changes()
  const state = EditorState.create({
    schema: storySchema,
    plugins: [
      ySyncPlugin(options.fragment),
      yCursorPlugin(options.awareness, { cursorBuilder: caretOf }),
      yUndoPlugin(),
      keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }),
      inputRules({ rules: typingShortcuts() }),
      keymap(storyKeys()),
      keymap(baseKeymap),
    ],
  })
  const view = new EditorView(element, {
    state,
    editable: () => options.editable,
    attributes: { class: 'verhaal-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': options.label },
    // `this`, not `view`: the binding already dispatches while the view is being made.
    dispatchTransaction(this: EditorView, transaction) {
      // y-tiptap's binding and carets react to the shared text and to others'
      // presence on their own schedule, and may dispatch once more after the
      // section has closed and destroyed the view ("reading 'matchesNode' of
      // null"); a destroyed view takes no more transactions.
      if (this.isDestroyed) return
      this.updateState(this.state.apply(transaction))
      changes.notify()
    },
  })
  return {
    view,
    changes,
    destroy() {
      changes.clear()
      view.destroy()
    },
  }
}

/** The toolbar's four buttons, as commands on the current selection. */
export const TOOLBAR_COMMANDS = {
  heading: (state: EditorState) => (isHeading(state) ? setBlockType(nodes.paragraph) : setBlockType(nodes.heading, { level: 3 })),
  bold: () => toggleMark(marks.bold),
  italic: () => toggleMark(marks.italic),
  bulletList: (state: EditorState) => (isIn(state, nodes.bulletList) ? liftListItem(nodes.listItem) : wrapInList(nodes.bulletList)),
} satisfies Record<string, (state: EditorState) => Command>

export type ToolbarKey = keyof typeof TOOLBAR_COMMANDS

/** Which of the toolbar's buttons are on where the selection is. */
export function activeButtons(state: EditorState): Record<ToolbarKey, boolean> {
  const markOn = (type: (typeof marks)[string]) => {
    const { from, $from, to, empty } = state.selection
    return empty ? Boolean(type.isInSet(state.storedMarks ?? $from.marks())) : state.doc.rangeHasMark(from, to, type)
  }
  return { heading: isHeading(state), bold: markOn(marks.bold), italic: markOn(marks.italic), bulletList: isIn(state, nodes.bulletList) }
}

function isHeading(state: EditorState): boolean {
  const parent = state.selection.$from.parent
  return parent.type === nodes.heading && parent.attrs.level === 3
}

function isIn(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type === type) return true
  return false
}

/** Keys as the Tiptap starter kit had them: marks, lists, a line break inside a paragraph. */
function storyKeys(): Record<string, Command> {
  const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
    dispatch?.(state.tr.replaceSelectionWith(nodes.hardBreak.create()).scrollIntoView())
    return true
  })
  return {
    'Mod-b': toggleMark(marks.bold),
    'Mod-i': toggleMark(marks.italic),
    'Mod-u': toggleMark(marks.underline),
    'Mod-Shift-s': toggleMark(marks.strike),
    'Mod-e': toggleMark(marks.code),
    'Shift-Enter': hardBreak,
    'Mod-Enter': hardBreak,
    Enter: splitListItem(nodes.listItem),
    Tab: sinkListItem(nodes.listItem),
    'Shift-Tab': liftListItem(nodes.listItem),
    'Mod-Shift-8': wrapInList(nodes.bulletList),
    'Mod-Shift-7': wrapInList(nodes.orderedList),
    'Mod-Shift-b': wrapIn(nodes.blockquote),
  }
}

/** "- " starts a list, "1. " a numbered one, "### " a heading, "> " a quote. */
function typingShortcuts(): InputRule[] {
  return [
    wrappingInputRule(/^\s*([-+*])\s$/, nodes.bulletList),
    wrappingInputRule(/^(\d+)\.\s$/, nodes.orderedList, (match) => ({ start: Number(match[1]) })),
    textblockTypeInputRule(/^(#{1,6})\s$/, nodes.heading, (match) => ({ level: match[1]?.length ?? 1 })),
    wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
  ]
}

/** Another person's caret, with their name above it, as Tiptap's caret extension draws it (its class names included). */
function caretOf(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : 'transparent'
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.style.borderColor = color
  const label = document.createElement('div')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = color
  label.append(document.createTextNode(typeof user.name === 'string' ? user.name : ''))
  caret.append(label)
  return caret
}
