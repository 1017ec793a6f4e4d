/**
 * Lets a parent process ask a server process how much memory it holds: after
 * a full garbage collection (the process runs with --expose-gc), so the
 * number is what the server keeps alive, not garbage waiting to be collected.
 * Benchmarks and tests that bound a relay's memory ask with `ask('memory')`.
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

/** What `answerMemoryQuestions` answers. */
export interface MemoryAnswer {
  heapUsed: number
  external: number
  rss: number
}
