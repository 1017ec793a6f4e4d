/**
 * Lets the benchmark ask a server process how much memory it holds: after a
 * full garbage collection (the process runs with --expose-gc), so the number
 * is what the rooms keep alive, not garbage waiting to be collected.
 */
export function answerMemoryQuestions(): void {
  process.on('message', (question) => {
    if (question !== 'memory') return
    const collect = (globalThis as { gc?: () => void }).gc
    collect?.()
    collect?.()
    const usage = process.memoryUsage()
    process.send?.({ heapUsed: usage.heapUsed, external: usage.external, rss: usage.rss })
  })
}

/** Tells the parent the port, as the first line on stdout. */
export function announce(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`)
}
