import { CloseCode } from '../protocol/closeCodes.ts'

/**
 * Why the relay turned a connection away, by name. The relay closes with
 * 4401 or 4403 and a reason `<code>: <sentence>`: programs read the code
 * (`refusalCodeOf`), the sentence is for logs, and people get a sentence
 * from the app's catalogs. Matching on the sentence instead would break the
 * day someone rewords it.
 */
export const REFUSAL_CODES = [
  /** No token at all (4401). */
  'token-missing',
  /** Not a token, or a damaged one (4401). */
  'token-malformed',
  /** Not signed by the key of the plan it names (4401). */
  'token-forged',
  /** Genuine, but for another plan (4403). */
  'other-plan',
  /** The role may never open this room (4403). */
  'role-may-not-open',
  /** The role may, but this invitation was made for a wider room only (4403). */
  'invitation-does-not-open',
  'expired',
  'revoked',
  /** Signed by a key that had handed the plan over by then (4403): as good as taken back (issue 11). */
  'handed-over',
  'deleted',
  /** Dated further in the future than clocks differ: a device's clock runs ahead (4403). */
  'not-yet-valid',
  /** A new plan, on a relay that takes new plans only with an operator's admission, without a valid one (4403). */
  'not-admitted',
] as const

export type RefusalCode = (typeof REFUSAL_CODES)[number]

/** A close reason: the code, then a short sentence for logs. Never holds the token. */
export function refusalReason(code: RefusalCode, sentence: string): string {
  return `${code}: ${sentence}`
}

/** The reason given when a token was taken back (a signed revocation). */
export const REVOKED_REASON = refusalReason('revoked', 'Invitation was revoked')
/** The reason given for every connection to a deleted plan. */
export const DELETED_REASON = refusalReason('deleted', 'This plan was deleted')
/** The reason given for an expired token, when it is presented and when a connection's token expires. */
export const EXPIRED_REASON = refusalReason('expired', 'Invitation has expired')

/** The code at the start of a relay's close reason, or undefined when it carries none. */
export function refusalCodeOf(reason: string): RefusalCode | undefined {
  const code = reason.slice(0, reason.indexOf(':'))
  return (REFUSAL_CODES as readonly string[]).includes(code) ? (code as RefusalCode) : undefined
}

/**
 * What a person is told:
 * - `revoked`: the household took this invitation back;
 * - `expired`: the invitation's time is up;
 * - `deleted`: the household deleted the plan;
 * - `notForThisRoom`: the invitation is genuine but does not open this room (or is for another plan);
 * - `invalid`: no invitation, or one that is damaged or not made by the plan's key;
 * - `clockAhead`: the invitation is dated in the future: the clock of the device that made it runs ahead;
 * - `notAdmitted`: this relay takes a new plan only with an admission code from its operator (the wijkteam).
 */
export type RefusalKind = 'revoked' | 'expired' | 'deleted' | 'notForThisRoom' | 'invalid' | 'clockAhead' | 'notAdmitted'

const KIND_OF_CODE: Record<RefusalCode, RefusalKind> = {
  'token-missing': 'invalid',
  'token-malformed': 'invalid',
  'token-forged': 'invalid',
  'other-plan': 'notForThisRoom',
  'role-may-not-open': 'notForThisRoom',
  'invitation-does-not-open': 'notForThisRoom',
  expired: 'expired',
  revoked: 'revoked',
  'handed-over': 'revoked',
  deleted: 'deleted',
  'not-yet-valid': 'clockAhead',
  'not-admitted': 'notAdmitted',
}

/** The reasons of relays from before the codes, which a device may still meet while its relay is not yet updated. */
const EARLIER_REASONS: Record<string, RefusalKind> = {
  'Invitation was revoked': 'revoked',
  'Invitation has expired': 'expired',
  'This plan was deleted': 'deleted',
}

/** Reads a relay's close code and reason as one of the refusals a person can be told about; undefined for closes that are no refusal. */
export function refusalKind(code: number, reason: string): RefusalKind | undefined {
  if (code !== CloseCode.unauthorized && code !== CloseCode.forbidden) return undefined
  const named = refusalCodeOf(reason)
  if (named !== undefined) return KIND_OF_CODE[named]
  return code === CloseCode.unauthorized ? 'invalid' : (EARLIER_REASONS[reason] ?? 'notForThisRoom')
}
