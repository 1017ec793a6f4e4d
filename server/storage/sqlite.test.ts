import Database from 'better-sqlite3'
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { roomsOfPlan } from '../../shared/protocol/rooms.ts'
import { SQLITE_FILE_NAME, SqliteStorage, WAL_SIZE_LIMIT_BYTES } from './sqlite.ts'
import { StorageCorruptError } from './roomLog.ts'
import { StorageUnusableError } from './storage.ts'
import { describeStorage } from './storageSuite.ts'

describeStorage('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
  return {
    storage: new SqliteStorage(dataDir),
    reopen: async () => new SqliteStorage(dataDir),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  }
})

describe('SQLite storage, beyond the shared contract', () => {
  it('leaves no trace of a deleted plan\'s words in its files', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
    try {
      const storage = new SqliteStorage(dataDir)
      const secret = 'Opa-Henk-zijn-geheime-zorg'
      for (const room of roomsOfPlan('plan-a')) {
        const doc = new Y.Doc()
        doc.getText('t').insert(0, `${secret} in ${room}`)
        await storage.append(room, Y.encodeStateAsUpdate(doc))
        await storage.compact(room)
      }
      const before = await filesContain(dataDir, secret)
      await storage.deletePlan('plan-a')
      const after = await filesContain(dataDir, secret)
      await storage.close()
      expect(before).toBe(true)
      expect(after).toBe(false)
      expect(await filesContain(dataDir, secret)).toBe(false)
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})

describe('SQLite storage, one row per room per commit', () => {
  it('stores the edits a commit holds for a room in one row, and gives every one of them back, counted', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
    try {
      const storage = new SqliteStorage(dataDir)
      const doc = new Y.Doc()
      const edits: Uint8Array[] = []
      doc.on('update', (update: Uint8Array) => edits.push(update))
      for (const word of ['Oma ', 'Riet ', 'komt ', 'dinsdag']) doc.getText('t').insert(doc.getText('t').length, word)
      // Made in one turn: one commit, with one edit for another room among them.
      await Promise.all([...edits.map((edit) => storage.append('plan-a', edit)), storage.append('plan-b', edits[0]!)])
      await storage.close()

      const file = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true })
      const rows = file.prepare('SELECT room, updates_in_row FROM room_updates ORDER BY seq').all()
      file.close()
      expect(rows).toEqual([
        { room: 'plan-a', updates_in_row: 4 },
        { room: 'plan-b', updates_in_row: 1 },
      ])
      const reopened = new SqliteStorage(dataDir)
      const loaded = new Y.Doc()
      Y.applyUpdate(loaded, (await reopened.load('plan-a'))!)
      expect(loaded.getText('t').toString()).toBe('Oma Riet komt dinsdag')
      expect((await reopened.size('plan-a')).updates).toBe(4)
      // A single row holding a run is compacted like a log of several.
      await reopened.compact('plan-a')
      expect((await reopened.size('plan-a')).updates).toBe(1)
      await reopened.close()
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses to open a file a later release wrote, saying so, and leaves it as it was', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
    try {
      await new SqliteStorage(dataDir).close()
      const file = new Database(join(dataDir, SQLITE_FILE_NAME))
      file.pragma('user_version = 99')
      file.close()
      await expect(SqliteStorage.open(dataDir)).rejects.toThrow(/written by a later release of Kring \(layout 99/)
      const after = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true })
      expect(after.pragma('user_version', { simple: true })).toBe(99)
      after.close()
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses a room whose run of edits is cut short as unreadable, naming the room', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
    try {
      const storage = new SqliteStorage(dataDir)
      const doc = new Y.Doc()
      doc.getText('t').insert(0, 'heel')
      await storage.append('plan-a', Y.encodeStateAsUpdate(doc))
      await storage.close()
      const file = new Database(join(dataDir, SQLITE_FILE_NAME))
      file.prepare('INSERT INTO room_updates (room, update_bytes, updates_in_row) VALUES (?, ?, ?)').run('plan-a', Buffer.from([40, 1, 2]), 2)
      file.close()
      const reopened = new SqliteStorage(dataDir)
      await expect(reopened.load('plan-a')).rejects.toThrow(StorageCorruptError)
      await expect(reopened.compact('plan-a')).rejects.toThrow(/"plan-a" cannot be read/)
      // The file still serves its other rooms.
      await reopened.append('plan-b', Y.encodeStateAsUpdate(doc))
      expect(await reopened.load('plan-b')).not.toBeNull()
      await reopened.close()
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})

describe('SQLite storage that fails safe', () => {
  const dirs: string[] = []
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
  })
  const folder = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-sqlite-'))
    dirs.push(dir)
    return dir
  }
  /** A data folder holding a real database with a plan in it. */
  const withPlan = async (): Promise<string> => {
    const dir = await folder()
    const storage = new SqliteStorage(dir)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x'.repeat(20_000))
    await storage.append('plan-a', Y.encodeStateAsUpdate(doc))
    await storage.addRevocation('plan-a', 'revocation-1')
    await storage.close()
    return dir
  }

  it('refuses to open a database file that exists but is empty, saying why and what to do', async () => {
    const dir = await folder()
    await writeFile(join(dir, SQLITE_FILE_NAME), '')
    expect(() => new SqliteStorage(dir)).toThrow(StorageUnusableError)
    expect(() => new SqliteStorage(dir)).toThrow(/exists but is empty \(0 bytes\).*Restore it from a backup/)
  })

  it('refuses a truncated database, one that is not Kring\'s, and a write-ahead log without its database', async () => {
    const truncated = await withPlan()
    const file = join(truncated, SQLITE_FILE_NAME)
    await truncate(file, (await stat(file)).size / 2)
    expect(() => new SqliteStorage(truncated)).toThrow(/cannot be read \(database disk image is malformed\)/)

    const foreign = await folder()
    const other = new Database(join(foreign, SQLITE_FILE_NAME))
    other.exec('CREATE TABLE notes (text TEXT)')
    other.close()
    expect(() => new SqliteStorage(foreign)).toThrow(/not a Kring database, or lost its tables \(missing: room_updates, plan_revocations, deleted_plans\)/)

    const orphan = await folder()
    await writeFile(join(orphan, `${SQLITE_FILE_NAME}-wal`), 'x'.repeat(100))
    expect(() => new SqliteStorage(orphan)).toThrow(/is missing, but its write-ahead log/)
  })

  it('opens a database it made before, and a folder with none', async () => {
    const dir = await withPlan()
    const storage = new SqliteStorage(dir)
    expect(await storage.revocationsOf('plan-a')).toEqual(['revocation-1'])
    await storage.close()
    const empty = new SqliteStorage(await folder())
    expect(await empty.healthy()).toBe(true)
    await empty.probeWrite()
    await empty.close()
  })

  it('gives the space a burst of writes took in the write-ahead log back after a checkpoint', async () => {
    const dir = await folder()
    const storage = new SqliteStorage(dir)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'y'.repeat(WAL_SIZE_LIMIT_BYTES + 4 * 1024 * 1024))
    await storage.append('plan-big', Y.encodeStateAsUpdate(doc))
    const wal = join(dir, `${SQLITE_FILE_NAME}-wal`)
    expect((await stat(wal)).size).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES)
    // The next write starts the log over, cut back to the limit.
    await storage.append('plan-small', new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc())))
    expect((await stat(wal)).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES)
    await storage.close()
  })
})

/** Whether any file in the folder (database, write-ahead log) holds the text as bytes. */
async function filesContain(dir: string, text: string): Promise<boolean> {
  for (const name of await readdir(dir)) {
    if ((await readFile(join(dir, name))).includes(Buffer.from(text))) return true
  }
  return false
}
