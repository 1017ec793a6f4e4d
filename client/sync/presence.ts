import type { Awareness } from 'y-protocols/awareness'
import { Changes, type PersonId, type Source } from '../../shared/plan/core.ts'

/**
 * What each device tells the others about who is using it, through the
 * awareness channel (not stored in the plan). The Tiptap caret extension reads
 * the same `user` field for the name and colour above a caret.
 */
export interface PresenceUser {
  name: string
  color: string
  personId: PersonId | null
}

/** Someone here now, as shown in "Nu in dit plan". */
export interface Presence extends PresenceUser {
  /** The awareness client id: one per open tab. */
  clientId: number
  isMe: boolean
}

/** Tells the others who uses this device now. */
export function announce(awareness: Awareness, user: PresenceUser): void {
  awareness.setLocalStateField('user', user)
}

/**
 * A subscribable, cached list of who is here, one entry per person (two tabs
 * of one person show once), this device first. Safe as a React external store.
 */
export class PresenceStore implements Source {
  private snapshot: Presence[] = []
  private readonly changes = new Changes()
  readonly subscribe = this.changes.subscribe

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.refresh)
    this.refresh()
  }

  list = (): Presence[] => this.snapshot

  destroy(): void {
    this.awareness.off('change', this.refresh)
    this.changes.clear()
  }

  private refresh = (): void => {
    const seen = new Set<string>()
    const people: Presence[] = []
    const me = this.awareness.clientID
    const states = [...this.awareness.getStates().entries()].sort(([a], [b]) => (a === me ? -1 : b === me ? 1 : a - b))
    for (const [clientId, state] of states) {
      const user = readUser(state)
      if (!user) continue
      const key = user.personId ?? `client:${clientId}`
      if (seen.has(key)) continue
      seen.add(key)
      people.push({ ...user, clientId, isMe: clientId === me })
    }
    this.snapshot = people
    this.changes.notify()
  }
}

/** Reads a `user` field sent by another device, which may run another version of the app. */
function readUser(state: Record<string, unknown>): PresenceUser | null {
  const user = state.user
  if (!user || typeof user !== 'object') return null
  const { name, color, personId } = user as Record<string, unknown>
  return {
    name: typeof name === 'string' ? name : '',
    color: typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#5c6b73',
    personId: typeof personId === 'string' ? personId : null,
  }
}
