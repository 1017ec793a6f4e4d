import type { IncomingMessage, ServerResponse } from 'node:http'
import { readMeetingCode } from '../../shared/protocol/meetingCode.ts'
import { MEETING_CODE_PATH_PREFIX, type MeetingCodeLookup, type PlanRequestRefused } from '../../shared/protocol/planEndpoints.ts'
import type { MeetingCodes } from '../meetings/meetingCodes.ts'
import type { RelayMetrics } from '../metrics/relayMetrics.ts'
import type { AddressRates } from '../quotas/addressRates.ts'

export interface MeetingCodeLookupOptions {
  codes: MeetingCodes
  /** Wrong codes per address (KRING_MAX_CODE_TRIES_PER_MINUTE, KRING_CODE_TRY_BURST). */
  tries: AddressRates
  addressOf(request: IncomingMessage): string
  metrics?: RelayMetrics
}

/**
 * `GET /meeting-codes/<code>` (shared/protocol/planEndpoints.ts): the guest
 * link a meeting's code stands for. Only wrong tries count against the
 * address (a right code is no guess), and an address past its limit is
 * answered 429 before the code is looked up: a wrong code and a limited
 * address differ in their status only, never in what they reveal.
 */
export function meetingCodeLookup(options: MeetingCodeLookupOptions): (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void> {
  return async (request, response, path) => {
    if (request.method === 'OPTIONS') return send(response, 204, undefined)
    if (request.method !== 'GET') return send(response, 405, refused('method-not-allowed', 'Use GET'), { Allow: 'GET, OPTIONS' })
    const address = options.addressOf(request)
    if (!options.tries.canTake(address)) {
      options.metrics?.refusedRequest('rate_limited')
      return send(response, 429, refused('rate-limited', 'Too many wrong meeting codes from your address; try again later'), {
        'Retry-After': String(options.tries.retryAfterSeconds),
      })
    }
    const code = readMeetingCode(decodedSegment(path.slice(MEETING_CODE_PATH_PREFIX.length)))
    if (code === undefined) {
      options.tries.take(address)
      return send(response, 400, refused('malformed', 'A meeting code is six letters and digits, like KR7-4MX'))
    }
    const found = await options.codes.lookUp(code)
    if (found === undefined) {
      options.tries.take(address)
      return send(response, 404, refused('not-found', 'No meeting has this code (now)'))
    }
    const answer: MeetingCodeLookup = { code: found.code, planId: found.planId, invitation: found.invitation, expiresAt: found.expiresAt }
    send(response, 200, answer)
  }
}

/** The path's last part decoded, or '' when it does not decode (it is then no code). */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return ''
  }
}

function refused(code: PlanRequestRefused['code'], error: string): PlanRequestRefused {
  return { code, error }
}

function send(response: ServerResponse, status: number, body: object | undefined, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    // A guest's app on the relay's own origin asks; another origin may too, like the plan endpoints.
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, OPTIONS',
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    ...headers,
  })
  response.end(body === undefined ? undefined : JSON.stringify(body) + '\n')
}
