import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { Plan } from '../../shared/plan/index.ts'
import { roomName } from '../../shared/protocol/rooms.ts'
import { announce, PresenceStore, type PresenceUser } from './presence.ts'
import { initialLinkState, nextLinkState, syncStatusOf, type LinkEvent, type LinkState, type SyncStatus } from './syncStatus.ts'

/**
 * One plan opened on this page: its Y.Doc, the local copy in IndexedDB, the
 * connection to the relay, and what the status line and presence list show.
 *
 * Local first: the IndexedDB copy is loaded before anything else, so the plan
 * shows at once and offline; the relay connection joins afterwards. Editing
 * never waits on the network.
 */
export class PlanConnection {
  readonly doc = new Y.Doc()
  readonly plan: Plan
  readonly persistence: IndexeddbPersistence
  readonly provider: WebsocketProvider
  readonly presence: PresenceStore
  /** Resolves once the copy on this device is loaded (an empty plan when there is none yet). */
  readonly whenLoaded: Promise<void>

  private link: LinkState
  private me: PresenceUser | null = null
  private status: SyncStatus
  private readonly statusListeners = new Set<() => void>()
  private destroyed = false

  constructor(
    readonly planId: string,
    options: { syncUrl?: string } = {},
  ) {
    const room = roomName(planId, 'plan')
    this.plan = Plan.open(this.doc)
    this.persistence = new IndexeddbPersistence(localDatabaseName(room), this.doc)
    this.provider = new WebsocketProvider(options.syncUrl ?? defaultSyncUrl(), room, this.doc, { connect: false })
    this.presence = new PresenceStore(this.provider.awareness)
    this.link = initialLinkState(navigator.onLine)
    this.status = syncStatusOf(this.link)

    this.doc.on('update', this.onUpdate)
    this.provider.on('status', this.onStatus)
    this.provider.on('sync', this.onSync)
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    window.addEventListener('pagehide', this.onPageHide)
    window.addEventListener('pageshow', this.onPageShow)

    this.whenLoaded = this.persistence.whenSynced.then(() => {
      if (this.destroyed) return
      this.plan.upgrade()
      if (navigator.onLine) this.provider.connect()
    })
  }

  /** The current status sentence key. */
  syncStatus = (): SyncStatus => this.status

  /** Calls `listener` whenever the status changes; returns the function that stops it. */
  subscribeSyncStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  /** Tells everyone in the plan who uses this page now (name, colour, person). */
  announce(user: PresenceUser): void {
    this.me = user
    announce(this.provider.awareness, user)
  }

  /** Closes the connection and the local copy; what was written stays in IndexedDB. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    window.removeEventListener('pagehide', this.onPageHide)
    window.removeEventListener('pageshow', this.onPageShow)
    this.doc.off('update', this.onUpdate)
    this.presence.destroy()
    this.provider.awareness.setLocalState(null)
    this.provider.destroy()
    void this.persistence.destroy()
    this.doc.destroy()
    this.statusListeners.clear()
  }

  private dispatch(event: LinkEvent): void {
    this.link = nextLinkState(this.link, event)
    const status = syncStatusOf(this.link)
    if (status === this.status) return
    this.status = status
    for (const listener of [...this.statusListeners]) listener()
  }

  private onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // Changes arriving from the relay or loaded from IndexedDB are not ours to send.
    if (origin !== this.provider && origin !== this.persistence) this.dispatch({ type: 'local-change' })
  }

  private onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    this.dispatch({ type: 'connection', connection: status })
  }

  private onSync = (synced: boolean): void => {
    // Content written by a newer or older app may have just arrived.
    if (synced) this.plan.upgrade()
    this.dispatch({ type: 'synced', synced })
  }

  private onOnline = (): void => {
    this.dispatch({ type: 'online' })
    if (this.persistence.synced) this.provider.connect()
  }

  private onOffline = (): void => {
    this.dispatch({ type: 'offline' })
    // The browser knows there is no network: stop trying rather than let a
    // half-dead socket swallow changes; they wait here until `online`.
    this.provider.disconnect()
  }

  private onPageHide = (): void => {
    // Tell the others at once that we left, instead of after the awareness timeout.
    this.provider.awareness.setLocalState(null)
  }

  private onPageShow = (event: PageTransitionEvent): void => {
    // Back from the back/forward cache: we said we left, so say we are here again.
    if (event.persisted && this.me) this.provider.awareness.setLocalState({ user: this.me })
  }
}

/** Where the relay speaks y-websocket: the same origin as the app, under /sync. */
export function defaultSyncUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/sync`
}

/** The IndexedDB database that holds this device's copy of a room. */
export function localDatabaseName(room: string): string {
  return `kring-room-${room}`
}
