/**
 * Websocket close codes the relay uses, so clients can tell people why a
 * connection ended. 4000–4999 is the range RFC 6455 leaves to applications;
 * the HTTP-like numbers make them easy to read in logs.
 */
export const CloseCode = {
  /** A frame was bigger than the relay's message limit (RFC 6455 "message too big"). */
  messageTooBig: 1009,
  /** The relay is shutting down; reconnect later. */
  goingAway: 1001,
  /** A frame could not be decoded as a y-websocket message. */
  malformedMessage: 4400,
  /** The room name is too long or holds characters a room name may not have. */
  invalidRoomName: 4404,
  /** Missing, malformed or forged invitation token. */
  unauthorized: 4401,
  /** Valid token, but not for this room, expired, revoked, or the plan was deleted. */
  forbidden: 4403,
  /**
   * Too many messages in too short a time from this connection, too many
   * connections from its address, or too many new plans from its address
   * in the last hour: try again later.
   */
  rateLimited: 4429,
  /** Storing this update would take the plan past what the relay stores for one plan (KRING_MAX_PLAN_BYTES). */
  planTooLarge: 4413,
  /** Updates whose causes never arrived pass what the relay holds back for a room (KRING_MAX_PENDING_BYTES). */
  pendingTooLarge: 4422,
  /** This connection does not read what the relay sends, and what waits for it passed KRING_MAX_BUFFERED_BYTES. */
  tooSlow: 4408,
  /** The relay holds as many rooms (or connections) as it is configured to. */
  relayFull: 4503,
} as const

export type CloseCodeName = keyof typeof CloseCode
