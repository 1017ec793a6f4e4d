import { createContext, type ReactNode } from 'react'
import type { RefusalKind } from '../../shared/capabilities/refusals.ts'
import type { Plan, PersonId } from '../../shared/plan/core.ts'
import type { DeviceAccess } from '../invitations/deviceAccess.ts'
import type { PlanConnection } from '../sync/planConnection.ts'
import type { PresenceUser } from '../sync/presence.ts'

/** What every instrument view gets about the open plan; read it with `usePlan()`. */
export interface PlanContextValue {
  /** The typed plan: the only way views read and write plan content. */
  plan: Plan
  planId: string
  /** The person on the people list who uses this device; pass it as `by` when writing. */
  me: PersonId | null
  /**
   * Whether this device may change the plan. False for a meelezer, and for
   * anyone the relay turned away (access taken back, plan deleted): the relay
   * would refuse their changes, so views show them read-only instead.
   */
  canWrite: boolean
  /** This device's role and whether it holds the plan key (and so manages the plan). */
  access: DeviceAccess
  /** Why the relay turns this device away, or null while it is let in. */
  refusal: RefusalKind | null
  /** How this device appears to others (name, colour, person), e.g. for editor carets. */
  user: PresenceUser
  /**
   * The plan's connection. Views need it only for collaboration carets
   * (`connection.provider`); everything else has a hook.
   */
  connection: PlanConnection
}

export const PlanContext = createContext<PlanContextValue | null>(null)

/** Makes an open plan available to the views below it. */
export function PlanProvider({ value, children }: { value: PlanContextValue; children: ReactNode }) {
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>
}
