/**
 * Polls `condition` until it holds and returns its value. Fails after
 * `timeoutMs` with `message`, so a broken relay fails the test instead of
 * hanging it. The timeout bounds the wait; it is never what a test asserts.
 */
export async function waitUntil<T>(
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 10, message = 'condition' }: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await condition()
    if (value !== undefined && value !== null && value !== false) return value
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${message}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
