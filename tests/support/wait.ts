import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** How long `waitUntil` waits by default and how often it looks, per vitest project (vitest.config.ts). */
    wait: { timeoutMs: number; intervalMs: number }
  }
}

/**
 * Waits until `check` returns something other than false/null/undefined and
 * returns it: for what has no event (text that arrives from another device,
 * a relay that has closed a socket). Not a timing assertion: the deadline
 * (the project's default, or `timeoutMs`) only turns a hang into a clear
 * message naming what never happened and the last value seen.
 */
export async function waitUntil<T>(
  check: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  what: string,
  { timeoutMs = waitDefaults().timeoutMs, intervalMs = waitDefaults().intervalMs, describe = String }: { timeoutMs?: number; intervalMs?: number; describe?: (last: unknown) => string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    last = await check()
    if (last !== false && last !== null && last !== undefined) return last as T
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs / 1000} s for: ${what}. Last seen: ${describe(last)}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** Outside vitest (bench/ drives the browser with the e2e helpers) there is no project to ask. */
const OUTSIDE_VITEST = { timeoutMs: 30_000, intervalMs: 50 }

/** The vitest project's defaults, or OUTSIDE_VITEST when no test runner is there to provide them. */
function waitDefaults(): { timeoutMs: number; intervalMs: number } {
  try {
    return inject('wait')
  } catch {
    return OUTSIDE_VITEST
  }
}
