import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * The current words of a Y.Text, re-rendering when anyone changes them.
 * `beforeRemoteChange` runs before a change from another device is shown
 * (e.g. to remember the caret).
 */
export function useSharedText(text: Y.Text, beforeRemoteChange?: () => void): string {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const observer = (event: Y.YTextEvent) => {
        if (!event.transaction.local) beforeRemoteChange?.()
        onChange()
      }
      text.observe(observer)
      return () => text.unobserve(observer)
    },
    [text, beforeRemoteChange],
  )
  return useSyncExternalStore(subscribe, () => text.toString())
}
