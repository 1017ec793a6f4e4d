import { EditorState, Plugin } from '@tiptap/pm/state'
import { EditorView } from '@tiptap/pm/view'
import { yCursorPlugin, ySyncPlugin, yUndoPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { Changes, type Source } from '../../../shared/plan/core.ts'
import { storySchema } from './storySchema.ts'

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
 * Its keys (undo, Enter, lists, marks) and typing shortcuts (storyEditing.ts)
 * follow a moment after it is editable; typed text is the story's from the
 * first key, and until they are there the browser's own Enter and Backspace
 * change the text, which ProseMirror reads back.
 */
export function createStoryEditor(
  element: HTMLElement,
  options: { fragment: Y.XmlFragment; awareness: Awareness; editable: boolean; label: string },
): StoryEditor {
  const changes = new Changes()
  const editing = arrivingLater()
  const state = EditorState.create({
    schema: storySchema,
    plugins: [
      ySyncPlugin(options.fragment),
      yCursorPlugin(options.awareness, { cursorBuilder: caretOf }),
      yUndoPlugin(),
      editing.plugin,
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
  // Without them the story still takes typing (the browser's own Enter and Backspace); it only lacks the toolbar and shortcuts.
  import('./storyEditing.ts').then(
    ({ storyEditingPlugins }) => editing.arrive(storyEditingPlugins()),
    (error: unknown) => console.error("The story's toolbar and shortcuts could not be loaded; reload the page to get them", error),
  )
  return {
    view,
    changes,
    destroy() {
      changes.clear()
      view.destroy()
    },
  }
}

/**
 * The place among the editor's plugins where its keys and typing shortcuts go
 * once they have loaded: their handlers are looked up at each key and text
 * input, so they join without the plugins being set anew (which would restart
 * the Yjs binding, the carets and the undo history).
 */
function arrivingLater(): { plugin: Plugin; arrive(plugins: readonly Plugin[]): void } {
  let arrived: readonly Plugin[] = []
  const plugin = new Plugin({
    props: {
      handleKeyDown: (view, event) => arrived.some((p) => p.props.handleKeyDown?.call(p, view, event) === true),
      handleTextInput: (view, from, to, text, deflt) => arrived.some((p) => p.props.handleTextInput?.call(p, view, from, to, text, deflt) === true),
      handleDOMEvents: {
        compositionend: (view, event) => arrived.some((p) => p.props.handleDOMEvents?.compositionend?.call(p, view, event) === true),
      },
    },
  })
  return {
    plugin,
    arrive(plugins) {
      arrived = plugins
    },
  }
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
