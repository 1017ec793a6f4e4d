import type { RunningServer } from './servers.ts'

/** How long a look at a server's CPU lasts. */
const LOOK_MS = 200
/** A server at rest uses less than this share of one core over a look (timers, keepalives). */
const AT_REST_SHARE = 0.02
/** How long to wait for rest at most: a server that never rests is measured anyway. */
const AT_MOST_MS = 15_000

/**
 * Waits until `server` has finished what the last measurement left it (a
 * room unloading and compacting, a debounced store, a collection of the
 * garbage), so that it is not measured while it still does that work, and
 * no other server is measured while it does. Resolves with whether it came
 * to rest within AT_MOST_MS.
 */
export async function atRest(server: RunningServer): Promise<boolean> {
  const giveUp = performance.now() + AT_MOST_MS
  let before = await server.cpuMicros()
  while (performance.now() < giveUp) {
    await new Promise((resolve) => setTimeout(resolve, LOOK_MS))
    const now = await server.cpuMicros()
    if (now - before < AT_REST_SHARE * LOOK_MS * 1000) return true
    before = now
  }
  return false
}
