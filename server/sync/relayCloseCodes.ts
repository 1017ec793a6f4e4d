/**
 * Close codes the relay needs beyond shared/protocol/closeCodes.ts. Kept here
 * until the client shows a message for them; then they belong in the shared list.
 */
export const RelayCloseCode = {
  /**
   * The room's storage cannot be read or written right now (RFC 6455 1011,
   * "internal error"). The client keeps its copy and may reconnect later.
   */
  storageUnavailable: 1011,
  /**
   * This instance cannot tell right now whether another instance revoked or
   * deleted something (Redis and the storage recheck both away too long;
   * RFC 6455 1013, "try again later"). The client keeps its copy and reconnects.
   */
  accessUnchecked: 1013,
} as const
