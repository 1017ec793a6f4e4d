import * as Y from 'yjs'
import { encodeUpdate } from '../../server/sync/protocol.ts'
import { Plan } from '../../shared/plan/index.ts'

/** A prepared edit: its frame and the id `updateIdOf` reads back from it. */
export interface PreparedEdit {
  id: string
  frame: Uint8Array
}

/**
 * `count` one-character edits by one new writer in the plan's notepad,
 * prepared before the clock starts so that timing measures the servers, not
 * Yjs in the benchmark.
 */
export function prepareTyping(count: number): PreparedEdit[] {
  const doc = new Y.Doc()
  const text = Plan.open(doc).notepad
  const edits: PreparedEdit[] = []
  doc.on('update', (update: Uint8Array) => {
    edits.push({ id: `${doc.clientID}:${text.length - 1}`, frame: encodeUpdate(update) })
  })
  for (let i = 0; i < count; i++) text.insert(text.length, 'abcdefghij'[i % 10]!)
  doc.destroy()
  return edits
}
