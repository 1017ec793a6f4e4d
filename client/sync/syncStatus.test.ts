import { describe, expect, it } from 'vitest'
import { initialLinkState, nextLinkState, syncStatusOf, type LinkEvent, type LinkState } from './syncStatus.ts'

function after(events: LinkEvent[], start: LinkState = initialLinkState(true)): LinkState {
  return events.reduce(nextLinkState, start)
}

const connect: LinkEvent[] = [
  { type: 'connection', connection: 'connecting' },
  { type: 'connection', connection: 'connected' },
  { type: 'synced', synced: true },
]
const lose: LinkEvent[] = [
  { type: 'synced', synced: false },
  { type: 'connection', connection: 'disconnected' },
]

describe('sync status', () => {
  it('says "saved on this device" for a plan that never reached the relay', () => {
    expect(syncStatusOf(initialLinkState(true))).toBe('local')
    expect(syncStatusOf(after([{ type: 'local-change' }, { type: 'connection', connection: 'connecting' }]))).toBe('local')
    // A relay that cannot be reached from the start: still only on this device.
    expect(syncStatusOf(after([{ type: 'connection', connection: 'connecting' }, { type: 'connection', connection: 'disconnected' }]))).toBe('local')
  })

  it('says "connected, everything shared" once the opening exchange is done', () => {
    expect(syncStatusOf(after(connect))).toBe('shared')
  })

  it('waits for the opening exchange before calling anything shared', () => {
    expect(syncStatusOf(after(connect.slice(0, 2)))).toBe('local')
  })

  it('keeps "shared" for changes made on a synced connection, which go out at once', () => {
    expect(syncStatusOf(after([...connect, { type: 'local-change' }]))).toBe('shared')
  })

  it('says "offline" when the browser goes offline, even with an open connection', () => {
    expect(syncStatusOf(after([...connect, { type: 'offline' }]))).toBe('offline')
    expect(syncStatusOf(initialLinkState(false))).toBe('offline')
  })

  it('says "offline" when a connection it had is lost, and while it reconnects', () => {
    expect(syncStatusOf(after([...connect, ...lose]))).toBe('offline')
    expect(syncStatusOf(after([...connect, ...lose, { type: 'connection', connection: 'connecting' }]))).toBe('offline')
  })

  it('counts changes made offline as unsent until a new connection has synced', () => {
    const offlineEdit = after([...connect, { type: 'offline' }, ...lose, { type: 'local-change' }])
    expect(offlineEdit.unsent).toBe(true)
    const back = after([{ type: 'online' }, ...connect.slice(0, 2)], offlineEdit)
    expect(syncStatusOf(back)).toBe('local')
    expect(back.unsent).toBe(true)
    const synced = nextLinkState(back, { type: 'synced', synced: true })
    expect(synced.unsent).toBe(false)
    expect(syncStatusOf(synced)).toBe('shared')
  })

  it('ignores a "synced" report without a connection', () => {
    const state = after([{ type: 'local-change' }, { type: 'synced', synced: true }])
    expect(state.synced).toBe(false)
    expect(state.unsent).toBe(true)
  })
})
