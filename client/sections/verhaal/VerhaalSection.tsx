import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { fromY } from '../../../shared/plan/index.ts'
import { WhoWroteWhat } from '../../ui/WhoWroteWhat.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { StoryToolbar } from './StoryToolbar.tsx'
import './prosemirror.css'
import './verhaal.css'

/**
 * "Ons verhaal": one rich text everyone writes in at the same time. The text
 * lives in the plan (`plan.story`); others' carets show with their name.
 */
export function VerhaalSection() {
  const { t, i18n } = useTranslation('verhaal')
  const { plan, user, connection, canWrite } = usePlan()
  const sources = useMemo(() => [fromY(plan.story), plan.authors], [plan])

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
      editable: canWrite,
      // Its styles come from prosemirror.css: the page's CSP allows no inline <style>.
      injectCSS: false,
      // Re-rendering on every keystroke is not needed: the toolbar subscribes to what it shows.
      shouldRerenderOnTransaction: false,
    },
    // A new language makes a new editor (for its label); the text lives in the plan, so nothing is lost.
    // A new name or colour needs no new editor: the workspace announces it on the same awareness field.
    [plan, connection, canWrite, i18n.language],
  )

  return (
    <section className="verhaal" aria-labelledby="verhaal-title">
      <h2 id="verhaal-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      <div className="verhaal-frame">
        {canWrite && <StoryToolbar editor={editor} />}
        <EditorContent editor={editor} />
      </div>
      <WhoWroteWhat sources={sources} read={() => plan.authors.runsOf(plan.story)} />
    </section>
  )
}
