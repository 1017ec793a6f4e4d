import { verifyAdmission } from '../../shared/capabilities/admission.ts'
import { refusalReason } from '../../shared/capabilities/refusals.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import type { Logger } from '../log.ts'
import type { RefusalReason } from '../metrics/relayMetrics.ts'
import { NewPlansPerAddress } from '../quotas/newPlansPerAddress.ts'
import type { PlanRecords } from '../storage/planRecords.ts'
import type { RoomLog } from '../storage/roomLog.ts'

export interface NewPlanGateOptions {
  records: Pick<PlanRecords, 'admitPlan' | 'isPlanAdmitted'> & Pick<RoomLog, 'planSize'>
  /** KRING_ADMISSION_PUBLIC_KEY: the operator's raw Ed25519 public key (base64url); undefined leaves the relay open to every plan. */
  admissionKey: string | undefined
  /** KRING_MAX_NEW_PLANS_PER_ADDRESS_PER_HOUR. */
  maxNewPlansPerAddressPerHour: number
  logger: Logger
}

/** Whether a plan may be opened: `held` when this relay holds it already (stored content, or an admission), so the room cap does not apply. */
export type NewPlanDecision = { ok: true; held: boolean } | { ok: false; code: number; reason: string; metric: RefusalReason }

/**
 * Who may bring a new plan to this relay (issue 16: anyone can make a plan
 * key, so anyone could fill a relay with plans of their own). A plan this
 * relay holds (something stored, or let in by an admission) always passes.
 * A new one passes
 * - with an admission signed by the operator, when the operator requires
 *   one (KRING_ADMISSION_PUBLIC_KEY; shared/capabilities/admission.ts): it
 *   is recorded, so that admission lets in no other plan;
 * - otherwise while its client address has opened fewer than
 *   KRING_MAX_NEW_PLANS_PER_ADDRESS_PER_HOUR new plans in the last hour.
 */
export class NewPlanGate {
  private readonly perAddress: NewPlansPerAddress

  constructor(private readonly options: NewPlanGateOptions) {
    this.perAddress = new NewPlansPerAddress(options.maxNewPlansPerAddressPerHour)
  }

  /** Decides for a connection to one of `planId`'s rooms from `address`, showing `admissionText` (the `admission` query parameter) or none. */
  async decide(planId: string, address: string, admissionText: string | undefined): Promise<NewPlanDecision> {
    const { records, admissionKey } = this.options
    if ((await records.planSize(planId)).bytes > 0 || (await records.isPlanAdmitted(planId))) return { ok: true, held: true }
    if (admissionKey !== undefined) return this.admit(planId, admissionKey, admissionText)
    if (!this.perAddress.take(address, planId)) {
      return {
        ok: false,
        code: CloseCode.rateLimited,
        reason: 'Too many new plans from your address; try again in an hour',
        metric: 'too_many_new_plans',
      }
    }
    return { ok: true, held: false }
  }

  close(): void {
    this.perAddress.close()
  }

  private async admit(planId: string, admissionKey: string, text: string | undefined): Promise<NewPlanDecision> {
    if (text === undefined) return notAdmitted('This relay takes a new plan only with an admission from its operator')
    const check = await verifyAdmission(text, { operatorKey: admissionKey, planId, now: Date.now() })
    if (!check.ok) return notAdmitted(`The admission does not let this plan in: ${check.reason}`)
    if (!(await this.options.records.admitPlan(planId, check.admission.id))) return notAdmitted('This admission has let in another plan already')
    this.options.logger.info({ planId }, 'plan admitted')
    return { ok: true, held: true }
  }
}

function notAdmitted(sentence: string): NewPlanDecision {
  return { ok: false, code: CloseCode.forbidden, reason: refusalReason('not-admitted', sentence), metric: 'not_admitted' }
}
