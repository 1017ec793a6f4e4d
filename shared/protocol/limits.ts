/**
 * Default limits of the relay. The relay reads overrides from the environment
 * (server/config.ts); these are the documented defaults both sides agree on.
 */
export const DEFAULT_LIMITS = {
  /** Largest websocket frame the relay accepts, in bytes (KRING_MAX_MESSAGE_BYTES). */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Longest room name, in characters (KRING_MAX_ROOM_NAME_LENGTH). */
  maxRoomNameLength: 128,
  /** Rooms one relay process keeps open at once (KRING_MAX_ROOMS). */
  maxRooms: 10_000,
  /** Connections one room accepts (KRING_MAX_CONNECTIONS_PER_ROOM). */
  maxConnectionsPerRoom: 200,
  /** Messages per second one connection may send, sustained (KRING_MAX_MESSAGES_PER_SECOND). */
  maxMessagesPerSecond: 200,
  /** Burst of messages allowed above the sustained rate (KRING_MESSAGE_BURST). */
  messageBurst: 1_000,
  /** How long an empty room stays in memory before it is unloaded, in ms (KRING_ROOM_IDLE_MS). */
  roomIdleMs: 30_000,
} as const

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number }
