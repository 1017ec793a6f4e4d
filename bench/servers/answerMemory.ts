export { answerMemoryQuestions } from '../../tests/support/answerMemory.ts'

/** Tells the parent the port, as the first line on stdout. */
export function announce(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`)
}
