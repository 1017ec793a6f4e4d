import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { packAppends } from './packedAppends.ts'
import { SqliteDatabase } from './sqliteDatabase.ts'
import { WalSync } from './walSync.ts'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kring-walsync-'))
})
afterEach(async () => {
  vi.useRealTimers()
  await rm(dataDir, { recursive: true, force: true })
})

function anEdit(words: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, words)
  return Y.encodeStateAsUpdate(doc)
}

describe('syncing the write-ahead log within the durability window', () => {
  it('syncs every commit made before it runs once, right after the work that made them', async () => {
    const wal = join(dataDir, 'some-wal')
    await writeFile(wal, 'frames')
    const sync = new WalSync(wal)
    sync.committed()
    sync.committed()
    sync.committed()
    expect(sync.syncs).toBe(0)
    expect(sync.pending).toBe(true)
    await new Promise((resolve) => setImmediate(resolve))
    expect(sync.syncs).toBe(1)
    expect(sync.pending).toBe(false)
    // Nothing new committed: nothing to sync.
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(sync.syncs).toBe(1)
    sync.close()
  })

  it('takes nothing as stored after a sync failed, not even when a later one would succeed', async () => {
    vi.useFakeTimers()
    // A log that cannot be opened for syncing: a folder where the file should be.
    const wal = join(dataDir, 'not-a-file')
    await mkdir(wal)
    const sync = new WalSync(wal)
    sync.committed()
    expect(() => sync.syncNow()).toThrow()
    await rm(wal, { recursive: true })
    await writeFile(wal, 'frames')
    expect(() => sync.committed()).toThrow(/earlier sync .* failed/)
    expect(() => sync.syncNow()).toThrow(/earlier sync .* failed/)
    expect(sync.syncs).toBe(0)
  })

  it('syncs a revocation before it is folded into the database file', () => {
    const db = new SqliteDatabase(dataDir)
    db.append(packAppends([{ room: 'plan-a', update: anEdit('Oma Riet komt dinsdag') }]))
    db.addRevocation('plan-a', 'a signed revocation')
    expect(db.walSync.pending).toBe(false)
    // One for the edits, one for the revocation.
    expect(db.walSync.syncs).toBe(2)
    db.close()
  })

  it('syncs edits and records before their call returns, a compaction right after, and what waits when the file closes', async () => {
    const db = new SqliteDatabase(dataDir)
    // The time an append reports (by which commits are paced) includes its sync.
    expect(db.append(packAppends([{ room: 'plan-a', update: anEdit('Oma Riet komt dinsdag') }]))).toBeGreaterThan(0)
    expect(db.walSync.pending).toBe(false)
    expect(db.walSync.syncs).toBe(1)

    db.addRegistration('plan-a', 'token-1', 'registration text')
    expect(db.walSync.pending).toBe(false)
    expect(db.walSync.syncs).toBe(2)

    db.append(packAppends([{ room: 'plan-a', update: anEdit('en neemt soep mee') }]))
    expect(db.walSync.syncs).toBe(3)
    db.compact('plan-a')
    expect(db.walSync.pending).toBe(true)
    db.close()
    expect(db.walSync.syncs).toBe(4)
    // What was committed is there after the file is opened again.
    const reopened = new SqliteDatabase(dataDir)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, reopened.load('plan-a')!)
    expect(doc.getText('t').toString()).toContain('soep')
    reopened.close()
  })
})
