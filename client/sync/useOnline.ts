import type { Source } from '../../shared/plan/core.ts'
import { useLive } from '../plan/useLive.ts'

/** The browser's network state as a Source: it tells on `online` and `offline`. */
const network: Source = {
  subscribe(onChange) {
    window.addEventListener('online', onChange)
    window.addEventListener('offline', onChange)
    return () => {
      window.removeEventListener('online', onChange)
      window.removeEventListener('offline', onChange)
    }
  },
}

/** Whether the browser says it has a network, kept current. */
export function useOnline(): boolean {
  return useLive(network, () => navigator.onLine)
}
