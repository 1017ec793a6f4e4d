import { useEditorState, type Editor } from '@tiptap/react'
import { useTranslation } from 'react-i18next'

/** A few formatting buttons; each says whether it is on (aria-pressed). */
export function StoryToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('verhaal')
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
    }),
  })

  const buttons = [
    { key: 'heading', run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { key: 'bold', run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'bulletList', run: () => editor.chain().focus().toggleBulletList().run() },
  ] as const

  return (
    <div className="story-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {buttons.map(({ key, run }) => (
        <button key={key} type="button" className="button button-quiet" aria-pressed={active[key]} onClick={run}>
          {t(`toolbar.${key}`)}
        </button>
      ))}
    </div>
  )
}
