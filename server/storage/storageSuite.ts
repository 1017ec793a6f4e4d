import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { roomName, roomsOfPlan } from '../../shared/protocol/rooms.ts'
import { StorageCorruptError } from './roomLog.ts'
import type { Storage } from './storage.ts'

/**
 * One backend under test. `reopen` closes nothing: it opens a second handle on
 * the same place (same file, same database), as a restarted relay would.
 */
export interface StorageFixture {
  storage: Storage
  reopen(): Promise<Storage>
  /** Removes what the fixture made (temp folder, test schema). */
  cleanup(): Promise<void>
}

/**
 * The contract of a `Storage` backend (storage.ts) as tests, for every
 * backend: its `RoomLog` (roomLog.ts) and its `PlanRecords` (planRecords.ts).
 * Call it from `<backend>.test.ts` with a factory that makes a fresh, empty
 * store each time.
 */
export function describeStorage(name: string, makeFixture: () => Promise<StorageFixture>): void {
  describe(`Storage: ${name}`, () => {
    const opened: StorageFixture[] = []
    const extraHandles: Storage[] = []
    const fresh = async (): Promise<StorageFixture> => {
      const fixture = await makeFixture()
      opened.push(fixture)
      return fixture
    }
    afterEach(async () => {
      for (const handle of extraHandles.splice(0)) await handle.close()
      for (const fixture of opened.splice(0)) {
        await fixture.storage.close()
        await fixture.cleanup()
      }
    })

    describe('RoomLog', () => {
      it('has nothing for a room that was never written', async () => {
        const { storage } = await fresh()
        expect(await storage.load('nobody-here')).toBeNull()
        expect(await storage.size('nobody-here')).toEqual({ updates: 0, bytes: 0 })
      })

      it('gives back every appended update as one document state', async () => {
        const { storage } = await fresh()
        const writer = new Writer()
        for (const word of ['Samen ', 'een ', 'plan']) await storage.append('room-a', writer.type(word))
        expect(textOf(await storage.load('room-a'))).toBe('Samen een plan')
        const size = await storage.size('room-a')
        expect(size.updates).toBe(3)
        expect(size.bytes).toBe(writer.sentBytes)
      })

      it('keeps rooms apart', async () => {
        const { storage } = await fresh()
        await storage.append('room-a', new Writer().type('voor a'))
        await storage.append('room-b', new Writer().type('voor b'))
        expect(textOf(await storage.load('room-a'))).toBe('voor a')
        expect(textOf(await storage.load('room-b'))).toBe('voor b')
      })

      it('still holds every update after the store is closed and opened again', async () => {
        const fixture = await fresh()
        const writer = new Writer()
        await fixture.storage.append('room-a', writer.type('blijft bewaard'))
        await fixture.storage.close()
        const reopened = await fixture.reopen()
        extraHandles.push(reopened)
        expect(textOf(await reopened.load('room-a'))).toBe('blijft bewaard')
      })

      it('compacts a log into one update with the same content, and stays appendable', async () => {
        const { storage } = await fresh()
        const writer = new Writer()
        // Made together, committed as the backend gathers them (in SQLite, one row holding the run).
        await Promise.all(Array.from({ length: 200 }, () => storage.append('room-a', writer.type('x'))))
        await storage.append('room-a', writer.remove(0, 100))
        const before = await storage.size('room-a')
        const after = await storage.compact('room-a')
        expect(after.updates).toBe(1)
        expect(after.bytes).toBeLessThan(before.bytes)
        expect(await storage.size('room-a')).toEqual(after)
        expect(textOf(await storage.load('room-a'))).toBe('x'.repeat(100))

        await storage.append('room-a', writer.type('y'))
        expect(textOf(await storage.load('room-a'))).toBe(`${'x'.repeat(100)}y`)
      })

      it('compacting an empty room stores nothing', async () => {
        const { storage } = await fresh()
        expect(await storage.compact('empty')).toEqual({ updates: 0, bytes: 0 })
        expect(await storage.load('empty')).toBeNull()
      })

      it('loses no update appended while a compaction runs', async () => {
        const { storage } = await fresh()
        const writer = new Writer()
        const work: Promise<unknown>[] = []
        for (let i = 0; i < 50; i++) {
          work.push(storage.append('room-a', writer.type(String(i % 10))))
          if (i % 7 === 0) work.push(storage.compact('room-a'))
        }
        await Promise.all(work)
        expect(textOf(await storage.load('room-a'))).toBe(writer.text)
      })

      it('counts what a plan stores over its three rooms, and nothing of another plan', async () => {
        const { storage } = await fresh()
        expect(await storage.planSize('plan-a')).toEqual({ updates: 0, bytes: 0 })
        const sizes = []
        for (const room of roomsOfPlan('plan-a')) {
          const update = new Writer().type(`in ${room}`)
          sizes.push(update.byteLength)
          await storage.append(room, update)
        }
        await storage.append('plan-b', new Writer().type('van een ander'))
        expect(await storage.planSize('plan-a')).toEqual({ updates: 3, bytes: sizes.reduce((a, b) => a + b) })
      })

      it('refuses a room whose stored bytes are not Yjs updates, naming the room', async () => {
        const { storage } = await fresh()
        await storage.append('broken', new Writer().type('goed'))
        await storage.append('broken', new TextEncoder().encode('dit is geen update'))
        await storage.append('fine', new Writer().type('goed'))
        const error = await storage.load('broken').then(
          () => undefined,
          (caught: unknown) => caught,
        )
        expect(error).toBeInstanceOf(StorageCorruptError)
        expect((error as StorageCorruptError).room).toBe('broken')
        await expect(storage.compact('broken')).rejects.toBeInstanceOf(StorageCorruptError)
        expect(textOf(await storage.load('fine'))).toBe('goed')
      })
    })

    describe('PlanRecords', () => {
      it('keeps a plan\'s revocations, once each, apart from other plans, across a restart', async () => {
        const fixture = await fresh()
        await fixture.storage.addRevocation('plan-a', 'revocation-1')
        await fixture.storage.addRevocation('plan-a', 'revocation-2')
        await fixture.storage.addRevocation('plan-a', 'revocation-1')
        await fixture.storage.addRevocation('plan-b', 'revocation-3')
        await fixture.storage.close()
        const reopened = await fixture.reopen()
        extraHandles.push(reopened)
        expect(await reopened.revocationsOf('plan-a')).toEqual(['revocation-1', 'revocation-2'])
        expect(await reopened.revocationsOf('plan-b')).toEqual(['revocation-3'])
        expect(await reopened.revocationsOf('plan-c')).toEqual([])
      })

      it('keeps one handover per step (the first) and one registration per invitation, apart from other plans, across a restart', async () => {
        const fixture = await fresh()
        expect(await fixture.storage.addHandover('plan-a', 1, 'overdracht-1')).toBe('overdracht-1')
        expect(await fixture.storage.addHandover('plan-a', 1, 'andere-overdracht-1')).toBe('overdracht-1')
        expect(await fixture.storage.addHandover('plan-a', 2, 'overdracht-2')).toBe('overdracht-2')
        await fixture.storage.addHandover('plan-b', 1, 'overdracht-b')
        await fixture.storage.addRegistration('plan-a', 'token-1', 'registratie-1')
        await fixture.storage.addRegistration('plan-a', 'token-2', 'registratie-2')
        await fixture.storage.addRegistration('plan-a', 'token-1', 'registratie-1-anders')
        await fixture.storage.close()
        const reopened = await fixture.reopen()
        extraHandles.push(reopened)
        expect(await reopened.handoversOf('plan-a')).toEqual(['overdracht-1', 'overdracht-2'])
        expect(await reopened.handoversOf('plan-b')).toEqual(['overdracht-b'])
        expect(await reopened.registrationsOf('plan-a')).toEqual(['registratie-1', 'registratie-2'])
        expect(await reopened.registrationsOf('plan-c')).toEqual([])
        await reopened.deletePlan('plan-a')
        expect(await reopened.handoversOf('plan-a')).toEqual([])
        expect(await reopened.registrationsOf('plan-a')).toEqual([])
        expect(await reopened.handoversOf('plan-b')).toEqual(['overdracht-b'])
      })

      it('deletes every stored byte of a plan\'s three rooms and revocations, and keeps refusing it after a restart', async () => {
        const fixture = await fresh()
        const { storage } = fixture
        for (const room of roomsOfPlan('plan-a')) await storage.append(room, new Writer().type(`geheim in ${room}`))
        await storage.addRevocation('plan-a', 'revocation-1')
        await storage.append('plan-b', new Writer().type('van een ander'))
        expect(await storage.isPlanDeleted('plan-a')).toBe(false)

        await storage.deletePlan('plan-a')
        await storage.deletePlan('plan-a')
        await storage.close()
        const reopened = await fixture.reopen()
        extraHandles.push(reopened)
        for (const room of roomsOfPlan('plan-a')) {
          expect(await reopened.load(room)).toBeNull()
          expect(await reopened.size(room)).toEqual({ updates: 0, bytes: 0 })
        }
        expect(await reopened.revocationsOf('plan-a')).toEqual([])
        expect(await reopened.isPlanDeleted('plan-a')).toBe(true)
        expect(await reopened.isPlanDeleted('plan-b')).toBe(false)
        expect(textOf(await reopened.load('plan-b'))).toBe('van een ander')

        // An update that arrives after the deletion (a race, another relay) brings nothing back.
        await reopened.append(roomName('plan-a', 'netwerk'), new Writer().type('te laat'))
        expect(await reopened.load(roomName('plan-a', 'netwerk'))).toBeNull()
      })
    })

    it('names the plans whose revocations, handovers or deletion were stored lately, and no others', async () => {
      const { storage } = await fresh()
      expect(await storage.plansChangedWithin(60_000)).toEqual([])
      await storage.addRevocation('plan-a', 'revocation-1')
      await storage.deletePlan('plan-b')
      await storage.append('plan-c', new Writer().type('alleen tekst'))
      expect((await storage.plansChangedWithin(60_000)).sort()).toEqual(['plan-a', 'plan-b'])
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await storage.plansChangedWithin(10)).toEqual([])
    })

    it('lets a plan in by an admission once: the same admission lets no other plan in, across a restart', async () => {
      const fixture = await fresh()
      expect(await fixture.storage.isPlanAdmitted('plan-a')).toBe(false)
      expect(await fixture.storage.admitPlan('plan-a', 'admission-1')).toBe(true)
      expect(await fixture.storage.admitPlan('plan-a', 'admission-1')).toBe(true)
      expect(await fixture.storage.admitPlan('plan-b', 'admission-1')).toBe(false)
      expect(await fixture.storage.isPlanAdmitted('plan-b')).toBe(false)
      // A plan let in stays let in, whatever it shows later.
      expect(await fixture.storage.admitPlan('plan-a', 'admission-2')).toBe(true)
      await fixture.storage.close()
      const reopened = await fixture.reopen()
      extraHandles.push(reopened)
      expect(await reopened.isPlanAdmitted('plan-a')).toBe(true)
      expect(await reopened.admitPlan('plan-c', 'admission-1')).toBe(false)
      expect(await reopened.admitPlan('plan-c', 'admission-2')).toBe(true)
    })

    it('keeps a meeting code for its guest link until it expires, one per link, across a restart; a deleted plan loses its codes', async () => {
      const fixture = await fresh()
      const code = (code: string, planId: string, tokenId: string, expiresAt: number) => ({ code, planId, tokenId, invitation: `uitnodiging-${tokenId}`, expiresAt })
      const now = 1_000_000
      expect(await fixture.storage.meetingCode('KR74MX', now)).toBeUndefined()
      expect(await fixture.storage.addMeetingCode(code('KR74MX', 'plan-a', 'link-1', now + 60_000), now)).toEqual(code('KR74MX', 'plan-a', 'link-1', now + 60_000))
      // The same link again keeps its first code; another link cannot take a code in use.
      expect(await fixture.storage.addMeetingCode(code('ABCDEF', 'plan-a', 'link-1', now + 90_000), now)).toEqual(code('KR74MX', 'plan-a', 'link-1', now + 60_000))
      expect(await fixture.storage.addMeetingCode(code('KR74MX', 'plan-b', 'link-2', now + 60_000), now)).toBeUndefined()
      await fixture.storage.addMeetingCode(code('BBBBBB', 'plan-b', 'link-2', now + 10_000), now)
      await fixture.storage.addMeetingCode(code('CCCCCC', 'plan-a', 'link-3', now + 120_000), now)
      await fixture.storage.close()
      const reopened = await fixture.reopen()
      extraHandles.push(reopened)
      expect(await reopened.meetingCode('KR74MX', now)).toEqual(code('KR74MX', 'plan-a', 'link-1', now + 60_000))
      expect(await reopened.meetingCode('KR74MX', now + 60_000)).toBeUndefined()
      expect(await reopened.meetingCode('BBBBBB', now + 9_999)).toMatchObject({ planId: 'plan-b' })
      expect(await reopened.removeExpiredMeetingCodes(now + 10_000)).toBe(1)
      expect(await reopened.meetingCode('BBBBBB', now)).toBeUndefined()
      // Once expired and removed, its code is free for another link.
      expect(await reopened.addMeetingCode(code('KR74MX', 'plan-b', 'link-4', now + 200_000), now + 60_000)).toMatchObject({ planId: 'plan-b', tokenId: 'link-4' })
      await reopened.deletePlan('plan-a')
      expect(await reopened.meetingCode('CCCCCC', now)).toBeUndefined()
      expect(await reopened.meetingCode('KR74MX', now + 60_000)).toMatchObject({ planId: 'plan-b' })
    })

    it('reports itself healthy while open, and a write of its own works', async () => {
      const { storage } = await fresh()
      expect(await storage.healthy()).toBe(true)
      await storage.probeWrite()
      await storage.probeWrite()
      expect(typeof storage.kind).toBe('string')
    })
  })
}

/** One client typing into a Y.Text, handing out each change as an update. */
class Writer {
  private readonly doc = new Y.Doc()
  sentBytes = 0

  get text(): string {
    return this.doc.getText('t').toString()
  }

  type(text: string): Uint8Array {
    return this.capture(() => this.doc.getText('t').insert(this.doc.getText('t').length, text))
  }

  remove(index: number, length: number): Uint8Array {
    return this.capture(() => this.doc.getText('t').delete(index, length))
  }

  private capture(change: () => void): Uint8Array {
    const before = Y.encodeStateVector(this.doc)
    change()
    const update = Y.encodeStateAsUpdate(this.doc, before)
    this.sentBytes += update.byteLength
    return update
  }
}

function textOf(state: Uint8Array | null): string | undefined {
  if (state === null) return undefined
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc.getText('t').toString()
}
