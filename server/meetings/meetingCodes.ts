import { refusalCodeOf, type RefusalCode } from '../../shared/capabilities/refusals.ts'
import { readToken } from '../../shared/capabilities/token.ts'
import { newMeetingCode } from '../../shared/protocol/meetingCode.ts'
import type { PlanEndpointAnswers, PlanRequestRefusal } from '../../shared/protocol/planEndpoints.ts'
import { roomName } from '../../shared/protocol/rooms.ts'
import type { PlanAccess } from '../access/planAccess.ts'
import type { PlanRequestResult } from '../http/planEndpoints.ts'
import type { Logger } from '../log.ts'
import type { MeetingCode, PlanRecords } from '../storage/planRecords.ts'

export interface MeetingCodesOptions {
  records: PlanRecords
  access: PlanAccess
  logger: Logger
  /** How long a code works (KRING_MEETING_CODE_MINUTES), in ms; a guest link must be made within this time too. */
  lifetimeMs: number
  /** How far a signing device's clock may be ahead (KRING_MAX_CLOCK_SKEW_MS). */
  maxClockSkewMs: number
  /** The relay's clock, ms since 1970 (a test's own clock). */
  now(): number
}

/** Codes drawn before giving up: with ~887 million codes, a second draw is already rare. */
const DRAWS = 8

/**
 * A meeting's short codes (issue 10, "Joining on the spot"): the household's
 * device posts the meeting's guest link and gets a code that stands for it;
 * a guest types the code and gets the link. Kept in storage (PlanRecords),
 * so a restart and every instance know it; gone when it expires or the plan
 * is deleted, and useless once the link is taken back.
 *
 * The post needs no signature of its own: the guest link is signed by the
 * plan key, and it must be fresh (made within a code's lifetime), so an old
 * link someone kept cannot be given a code later.
 */
export class MeetingCodes {
  constructor(private readonly options: MeetingCodesOptions) {}

  /** Verifies a posted guest link for `planId` and gives it a code (the one it has, when posted again). */
  async create(planId: string, text: string): Promise<PlanRequestResult<PlanEndpointAnswers['meeting-code']>> {
    let room: string
    try {
      room = roomName(planId, readToken(text).room)
    } catch {
      return { ok: false, refusal: 'malformed', message: 'The body must be a guest invitation of this plan' }
    }
    const decision = await this.options.access.decide(room, text)
    if (!decision.ok) return refuse(refusalOf(refusalCodeOf(decision.reason)), decision.reason)
    const token = decision.token!
    if (!token.guests) return refuse('not-a-guest-link', 'A meeting code stands for a link for several people (a guest link), not for one person')
    const now = this.options.now()
    if (token.issuedAt < now - this.options.lifetimeMs - this.options.maxClockSkewMs) {
      return refuse('expired', `A meeting code is given to a guest link made within the last ${Math.round(this.options.lifetimeMs / 60_000)} minutes; make a new one`)
    }
    const expiresAt = Math.min(now + this.options.lifetimeMs, token.expiresAt ?? Number.POSITIVE_INFINITY)
    for (let draw = 0; draw < DRAWS; draw++) {
      const stored = await this.options.records.addMeetingCode({ code: newMeetingCode(), planId, tokenId: token.id, invitation: text, expiresAt }, now)
      if (stored !== undefined) {
        this.options.logger.info({ planId }, 'meeting code given')
        return { ok: true, answer: { planId, code: stored.code, expiresAt: stored.expiresAt } }
      }
    }
    // Storage answers "taken" every time only when something is wrong with it.
    throw new Error(`No free meeting code after ${DRAWS} draws`)
  }

  /**
   * The guest link `code` stands for, while the code has not expired and the
   * link still lets people in (not taken back, the plan not deleted).
   */
  async lookUp(code: string): Promise<MeetingCode | undefined> {
    const found = await this.options.records.meetingCode(code, this.options.now())
    if (found === undefined) return undefined
    let room: string
    try {
      room = roomName(found.planId, readToken(found.invitation).room)
    } catch {
      // Verified before it was stored; one that cannot be read is not handed out.
      this.options.logger.error({ planId: found.planId }, 'a stored meeting code holds no readable invitation')
      return undefined
    }
    const decision = await this.options.access.decide(room, found.invitation)
    return decision.ok ? found : undefined
  }
}

/** A refused token, as a refusal of this endpoint. */
function refusalOf(code: RefusalCode | undefined): PlanRequestRefusal {
  switch (code) {
    case 'token-forged':
      return 'forged'
    case 'other-plan':
      return 'other-plan'
    case 'deleted':
      return 'deleted'
    case 'handed-over':
      return 'handed-over'
    case 'expired':
    case 'revoked':
    case 'not-yet-valid':
      return 'expired'
    default:
      return 'malformed'
  }
}

function refuse(refusal: PlanRequestRefusal, message: string): { ok: false; refusal: PlanRequestRefusal; message: string } {
  return { ok: false, refusal, message }
}
