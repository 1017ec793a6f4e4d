import { preloadSection, type Section } from '../sections/registry.ts'

/**
 * Loads the story's code once the section on screen has its own and the page
 * has a quiet moment: the story is where a household writes, and its editor
 * is the heaviest part of Kring to start, so it should not wait for the tap
 * on "Ons verhaal"; nor should it take a slow connection from the section
 * being opened. It costs no extra data: after a first visit the service
 * worker fetches every chunk anyway. Returns the function that cancels it.
 */
export function preloadStoryWhenIdle(shown: Section | undefined): () => void {
  let cancel = () => {}
  let cancelled = false
  const preload = () => preloadSection('verhaal')
  void (shown?.component.preload?.() ?? Promise.resolve())
    .catch(() => {})
    .then(() => {
      if (cancelled) return
      // Safari has no requestIdleCallback.
      if (typeof requestIdleCallback !== 'function') {
        const timer = setTimeout(preload, 500)
        cancel = () => clearTimeout(timer)
        return
      }
      const idle = requestIdleCallback(preload, { timeout: 2_000 })
      cancel = () => cancelIdleCallback(idle)
    })
  return () => {
    cancelled = true
    cancel()
  }
}
