/**
 * What the relay remembers about a plan beside its rooms' documents: the
 * household's signed decisions (architecture.md, decision 4): revocations,
 * deletions, handovers, registered invitations, which operator's
 * admission let a plan in, and its meetings' short codes, each as a few
 * methods with their own table.
 *
 * The texts kept are signed capabilities (shared/capabilities/): they were
 * verified before they were stored and hold no secret.
 */
export interface PlanRecords {
  /**
   * Stores a verified revocation of one of a plan's invitations (its signed
   * text, shared/capabilities/revocation.ts) durably. Storing the same text
   * again keeps one copy.
   */
  addRevocation(planId: string, revocation: string): Promise<void>

  /** The signed texts of a plan's stored revocations, oldest first. */
  revocationsOf(planId: string): Promise<string[]>

  /**
   * Stores a verified handover (shared/capabilities/handover.ts) as step
   * `sequence` of the plan's chain, durably. One text per step: when another
   * text holds that step already (two relay instances took different
   * handovers at once) the first stays. Resolves to the text the step holds
   * now, so the caller knows which one counts.
   */
  addHandover(planId: string, sequence: number, handover: string): Promise<string>

  /** The signed texts of a plan's handovers, step 1 first. */
  handoversOf(planId: string): Promise<string[]>

  /**
   * Stores a verified registration of an invitation
   * (shared/capabilities/registration.ts) durably, one per token id; the
   * first stays. Taking one back is a revocation, never a change here.
   */
  addRegistration(planId: string, tokenId: string, registration: string): Promise<void>

  /** The signed texts of a plan's registered invitations, oldest first. */
  registrationsOf(planId: string): Promise<string[]>

  /**
   * The right to erasure (shared/capabilities/deletion.ts): deletes every
   * stored byte of the plan's rooms (its RoomLog) and of its records
   * (revocations, handovers, registrations, meeting codes), and
   * remembers only the plan id and when, so it is refused from then on; all
   * at once. Deleting a deleted plan again changes nothing.
   */
  deletePlan(planId: string): Promise<void>

  /** Whether the plan was deleted. */
  isPlanDeleted(planId: string): Promise<boolean>

  /**
   * The plans with a revocation, handover or deletion stored within the last
   * `ms` milliseconds, by the storage's own clock: what another relay instance
   * may have changed, for the periodic recheck that does not rely on Redis.
   */
  plansChangedWithin(ms: number): Promise<string[]>

  /**
   * Records that an operator's admission (by its id) let `planId` in, for a
   * deployment that takes new plans only with one (KRING_ADMISSION_PUBLIC_KEY,
   * shared/capabilities/admission.ts). An admission lets in one plan: resolves
   * false, recording nothing, when its id already let in another. A plan
   * that was let in stays let in (true), whatever admission it shows later.
   * Kept when the plan is deleted, like the deletion itself: it names no content.
   */
  admitPlan(planId: string, admissionId: string): Promise<boolean>

  /** Whether an admission let the plan in. */
  isPlanAdmitted(planId: string): Promise<boolean>

  /**
   * Keeps a meeting's short code (shared/protocol/meetingCode.ts) for the
   * guest link it stands for, until `code.expiresAt`. Codes expired at `now`
   * are removed first. One code per guest link: when the plan's link
   * `tokenId` has a code already, that one stays and is returned; when
   * another link holds `code.code`, nothing is stored and undefined is
   * returned (the caller draws another code). Times are the relay's clock,
   * given, so every instance and a test's clock agree.
   */
  addMeetingCode(code: MeetingCode, now: number): Promise<MeetingCode | undefined>

  /** The meeting code `code` while it has not expired at `now`; undefined otherwise. */
  meetingCode(code: string, now: number): Promise<MeetingCode | undefined>

  /** Removes the codes expired at `now` (deletePlan removes a plan's codes too); resolves to how many. */
  removeExpiredMeetingCodes(now: number): Promise<number>
}

/** A meeting's short code as stored: what it stands for and until when. */
export interface MeetingCode {
  /** The code in its stored form (no dash). */
  code: string
  planId: string
  /** The id of the guest invitation, one code per invitation. */
  tokenId: string
  /** The guest invitation itself (a signed token for several people, verified before it was stored). */
  invitation: string
  /** ms since 1970. */
  expiresAt: number
}
