import { useTranslation } from 'react-i18next'
import { useLive } from '../../plan/useLive.ts'
import { activeButtons, TOOLBAR_COMMANDS, type ToolbarKey } from './storyEditing.ts'
import type { StoryEditor } from './storyEditor.ts'

const KEYS = Object.keys(TOOLBAR_COMMANDS) as ToolbarKey[]

/** A few formatting buttons; each says whether it is on (aria-pressed). */
export function StoryToolbar({ editor }: { editor: StoryEditor }) {
  const { t } = useTranslation('verhaal')
  const { view } = editor
  // A string, so the toolbar re-renders only when a button turns on or off, not on every keystroke.
  const on = useLive(editor.changes, () => {
    const active = activeButtons(view.state)
    return KEYS.filter((key) => active[key]).join(' ')
  }).split(' ')

  return (
    <div className="story-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="button button-quiet"
          aria-pressed={on.includes(key)}
          onClick={() => {
            TOOLBAR_COMMANDS[key](view.state)(view.state, view.dispatch, view)
            view.focus()
          }}
        >
          {t(`toolbar.${key}`)}
        </button>
      ))}
    </div>
  )
}
