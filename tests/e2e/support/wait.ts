/**
 * Waits until `check` returns something other than false/null/undefined and
 * returns it. For what the UI has no event for (text that arrives from another
 * device). Not a timing assertion: the deadline only turns a hang into a clear
 * message naming what never happened and the last value seen.
 */
export async function waitUntil<T>(
  check: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  what: string,
  { timeoutMs = 60_000, describe = String }: { timeoutMs?: number; describe?: (last: unknown) => string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    last = await check()
    if (last !== false && last !== null && last !== undefined) return last as T
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs / 1000}s for: ${what}. Last seen: ${describe(last)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
