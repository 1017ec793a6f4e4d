import { IndexeddbPersistence } from 'y-indexeddb'
import * as authProtocol from 'y-protocols/auth'
import { messageAuth, WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { Changes, Plan, type Source } from '../../shared/plan/core.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { roomName, SYNC_PATH_PREFIX, type RoomKind } from '../../shared/protocol/rooms.ts'
import { syncProtocols } from '../../shared/protocol/syncProtocols.ts'
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
export class PlanConnection implements Source {
  readonly doc = new Y.Doc()
  readonly plan: Plan
  readonly persistence: IndexeddbPersistence
  readonly provider: WebsocketProvider
  readonly presence: PresenceStore
  /** Resolves once the copy on this device is loaded (an empty plan when there is none yet). */
  readonly whenLoaded: Promise<void>
  /** Which of the plan's rooms this is (architecture.md, decision 2); each room is its own Y.Doc and local copy. */
  readonly room: RoomKind

  private link: LinkState
  private refusal: Refusal | null = null
  private me: PresenceUser | null = null
  private status: SyncStatus
  private newerVersion = false
  private readOnlyByRelay = false
  private readonly changes = new Changes()
  private destroyed = false
  /** Loaded from IndexedDB and holding its token: may connect. */
  private ready = false

  constructor(
    readonly planId: string,
    options: {
      syncUrl?: string
      /** The invitation token to show the relay; resolved before connecting. */
      token?: () => Promise<string | undefined>
      /** The room to open; the shared plan room unless said otherwise. */
      room?: RoomKind
      /** A refusal the device holds for good (client/invitations/heldRefusal.ts): then it never connects. Read after `token`. */
      heldRefusal?: () => Promise<Refusal | null>
    } = {},
  ) {
    this.room = options.room ?? 'plan'
    const room = roomName(planId, this.room)
    this.plan = Plan.open(this.doc)
    this.persistence = new IndexeddbPersistence(localDatabaseName(room), this.doc)
    this.provider = new WebsocketProvider(options.syncUrl ?? defaultSyncUrl(), room, this.doc, { connect: false, shouldReconnect })
    // The relay says "read only" to a meelezer. The stock handler warns in the console; this one only notes it.
    this.provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, () => this.onReadOnly())
    }
    this.presence = new PresenceStore(this.provider.awareness)
    this.link = initialLinkState(navigator.onLine)
    this.status = syncStatusOf(this.link)

    this.doc.on('update', this.onUpdate)
    this.provider.on('status', this.onStatus)
    this.provider.on('sync', this.onSync)
    this.provider.on('closed', this.onClosed)
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    window.addEventListener('pagehide', this.onPageHide)
    window.addEventListener('pageshow', this.onPageShow)

    // What the device holds for this plan is read while the copy loads, not after: both only read this device.
    const access = (async () => {
      const token = await options.token?.()
      return { token, held: (await options.heldRefusal?.()) ?? null }
    })()
    // Its failure is whenLoaded's; should the page close before the copy loaded, nobody waits for it.
    access.catch(() => undefined)
    this.whenLoaded = this.persistence.whenSynced.then(async () => {
      if (this.destroyed) return
      this.upgrade()
      const { token, held } = await access
      if (this.destroyed) return
      // In the handshake, not the URL: the browser prints a failed websocket's URL in the console.
      this.provider.protocols = syncProtocols(token)
      if (held) {
        // The copy here stays readable; nothing of it goes to a relay that may have forgotten why it refused.
        this.refusal = held
        this.changes.notify()
        return
      }
      this.ready = true
      if (navigator.onLine) this.provider.connect()
    })
  }

  /** The current status sentence key. */
  syncStatus = (): SyncStatus => this.status

  /** Why the relay turned this device away for good (no or a revoked invitation, a deleted plan); null otherwise. */
  refused = (): Refusal | null => this.refusal

  /** Whether a newer Kring wrote this plan: this app cannot show all of it until it is reloaded. */
  fromNewerVersion = (): boolean => this.newerVersion

  /** Whether the relay said this device may only read (a meelezer): what it writes would not be passed on. */
  readOnly = (): boolean => this.readOnlyByRelay

  /** Calls `listener` whenever the status, the refusal, `fromNewerVersion` or `readOnly` changes; returns the function that stops it. */
  readonly subscribe = this.changes.subscribe

  /** Tells everyone in the plan who uses this page now (name, colour, person). */
  announce(user: PresenceUser): void {
    this.me = user
    // Their words are theirs in "wie schreef wat" from now on (written only once they change something).
    this.plan.authors.writeAs(user.personId)
    announce(this.provider.awareness, user)
  }

  /**
   * Connects again after a refusal that the relay may no longer give: a
   * household device that just taught a relay what it had lost (a
   * handover its key depends on; client/relay/reteach.ts).
   */
  retry(): void {
    if (this.destroyed || !this.ready || !this.refusal) return
    this.refusal = null
    this.changes.notify()
    if (navigator.onLine) this.provider.connect()
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
    this.changes.clear()
  }

  private dispatch(event: LinkEvent): void {
    this.link = nextLinkState(this.link, event)
    const status = syncStatusOf(this.link)
    if (status === this.status) return
    this.status = status
    this.changes.notify()
  }

  /**
   * Upgrades content that has just arrived, and notes when a newer app wrote
   * it. Once seen it stays seen for this page: this build cannot read the
   * newer parts, and only a reload (to the newer app) fixes that.
   */
  private upgrade(): void {
    const newer = this.plan.upgrade()?.fromNewerVersion === true
    if (!newer || this.newerVersion) return
    this.newerVersion = true
    this.changes.notify()
  }

  private onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // Changes arriving from the relay or loaded from IndexedDB are not ours to send.
    if (origin !== this.provider && origin !== this.persistence) this.dispatch({ type: 'local-change' })
    // Someone with a newer app may open the plan while this page has it open: look once this change is done.
    else if (origin === this.provider && !this.newerVersion) queueMicrotask(() => !this.destroyed && this.upgrade())
  }

  private onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    this.dispatch({ type: 'connection', connection: status })
  }

  private onSync = (synced: boolean): void => {
    // Content written by a newer or older app may have just arrived.
    if (synced) this.upgrade()
    this.dispatch({ type: 'synced', synced })
  }

  private onReadOnly(): void {
    if (this.readOnlyByRelay) return
    this.readOnlyByRelay = true
    this.changes.notify()
  }

  private onClosed = ({ code, reason }: { code: number; reason: string }): void => {
    // y-websocket stops reconnecting on 44xx: the relay said trying again cannot help.
    this.refusal = { code, reason }
    this.changes.notify()
  }

  private onOnline = (): void => {
    this.dispatch({ type: 'online' })
    if (this.ready && !this.refusal) this.provider.connect()
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

/** A permanent refusal by the relay: a 44xx close code and its reason (for logs, not for people). */
export interface Refusal {
  code: number
  reason: string
}

/**
 * y-websocket treats every 44xx close as final. The relay's "too many
 * messages" (4429) is not: back off and come back.
 */
function shouldReconnect(event: CloseEvent): boolean {
  return event.code === CloseCode.rateLimited || !(event.code >= 4400 && event.code < 4500)
}

/** Where the relay speaks y-websocket: the same origin as the app, under /sync (y-websocket adds `/<room>`). */
export function defaultSyncUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`
}

/** The IndexedDB database that holds this device's copy of a room. */
export function localDatabaseName(room: string): string {
  return `kring-room-${room}`
}
