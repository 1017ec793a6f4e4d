import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { compactUpdates } from './compactUpdates.ts'
import { startCompactor, workerCompactor } from './compactor.ts'
import { MalformedUpdateError } from './readUpdate.ts'

/** Ans's typing, one update per word, then a deletion: what a room holds before it compacts. */
function typing(): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const word of ['Wij ', 'wonen ', 'sinds ', '2015 ', 'hier.']) doc.getText('t').insert(doc.getText('t').length, word)
  doc.getText('t').delete(0, 4)
  return updates
}

describe('the compactor (a worker thread)', () => {
  it('answers once started, before any room compacts (as the relay starts it), and compacts after', async () => {
    await expect(startCompactor()).resolves.toBeUndefined()
    const updates = typing()
    expect(await workerCompactor.compact(updates)).toEqual(compactUpdates(updates))
  })

  it('gives the same plan as compacting here, deleted words gone', async () => {
    const updates = typing()
    const compacted = await workerCompactor.compact(updates)
    expect(compacted).toEqual(compactUpdates(updates))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, compacted)
    expect(doc.getText('t').toString()).toBe('wonen sinds 2015 hier.')
  })

  it('refuses bytes that are no Yjs update as unreadable, and goes on compacting after', async () => {
    await expect(workerCompactor.compact([new TextEncoder().encode('geen update')])).rejects.toBeInstanceOf(MalformedUpdateError)
    const updates = typing()
    expect(await workerCompactor.compact(updates)).toEqual(compactUpdates(updates))
  })
})
