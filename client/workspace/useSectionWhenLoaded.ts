import { useEffect, useState } from 'react'
import type { Section } from '../sections/registry.ts'

/**
 * The section to show for the one the address names: that one once its code
 * is there, the one shown before until then. Going to a section whose code
 * is not loaded yet (client/app/lazyView.ts) would show "Laden…" instead, and
 * React reveals suspended content no sooner than 300 ms after a fallback
 * showed, however quickly the code arrives; so the section in view stays a
 * moment longer instead. The first section shown is the address's own (it
 * was preloaded as the app started, client/main.tsx).
 */
export function useSectionWhenLoaded(section: Section | undefined): Section | undefined {
  const [shown, setShown] = useState(section)
  useEffect(() => {
    if (section === shown) return
    let wanted = true
    const loading = section?.component.preload?.() ?? Promise.resolve()
    // A section whose code cannot be loaded (offline, not cached) is shown all the same: its own error says why.
    void loading.catch(() => {}).finally(() => {
      if (wanted) setShown(section)
    })
    return () => {
      wanted = false
    }
  }, [section, shown])
  return shown
}
