import type { FanOut } from '../fanout/fanout.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RoomRegistry } from '../rooms/roomRegistry.ts'
import { RelayCloseCode } from '../sync/relayCloseCodes.ts'
import type { PlanAccess } from './planAccess.ts'

export interface AccessRecheckOptions {
  access: Pick<PlanAccess, 'recheckRecent' | 'recheckedAt'>
  fanOut: Pick<FanOut, 'kind' | 'unavailableSince'>
  rooms: Pick<RoomRegistry, 'evictAll'>
  logger: Logger
  /** KRING_ACCESS_RECHECK_MS. */
  intervalMs: number
  /** KRING_REDIS_OUTAGE_LIMIT_MS. */
  outageLimitMs: number
}

/** What a recheck asks storage about beyond its own interval: a change committed late (a query may take up to 10 s) is still seen. */
const RECHECK_MARGIN_MS = 10_000

/** Why live exchange stops past the outage limit. */
export const ACCESS_UNCHECKED_REASON = 'This relay cannot check access with the other relay instances right now; try again later'

/**
 * Redis away means closed, not open (issue 16). With more than one relay
 * instance, a revocation or deletion may reach another instance; Redis tells
 * this one at once, and this recheck makes sure it hears even while Redis is
 * away: every `intervalMs` it asks shared storage which plans changed lately
 * and rechecks those it holds. Should Redis be out of reach for longer than
 * `outageLimitMs` while the recheck also fails (storage away too), this
 * instance can no longer know what another revoked or deleted: it closes its
 * rooms with 1013 and refuses new connections (`open` is false) until either
 * is back. Clients reconnect and resync on their own. A single relay (no
 * Redis) has nobody else to hear from and never runs this.
 */
export function startAccessRecheck(options: AccessRecheckOptions): { open(): boolean; stop(): void } {
  if (options.fanOut.kind === 'local') return { open: () => true, stop: () => {} }
  let closed = false
  let running = false
  const tick = async (): Promise<void> => {
    if (running) return
    running = true
    try {
      await options.access.recheckRecent(2 * options.intervalMs + RECHECK_MARGIN_MS)
    } catch (error) {
      options.logger.warn({ err: errorSummary(error) }, 'could not recheck access against storage')
    } finally {
      running = false
    }
    const now = Date.now()
    const downSince = options.fanOut.unavailableSince()
    const unsure = downSince !== undefined && now - downSince > options.outageLimitMs && now - options.access.recheckedAt > options.outageLimitMs
    if (unsure && !closed) {
      closed = true
      options.logger.error({ outageLimitMs: options.outageLimitMs }, 'Redis and the access recheck are both away too long: closing live exchange until one is back')
      await options.rooms.evictAll(RelayCloseCode.accessUnchecked, ACCESS_UNCHECKED_REASON)
    } else if (!unsure && closed) {
      closed = false
      options.logger.info('access can be checked again: live exchange reopens')
    }
  }
  const timer = setInterval(() => void tick(), options.intervalMs)
  timer.unref()
  return {
    open: () => !closed,
    stop: () => clearInterval(timer),
  }
}
