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
 * With `needed` they load: what was said for someone "aan tafel" must reach
 * them on the device they have open, whichever screen it shows (issue 10),
 * and it is read from those instruments. A first screen asks whether it may
 * be there without them (plan.atTableWaiting), so a first visit with nothing
 * waiting does not download them (tests/e2e/firstVisit.test.ts); with the
 * service worker they come from the device itself.
 */
export function useInstrumentsLoaded(needed: boolean): boolean {
  const loaded = useLive(Plan.instrumentsLoaded, Plan.hasInstruments)
  useEffect(() => {
    if (needed && !loaded) void loadInstruments()
  }, [needed, loaded])
  return loaded
}
