import type { IncomingMessage } from 'node:http'
import type { InvitationToken } from '../../shared/capabilities/token.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { ROOM_NAME_PATTERN, SYNC_PATH_PREFIX } from '../../shared/protocol/rooms.ts'
import { SYNC_PROTOCOL, tokenFromProtocols } from '../../shared/protocol/syncProtocols.ts'
import type { PlanAccess } from '../access/planAccess.ts'
import type { RefusalReason } from '../metrics/relayMetrics.ts'

/** Who may do what in a room, decided once per connection. */
export type Admission =
  | { admitted: true; room: string; readOnly: boolean; token: InvitationToken | undefined }
  | { admitted: false; code: number; reason: string; metric: RefusalReason }

export interface AdmissionPolicy {
  maxRoomNameLength: number
  /** Who may enter which room (server/access/planAccess.ts). */
  access: Pick<PlanAccess, 'decide'>
}

/**
 * Decides from the upgrade request which room a connection joins and whether
 * it may write: the room from the path, then the invitation token, checked
 * by PlanAccess — so a `meelezer` gets `readOnly`. The token comes from the
 * offered subprotocols, as the app sends it (shared/protocol/syncProtocols.ts),
 * else from the `token` query parameter (what y-websocket's
 * `params: { token }` sends: older apps, stock clients, the benchmarks).
 * Never logs or echoes the request URL or its headers: they carry a token.
 */
export async function admit(request: IncomingMessage, policy: AdmissionPolicy): Promise<Admission> {
  const room = roomFromPath(request.url ?? '')
  if (room === undefined || room.length > policy.maxRoomNameLength || !ROOM_NAME_PATTERN.test(room)) {
    return {
      admitted: false,
      code: CloseCode.invalidRoomName,
      reason: `Room name must be 1-${policy.maxRoomNameLength} letters, digits, - or _, with an optional .netwerk or .huishouden`,
      metric: 'invalid_room_name',
    }
  }
  const decision = await policy.access.decide(room, tokenOfRequest(request))
  if (!decision.ok) return { admitted: false, code: decision.code, reason: decision.reason, metric: decision.metric }
  return { admitted: true, room, readOnly: decision.readOnly, token: decision.token }
}

/** The invitation token a websocket request shows: in its offered subprotocols first, else in its query. */
function tokenOfRequest(request: IncomingMessage): string | undefined {
  return tokenFromProtocols(offeredProtocols(request)) ?? queryParameter(request.url ?? '', 'token')
}

/** The subprotocols a websocket request offers (`Sec-WebSocket-Protocol`, comma separated). */
function offeredProtocols(request: IncomingMessage): string[] {
  return (request.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim())
}

/**
 * The subprotocol the relay answers (ws's `handleProtocols`): Kring's when
 * offered, else none. Never an entry that carries a token, so the handshake
 * does not send it back; a browser that offered only such an entry fails
 * the connection, which is right.
 */
export function answerProtocol(offered: Set<string>): string | false {
  return offered.has(SYNC_PROTOCOL) ? SYNC_PROTOCOL : false
}

/** A query parameter of a request URL (`token`, `admission`), or undefined when there is none (an empty one counts as none). */
export function queryParameter(url: string, name: string): string | undefined {
  const query = url.indexOf('?')
  if (query === -1) return undefined
  return new URLSearchParams(url.slice(query + 1)).get(name) || undefined
}

/** Whether a request path is one the relay upgrades to a websocket (`/sync/...`). */
export function isSyncPath(url: string): boolean {
  return pathOf(url).startsWith(SYNC_PATH_PREFIX)
}

/** The room name in `/sync/<room>`, undefined when the path has none or cannot be decoded. */
function roomFromPath(url: string): string | undefined {
  const path = pathOf(url)
  if (!path.startsWith(SYNC_PATH_PREFIX)) return undefined
  try {
    const room = decodeURIComponent(path.slice(SYNC_PATH_PREFIX.length))
    return room === '' ? undefined : room
  } catch {
    return undefined
  }
}

function pathOf(url: string): string {
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}
