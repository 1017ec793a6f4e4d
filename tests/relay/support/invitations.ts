import { issueToken, type InvitationFields } from '../../../shared/capabilities/token.ts'
import { createPlanKey, type PlanKey } from '../../../shared/identity/planKey.ts'
import { roomName, type RoomKind } from '../../../shared/protocol/rooms.ts'
import { openRawSocket, type RawSocket } from './clients.ts'

/** A plan as its household holds it: the key, and invitations signed with it. */
export interface TestPlan {
  key: PlanKey
  planId: string
  room(kind: RoomKind): string
  invite(fields: InvitationFields): Promise<string>
}

/** Makes a real plan key, as the app does when a household starts a plan. */
export async function newTestPlan(): Promise<TestPlan> {
  const key = await createPlanKey()
  return {
    key,
    planId: key.planId,
    room: (kind) => roomName(key.planId, kind),
    invite: (fields) => issueToken(key, fields),
  }
}

/**
 * A raw websocket to `room` with `token` (none when undefined), once the
 * relay has answered: let in (its sync step 1 arrived) or closed. With
 * `admission`, it shows an operator's admission as a plan's first
 * connection does; with `from`, it comes from that loopback address; with
 * `protocols`, it offers those subprotocols (the app's token travels there).
 */
export async function knock(
  baseUrl: string,
  room: string,
  token: string | undefined,
  { admission, from, protocols }: { admission?: string; from?: string; protocols?: string[] } = {},
): Promise<RawSocket> {
  const params = new URLSearchParams()
  if (token !== undefined) params.set('token', token)
  if (admission !== undefined) params.set('admission', admission)
  const query = params.size === 0 ? '' : `?${params.toString()}`
  const socket = await openRawSocket(baseUrl, `/sync/${room}${query}`, { localAddress: from, protocols })
  if (socket.received.length === 0 && socket.closeEvent === undefined) {
    // Event-driven rather than polled: fuzz tests knock hundreds of times.
    await new Promise<void>((resolve) => {
      socket.ws.once('message', () => resolve())
      socket.ws.once('close', () => resolve())
    })
  }
  return socket
}
