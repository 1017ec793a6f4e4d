import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlan } from '../../plan/hooks.ts'
import { StoryToolbar } from './StoryToolbar.tsx'
import './verhaal.css'

/**
 * "Ons verhaal": one rich text everyone writes in at the same time. The text
 * lives in the plan (`plan.story`); others' carets show with their name.
 */
export function VerhaalSection() {
  const { t } = useTranslation('verhaal')
  const { plan, user, connection } = usePlan()

  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own undo that only undoes your own changes.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: plan.story }),
        CollaborationCaret.configure({ provider: connection.provider, user }),
      ],
      editorProps: {
        attributes: { class: 'verhaal-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': t('editorLabel') },
      },
      // Re-rendering on every keystroke is not needed: the toolbar subscribes to what it shows.
      shouldRerenderOnTransaction: false,
    },
    [plan, connection],
  )

  useEffect(() => {
    editor.commands.updateUser(user)
  }, [editor, user])

  const label = t('editorLabel')
  useEffect(() => {
    // The label follows the language without recreating the editor.
    editor.view.dom.setAttribute('aria-label', label)
  }, [editor, label])

  return (
    <section className="verhaal" aria-labelledby="verhaal-title">
      <h2 id="verhaal-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      <div className="verhaal-frame">
        <StoryToolbar editor={editor} />
        <EditorContent editor={editor} />
      </div>
    </section>
  )
}
