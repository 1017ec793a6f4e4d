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
 * When the service worker already serves this app (not a first visit), they
 * are loaded at once: from the device itself, at no cost to the data bundle.
 * A first visit leaves them to the first section that needs them.
 */
export function useInstrumentsLoaded(): boolean {
  const loaded = useLive(Plan.instrumentsLoaded, Plan.hasInstruments)
  useEffect(() => {
    if (!loaded && navigator.serviceWorker?.controller) void loadInstruments()
  }, [loaded])
  return loaded
}
