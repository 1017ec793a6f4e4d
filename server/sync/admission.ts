import type { IncomingMessage } from 'node:http'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { ROOM_NAME_PATTERN, SYNC_PATH_PREFIX } from '../../shared/protocol/rooms.ts'
import type { RefusalReason } from '../metrics/relayMetrics.ts'

/** Who may do what in a room, decided once per connection. */
export type Admission =
  | { admitted: true; room: string; readOnly: boolean }
  | { admitted: false; code: number; reason: string; metric: RefusalReason }

export interface AdmissionPolicy {
  maxRoomNameLength: number
}

/**
 * Decides from the upgrade request which room a connection joins and whether
 * it may write. For now everyone is admitted read-write; invitation tokens
 * (`?token=` or a subprotocol) are checked here later, so a `meelezer` gets
 * `readOnly`. Never logs or echoes the request URL: it may carry a token.
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
  return { admitted: true, room, readOnly: false }
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
