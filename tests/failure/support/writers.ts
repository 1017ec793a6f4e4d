import type { TestClient } from '../../relay/support/clients.ts'

/**
 * People typing while things break: each client adds a numbered edit to the
 * shared list every few milliseconds, online or not, and remembers what it
 * made. "Every edit any client made" is then `made`, and a client holds them
 * all when `editsIn(client)` equals it.
 */
export interface Writers {
  /** Every edit every client made, in no particular order. */
  readonly made: string[]
  /** How many edits client `index` has made. */
  count(index: number): number
  stop(): void
}

export function startWriting(clients: readonly TestClient[], everyMs = 10): Writers {
  const made: string[] = []
  const counts = clients.map(() => 0)
  const timers = clients.map((client, index) =>
    setInterval(() => {
      const edit = `c${index}-${counts[index]!++}`
      client.doc.getArray<string>('edits').push([edit])
      made.push(edit)
    }, everyMs),
  )
  return {
    made,
    count: (index) => counts[index]!,
    stop: () => timers.forEach(clearInterval),
  }
}

/** The edits a client holds, sorted, to compare with `Writers.made`. */
export function editsIn(client: TestClient): string[] {
  return client.doc.getArray<string>('edits').toArray().sort()
}

/** Whether `client` holds exactly the edits in `made`. */
export function holdsAll(client: TestClient, made: readonly string[]): boolean {
  const edits = client.doc.getArray<string>('edits')
  if (edits.length !== made.length) return false
  const held = new Set(edits.toArray())
  return made.every((edit) => held.has(edit))
}
