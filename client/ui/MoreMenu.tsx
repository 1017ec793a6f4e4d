import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components'
import { usePlan } from '../plan/hooks.ts'
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
 */
export function MoreMenu({ label, actions }: { label: string; actions: readonly MoreMenuAction[] }) {
  const { canWrite } = usePlan()
  // A meelezer reads only: nothing to do to an item.
  if (!canWrite) return null
  const disabledKeys = actions.filter((a) => a.disabled).map((a) => a.id)
  return (
    <MenuTrigger>
      <Button className="button button-quiet more-button" aria-label={label}>
        <span aria-hidden="true">⋯</span>
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu className="menu" disabledKeys={disabledKeys} onAction={(key) => actions.find((a) => a.id === key)?.onAction()}>
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
