import Database from 'better-sqlite3'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SQLITE_FILE_NAME, SqliteStorage } from './sqlite.ts'

/**
 * The tables exactly as the release before the meeting (commit 414b9b7)
 * created them, copied here on purpose: a household's kring.sqlite from that
 * release must open with everything in it when the relay is updated.
 */
const PREVIOUS_RELEASE_SCHEMA = `
  CREATE TABLE room_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, update_bytes BLOB NOT NULL);
  CREATE INDEX room_updates_by_room ON room_updates (room, seq);
  CREATE TABLE plan_revocations (seq INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, revocation TEXT NOT NULL, stored_at INTEGER NOT NULL DEFAULT 0, UNIQUE (plan_id, revocation));
  CREATE TABLE deleted_plans (plan_id TEXT PRIMARY KEY, deleted_at INTEGER NOT NULL);
  CREATE TABLE kring_health (id INTEGER PRIMARY KEY, checked_at INTEGER NOT NULL);
  CREATE TABLE plan_admissions (plan_id TEXT PRIMARY KEY, admission_id TEXT NOT NULL UNIQUE, admitted_at INTEGER NOT NULL);
  CREATE TABLE plan_handovers (plan_id TEXT NOT NULL, sequence INTEGER NOT NULL, handover TEXT NOT NULL, stored_at INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (plan_id, sequence));
  CREATE TABLE plan_invitations (seq INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, token_id TEXT NOT NULL, registration TEXT NOT NULL, UNIQUE (plan_id, token_id));
`

const made: string[] = []
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('a kring.sqlite written by the release before the meeting', () => {
  it('opens with its plan, revocation and handover intact, and takes meeting codes and new edits from then on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-previous-'))
    made.push(dir)
    const story = new Y.Doc()
    story.getText('verhaal').insert(0, 'Ons verhaal van vorig jaar')
    const old = new Database(join(dir, SQLITE_FILE_NAME))
    old.exec(PREVIOUS_RELEASE_SCHEMA)
    old.prepare('INSERT INTO room_updates (room, update_bytes) VALUES (?, ?)').run('plan-a', Buffer.from(Y.encodeStateAsUpdate(story)))
    old.prepare('INSERT INTO plan_revocations (plan_id, revocation) VALUES (?, ?)').run('plan-a', 'revocation-1')
    old.prepare('INSERT INTO plan_handovers (plan_id, sequence, handover) VALUES (?, ?, ?)').run('plan-a', 1, 'handover-1')
    old.close()

    const storage = new SqliteStorage(dir)
    try {
      const loaded = new Y.Doc()
      Y.applyUpdate(loaded, (await storage.load('plan-a'))!)
      expect(loaded.getText('verhaal').toString()).toBe('Ons verhaal van vorig jaar')
      expect(await storage.revocationsOf('plan-a')).toEqual(['revocation-1'])
      expect(await storage.handoversOf('plan-a')).toEqual(['handover-1'])
      const code = { code: 'KR74MX', planId: 'plan-a', tokenId: 'token-1', invitation: 'guest-link', expiresAt: 2_000 }
      await storage.addMeetingCode(code, 1_000)
      expect(await storage.meetingCode('KR74MX', 1_000)).toEqual(code)
      // Edits made together after the update land as one run beside the old row; the plan reads whole.
      const more = new Y.Doc()
      Y.applyUpdate(more, (await storage.load('plan-a'))!)
      const edits: Uint8Array[] = []
      more.on('update', (update: Uint8Array) => edits.push(update))
      for (const word of [' en', ' van nu']) more.getText('verhaal').insert(more.getText('verhaal').length, word)
      await Promise.all(edits.map((edit) => storage.append('plan-a', edit)))
      const now = new Y.Doc()
      Y.applyUpdate(now, (await storage.load('plan-a'))!)
      expect(now.getText('verhaal').toString()).toBe('Ons verhaal van vorig jaar en van nu')
      expect((await storage.size('plan-a')).updates).toBe(3)
    } finally {
      await storage.close()
    }
  })
})
