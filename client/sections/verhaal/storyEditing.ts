import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn } from '@tiptap/pm/commands'
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from '@tiptap/pm/inputrules'
import { keymap } from '@tiptap/pm/keymap'
import type { NodeType } from '@tiptap/pm/model'
import { liftListItem, sinkListItem, splitListItem, wrapInList } from '@tiptap/pm/schema-list'
import type { Command, EditorState, Plugin } from '@tiptap/pm/state'
import { redo, undo } from '@tiptap/y-tiptap'
import { storySchema } from './storySchema.ts'

/*
 * What helps to write the story beyond typing in it: the toolbar's commands,
 * the editor's keys and its typing shortcuts. They load a moment after the
 * editor itself (storyEditor.ts), so a phone's first visit can write in the
 * story before they arrive.
 */

const { nodes, marks } = storySchema

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

/** The editor's keys and typing shortcuts, in the order they apply: undo (of one's own changes), shortcuts, the story's keys, the base keys. */
export function storyEditingPlugins(): Plugin[] {
  return [keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), inputRules({ rules: typingShortcuts() }), keymap(storyKeys()), keymap(baseKeymap)]
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
