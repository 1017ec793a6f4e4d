/**
 * What the always-visible status line says about this device's copy of a plan.
 *
 * - `local`: saved on this device; it has not reached the relay yet (the app
 *   has not connected since it opened the plan).
 * - `shared`: connected, the first exchange with the relay is done and every
 *   change made here has gone out over the connection.
 * - `offline`: no network, or the connection was lost; changes wait here and
 *   go out once there is a connection again.
 *
 * The y-websocket protocol has no acknowledgements, so "gone out" means: the
 * change was made while a synced connection was open (it is sent at once), or
 * before a connection whose opening exchange has since completed (that
 * exchange carries everything the relay lacks).
 */
export type SyncStatus = 'local' | 'shared' | 'offline'

/** The facts the status is derived from. */
export interface LinkState {
  /** What the browser says (`navigator.onLine`, `online`/`offline` events). */
  online: boolean
  /** The websocket connection to the relay, as the provider reports it. */
  connection: 'connecting' | 'connected' | 'disconnected'
  /** Whether the opening exchange with the relay has completed on the current connection. */
  synced: boolean
  /** Whether this page has ever had a connection to the relay for this plan. */
  everConnected: boolean
  /** Whether changes were made here that no connection has carried yet. */
  unsent: boolean
}

export type LinkEvent =
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'connection'; connection: LinkState['connection'] }
  | { type: 'synced'; synced: boolean }
  | { type: 'local-change' }

/** The state of a plan just opened on this page. */
export function initialLinkState(online: boolean): LinkState {
  return { online, connection: 'disconnected', synced: false, everConnected: false, unsent: false }
}

/** The state after one event. Pure: the same state and event always give the same result. */
export function nextLinkState(state: LinkState, event: LinkEvent): LinkState {
  switch (event.type) {
    case 'online':
      return { ...state, online: true }
    case 'offline':
      return { ...state, online: false }
    case 'connection':
      return {
        ...state,
        connection: event.connection,
        // A new or lost connection has not done its opening exchange yet.
        synced: event.connection === 'connected' ? state.synced : false,
        everConnected: state.everConnected || event.connection === 'connected',
      }
    case 'synced':
      if (!event.synced || state.connection !== 'connected') return { ...state, synced: false }
      return { ...state, synced: true, unsent: false }
    case 'local-change':
      return isCarrying(state) ? state : { ...state, unsent: true }
  }
}

/** The sentence to show for a state. */
export function syncStatusOf(state: LinkState): SyncStatus {
  if (!state.online) return 'offline'
  if (isCarrying(state) && !state.unsent) return 'shared'
  if (state.everConnected && state.connection !== 'connected') return 'offline'
  return 'local'
}

/** Whether a change made now goes straight to the relay. */
function isCarrying(state: LinkState): boolean {
  return state.online && state.connection === 'connected' && state.synced
}
