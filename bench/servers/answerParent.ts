import { answerMemoryQuestions } from '../../tests/support/answerMemory.ts'

/** Tells the parent the port, as the first line on stdout. */
export function announce(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`)
}

/**
 * Answers what the benchmark asks a server over IPC: `memory` (what it holds
 * after a full GC) and `cpu`, the CPU time its process has used, every
 * thread's, in microseconds, so that the benchmark can tell when the server
 * is at rest (bench/support/atRest.ts).
 */
export function answerParentQuestions(): void {
  answerMemoryQuestions()
  process.on('message', (question) => {
    if (question !== 'cpu') return
    const { user, system } = process.cpuUsage()
    process.send?.(user + system)
  })
}
