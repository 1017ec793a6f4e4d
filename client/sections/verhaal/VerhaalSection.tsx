import { Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fromY } from '../../../shared/plan/core.ts'
import { lazyView } from '../../app/lazyView.ts'
import { usePlan } from '../../plan/hooks.ts'
import { createStoryEditor, type StoryEditor } from './storyEditor.ts'
import './prosemirror.css'
import './verhaal.css'

// Under the story, not needed to write in it: it loads (with client/ui's strings) once the editor is there.
const WhoWroteWhat = lazyView(() => import('../../ui/WhoWroteWhat.tsx'), 'WhoWroteWhat')
// Above it, with the story's own keys and typing shortcuts (storyEditing.ts): a moment after one can write.
const StoryToolbar = lazyView(() => import('./StoryToolbar.tsx'), 'StoryToolbar')

/**
 * "Ons verhaal": one rich text everyone writes in at the same time. The text
 * lives in the plan (`plan.story`); others' carets show with their name.
 */
export function VerhaalSection() {
  const { t } = useTranslation('verhaal')
  const { plan, connection, canWrite } = usePlan()
  const mount = useRef<HTMLDivElement | null>(null)
  const [editor, setEditor] = useState<StoryEditor | null>(null)
  const label = t('editorLabel')
  const sources = useMemo(() => [fromY(plan.story), plan.authors], [plan])

  // A new language makes a new editor (for its label); the text lives in the plan, so nothing is lost.
  // A new name or colour needs no new editor: the workspace announces it on the same awareness field.
  useEffect(() => {
    const element = mount.current
    if (!element) return
    const made = createStoryEditor(element, { fragment: plan.story, awareness: connection.provider.awareness, editable: canWrite, label })
    setEditor(made)
    return () => {
      made.destroy()
      setEditor(null)
    }
  }, [plan, connection, canWrite, label])

  return (
    <section className="verhaal" aria-labelledby="verhaal-title">
      <h2 id="verhaal-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      <div className="verhaal-frame">
        {canWrite && editor && (
          // Its room is kept while it loads, so the text does not jump down under a finger.
          <Suspense fallback={<div className="story-toolbar" aria-hidden="true"><span className="story-toolbar-space" /></div>}>
            <StoryToolbar editor={editor} />
          </Suspense>
        )}
        <div ref={mount} />
      </div>
      {editor && (
        <Suspense fallback={null}>
          <WhoWroteWhat sources={sources} read={() => plan.authors.runsOf(plan.story)} />
        </Suspense>
      )}
    </section>
  )
}
