import { useCallback, useRef } from 'react'
import { Button, Menu, type Key, MenuItem, MenuTrigger, Popover } from 'react-aria-components'
import { usePlan } from '../plan/hooks.ts'
import { keepFocusIfRemoved } from './focusAfterRemoval.ts'
import { restoredKey, useFocusWhenAsked } from './focusOnReplacement.ts'
import './ui.css'

export interface MoreMenuAction {
  id: string
  label: string
  onAction: () => void
  /** Greyed out and skipped, e.g. "Eén omhoog" on the first item. */
  disabled?: boolean
}

/**
 * The quiet "⋯" button beside an item with what can be done to it (change,
 * move, remove). A react-aria menu: arrow keys, Enter and Escape work, and
 * the button's label names the item, so a screen reader hears which one.
 * Absent for someone who may only read.
 *
 * When an action takes the item away (removing it), focus goes to a
 * neighbour instead of the page body (keepFocusIfRemoved); when the item is
 * put back from its "verwijderd" notice, focus comes to this button (`item`,
 * the item's id, names it for that).
 */
export function MoreMenu({ label, actions, item }: { label: string; actions: readonly MoreMenuAction[]; item?: string }) {
  const { canWrite } = usePlan()
  const trigger = useRef<HTMLButtonElement | null>(null)
  const restored = useFocusWhenAsked<HTMLButtonElement>(restoredKey(item ?? ''))
  const ref = useCallback(
    (button: HTMLButtonElement | null) => {
      trigger.current = button
      if (item) restored(button)
    },
    [item, restored],
  )
  // A meelezer reads only: nothing to do to an item.
  if (!canWrite) return null
  const disabledKeys = actions.filter((a) => a.disabled).map((a) => a.id)
  function act(key: Key) {
    if (trigger.current) keepFocusIfRemoved(trigger.current)
    actions.find((a) => a.id === key)?.onAction()
  }
  return (
    <MenuTrigger>
      {/* data-more-menu: when a neighbouring item is removed, focus comes here (focusAfterRemoval.ts); the class is for looks only. */}
      <Button ref={ref} className="button button-quiet more-button" aria-label={label} data-more-menu="">
        <span aria-hidden="true">⋯</span>
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu className="menu" disabledKeys={disabledKeys} onAction={act}>
          {actions.map((action) => (
            <MenuItem key={action.id} id={action.id} className="menu-item">
              {action.label}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  )
}
