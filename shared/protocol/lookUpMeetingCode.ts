import { readMeetingCode } from './meetingCode.ts'
import { meetingCodePath, type MeetingCodeLookup } from './planEndpoints.ts'

/** How looking up a meeting code ended. */
export type MeetingCodeResult =
  /** The code stands for this guest link. */
  | { outcome: 'found'; answer: MeetingCodeLookup }
  /** What was typed cannot be a code (checked here, never sent). */
  | { outcome: 'malformed' }
  /** No meeting has this code (now): mistyped, or its time is up. */
  | { outcome: 'unknown' }
  /** Too many wrong codes from this address lately: wait `retryAfterSeconds`. */
  | { outcome: 'limited'; retryAfterSeconds: number }
  /** No network, or the relay is away or busy: try again. */
  | { outcome: 'later'; message: string }

/**
 * Looks up a typed meeting code at the relay at `relay` (its http(s) base):
 * `GET <relay>/meeting-codes/<code>` (planEndpoints.ts). Never throws.
 */
export async function lookUpMeetingCode(relay: string | URL, typed: string): Promise<MeetingCodeResult> {
  const code = readMeetingCode(typed)
  if (code === undefined) return { outcome: 'malformed' }
  const base = new URL(relay)
  if (!base.pathname.endsWith('/')) base.pathname += '/'
  let response: Response
  try {
    response = await fetch(new URL(meetingCodePath(code), base), { cache: 'no-store' })
  } catch (error) {
    return { outcome: 'later', message: `Cannot reach the relay at ${base.origin}: ${error instanceof Error ? error.message : String(error)}` }
  }
  const said = await response.text().catch(() => '')
  if (response.status === 200) {
    const answer = parseLookup(said)
    // A 200 that is not the relay's answer came from something in between (a captive portal).
    return answer === undefined ? { outcome: 'later', message: `The answer from ${base.origin} is not the relay's` } : { outcome: 'found', answer }
  }
  if (response.status === 404) return { outcome: 'unknown' }
  if (response.status === 400) return { outcome: 'malformed' }
  if (response.status === 429) return { outcome: 'limited', retryAfterSeconds: Math.max(1, Number(response.headers.get('retry-after')) || 60) }
  return { outcome: 'later', message: `HTTP ${response.status}` }
}

function parseLookup(text: string): MeetingCodeLookup | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const { code, planId, invitation, expiresAt } = parsed as Record<string, unknown>
  if (typeof code !== 'string' || typeof planId !== 'string' || typeof invitation !== 'string' || typeof expiresAt !== 'number') return undefined
  return { code, planId, invitation, expiresAt }
}
