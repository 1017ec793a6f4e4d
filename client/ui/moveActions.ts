import type { TFunction } from 'i18next'
import type { MoreMenuAction } from './MoreMenu.tsx'

/**
 * "Eén omhoog" and "Eén omlaag" for an item at `index` of `count`: the
 * keyboard way to reorder, in the item's "⋯" menu. `move` gets the new index.
 */
export function moveActions(t: TFunction, index: number, count: number, move: (toIndex: number) => void): MoreMenuAction[] {
  return [
    { id: 'up', label: t('ui:moveUp'), disabled: index === 0, onAction: () => move(index - 1) },
    { id: 'down', label: t('ui:moveDown'), disabled: index >= count - 1, onAction: () => move(index + 1) },
  ]
}
