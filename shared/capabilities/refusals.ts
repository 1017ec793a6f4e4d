import { CloseCode } from '../protocol/closeCodes.ts'
import { EXPIRED_REASON } from './token.ts'

/**
 * Why the relay turned a connection away, in words both sides agree on: the
 * relay closes with these reasons, the app reads them back to tell a person
 * plainly what happened (close reasons are for programs and logs; people get
 * a sentence from the app's catalogs).
 */

/** The reason given when a token was taken back (a signed revocation). */
export const REVOKED_REASON = 'Invitation was revoked'
/** The reason given for every connection to a deleted plan. */
export const DELETED_REASON = 'This plan was deleted'
export { EXPIRED_REASON }

/**
 * What a person is told:
 * - `revoked`: the household took this invitation back;
 * - `expired`: the invitation's time is up;
 * - `deleted`: the household deleted the plan;
 * - `notForThisRoom`: the invitation is genuine but does not open this room (or is for another plan);
 * - `invalid`: no invitation, or one that is damaged or not made by the plan's key.
 */
export type RefusalKind = 'revoked' | 'expired' | 'deleted' | 'notForThisRoom' | 'invalid'

/** Reads a relay's close code and reason as one of the refusals a person can be told about; undefined for closes that are no refusal. */
export function refusalKind(code: number, reason: string): RefusalKind | undefined {
  if (code === CloseCode.unauthorized) return 'invalid'
  if (code !== CloseCode.forbidden) return undefined
  if (reason === REVOKED_REASON) return 'revoked'
  if (reason === EXPIRED_REASON) return 'expired'
  if (reason === DELETED_REASON) return 'deleted'
  return 'notForThisRoom'
}
