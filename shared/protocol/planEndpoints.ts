import type { RevocationScope } from '../capabilities/revocation.ts'
import { MAX_CAPABILITY_LENGTH } from '../capabilities/signed.ts'
import { DEFAULT_LIMITS } from './limits.ts'
import type { RoomKind } from './rooms.ts'

/** Most handovers one request may carry: a whole chain, posted again to a relay that lacks it. */
export const MAX_HANDOVERS_PER_REQUEST = 16

/**
 * The relay's HTTP endpoints for a plan's signed decisions, as both sides
 * see them:
 *
 *   POST /plans/<planId>/<endpoint>    body: the signed text (text/plain)
 *
 * 200 answers with the endpoint's JSON answer (`PlanEndpointAnswers`) once
 * the relay has stored the decision; any other status with a
 * `PlanRequestRefused` body. The signature is the only credential, so any
 * origin may post.
 *
 * Adding an endpoint: an entry in PLAN_ENDPOINTS, its answer in
 * PlanEndpointAnswers, and its handler in server/http/planEndpoints.ts; the
 * client and the `kring` command then post to it with postSignedText.
 */
export const PLAN_ENDPOINTS = {
  /** A signed revocation of one invitation, or of all signed before a moment (shared/capabilities/revocation.ts). */
  revocations: { maxBodyLength: MAX_CAPABILITY_LENGTH },
  /** A signed deletion of the whole plan (shared/capabilities/deletion.ts). */
  deletion: { maxBodyLength: MAX_CAPABILITY_LENGTH },
  /** A signed export request: everything the relay holds of the plan, every room (shared/capabilities/planRequest.ts). */
  export: { maxBodyLength: MAX_CAPABILITY_LENGTH },
  /**
   * Creating a new plan from an export: JSON `{ request, rooms }` with a signed
   * import request and each room's Yjs state (base64). The relay's own limit
   * (KRING_MAX_IMPORT_BYTES) applies; this is its default.
   */
  import: { maxBodyLength: DEFAULT_LIMITS.maxImportBytes },
  /**
   * Signed handovers (shared/capabilities/handover.ts), one per line, in
   * order: the new one alone, or the whole chain from handover 1, which any
   * relay accepts even when it has none of them yet.
   */
  handover: { maxBodyLength: MAX_HANDOVERS_PER_REQUEST * (MAX_CAPABILITY_LENGTH + 1) },
  /** A signed registration of an invitation for the relay's registry (shared/capabilities/registration.ts). */
  invitations: { maxBodyLength: MAX_CAPABILITY_LENGTH },
  /**
   * What the relay holds about who may read and write along: any member
   * posts their own invitation token as the body (never in the address, so
   * no log holds it) and gets the plan's signed records back, to verify
   * themselves ("Wie kan meelezen en meeschrijven", "Wie beheert dit plan").
   */
  access: { maxBodyLength: MAX_CAPABILITY_LENGTH },
  /**
   * A meeting's short code (shared/protocol/meetingCode.ts): the household's
   * device posts the meeting's guest link (an invitation for several people,
   * signed by the plan key, made within the code's lifetime) and gets a
   * code that stands for it until KRING_MEETING_CODE_MINUTES have passed
   * (or the link expires first). Posting the same link again gives the same
   * code. Anyone looks a code up with `GET /meeting-codes/<code>`.
   */
  'meeting-code': { maxBodyLength: MAX_CAPABILITY_LENGTH },
} as const satisfies Record<string, { maxBodyLength: number }>

export type PlanEndpoint = keyof typeof PLAN_ENDPOINTS

/** What the relay answers (200) per endpoint, once it has stored the decision. */
export interface PlanEndpointAnswers {
  revocations: { planId: string; revoked: RevocationScope; closedConnections: number }
  deletion: { planId: string; deleted: true; closedConnections: number }
  /** Each room's stored Yjs state, base64; a room with nothing stored is left out. */
  export: { planId: string; rooms: Partial<Record<RoomKind, string>> }
  import: { planId: string; rooms: RoomKind[] }
  handover: { planId: string; handedOver: true; handovers: number }
  invitations: { planId: string; registered: string }
  access: PlanAccessRecords
  'meeting-code': { planId: string; code: string; expiresAt: number }
}

/** The body of an import: the signed request and the rooms it creates (each a Yjs state, base64). */
export interface ImportBody {
  request: string
  rooms: Partial<Record<RoomKind, string>>
}

/**
 * The signed texts the relay holds about a plan's access; each verifies on
 * its own (with the handovers before it), so a member trusts the signatures,
 * not the relay. The relay can leave things out; it cannot make them up.
 */
export interface PlanAccessRecords {
  planId: string
  /** The plan's handovers, step 1 first. */
  handovers: string[]
  /** The registered invitations, oldest first. */
  invitations: string[]
  /** The revocations, oldest first. */
  revocations: string[]
}

/** Why the relay refused a request to a plan endpoint, by name; programs read this, not the sentence. */
export type PlanRequestRefusal =
  /** 400: the body is not a signed text of this endpoint's kind. */
  | 'malformed'
  /** 403: not signed by the key of the plan it names. */
  | 'forged'
  /** 403: signed for another plan than the path names. */
  | 'other-plan'
  /** 403: signed by a key that has handed the plan over; the current plan key must sign it. */
  | 'handed-over'
  /** 403: a signed request past its short life (or from a clock far ahead). */
  | 'expired'
  /** 409: this signed request was used already; sign a new one. */
  | 'replayed'
  /** 409: an import into a plan the relay already holds. */
  | 'not-empty'
  /** 400: the invitation posted for a meeting code is not a link for several people. */
  | 'not-a-guest-link'
  /** 403: the token posted to `access` does not (or no longer) let its holder in. */
  | 'not-a-member'
  /** 409: another handover took this step of the plan's chain already. */
  | 'conflict'
  /** 409: a handover after steps this relay does not have; post the whole chain from step 1. */
  | 'gap'
  /** 410: the plan was deleted. */
  | 'deleted'
  /** 413: the body is longer than the endpoint takes. */
  | 'too-large'
  /** 404: no such endpoint. */
  | 'not-found'
  /** 405: only POST (and OPTIONS). */
  | 'method-not-allowed'
  /** 503: the relay cannot store right now; try again later. */
  | 'storage-unavailable'
  /** 429: too many requests (or wrong meeting codes) from this address; see Retry-After. */
  | 'rate-limited'

/** The JSON body of every answer but 200. */
export interface PlanRequestRefused {
  code: PlanRequestRefusal
  /** A sentence for logs and operators (English); people get a sentence from the app's catalogs. */
  error: string
}

/**
 * Looking up a meeting's code: `GET /meeting-codes/<code>` answers 200 with
 * a `MeetingCodeLookup`, 404 (`not-found`) for a code that is unknown or has
 * expired, 400 (`malformed`) for what cannot be a code, and 429
 * (`rate-limited`) when this address tried too many wrong codes lately
 * (KRING_MAX_CODE_TRIES_PER_MINUTE): then the code is not even looked up, so
 * a limited address learns nothing about it.
 */
export const MEETING_CODE_PATH_PREFIX = '/meeting-codes/'

/** What a meeting code stands for. */
export interface MeetingCodeLookup {
  code: string
  planId: string
  /** The guest invitation (a token for several people): the app continues with it as with a link. */
  invitation: string
  /** When the code stops working, ms since 1970. */
  expiresAt: number
}

/** `meeting-codes/<code>`, relative like planEndpointPath. */
export function meetingCodePath(code: string): string {
  return `${MEETING_CODE_PATH_PREFIX.slice(1)}${encodeURIComponent(code)}`
}

/** Every path under this prefix is the plan endpoints' (server/http/requestHandler.ts). */
export const PLAN_PATH_PREFIX = '/plans/'

const PLAN_ID = /^[A-Za-z0-9_-]{1,64}$/

/** `plans/<planId>/<endpoint>`, relative, so a relay served under a path keeps it. */
export function planEndpointPath(planId: string, endpoint: PlanEndpoint): string {
  return `plans/${encodeURIComponent(planId)}/${endpoint}`
}

/** The plan id and endpoint of a request path, or undefined when the path names none. */
export function readPlanEndpointPath(path: string): { planId: string; endpoint: PlanEndpoint } | undefined {
  if (!path.startsWith(PLAN_PATH_PREFIX)) return undefined
  const [planId, endpoint, ...rest] = path.slice(PLAN_PATH_PREFIX.length).split('/')
  if (rest.length > 0 || planId === undefined || !PLAN_ID.test(planId) || endpoint === undefined || !Object.hasOwn(PLAN_ENDPOINTS, endpoint)) return undefined
  return { planId, endpoint: endpoint as PlanEndpoint }
}
