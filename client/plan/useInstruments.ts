import { useEffect } from 'react'
import { Plan } from '../../shared/plan/core.ts'
import { useLive } from './useLive.ts'

/**
 * Loads the plan's instruments beyond its first screens (shared/plan/instruments.ts);
 * every section that shows one has them already, through its own imports.
 */
export function loadInstruments(): Promise<unknown> {
  return import('../../shared/plan/instruments.ts')
}

/**
 * Whether the plan's other instruments have loaded, kept current, for a first
 * screen that shows something from them only when it is there (a notice).
 * They load once the first screen is there, on a first visit too: what was
 * said for someone "aan tafel" must reach them on the device they have open,
 * whichever screen it shows (issue 10), and it is read from those
 * instruments. That costs a first visit about 17 KiB before the story
 * (tests/e2e/firstVisit.test.ts); with the service worker they come from the
 * device itself.
 */
export function useInstrumentsLoaded(): boolean {
  const loaded = useLive(Plan.instrumentsLoaded, Plan.hasInstruments)
  useEffect(() => {
    if (!loaded) void loadInstruments()
  }, [loaded])
  return loaded
}
