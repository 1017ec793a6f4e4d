import type { ServerResponse } from 'node:http'

/** What `GET /healthz` answers: whether storage answers, and how busy the relay is. */
export interface Health {
  ok: boolean
  rooms: number
  connections: number
  /** The storage backend's kind ("sqlite", "postgres"). */
  storage: string
  /**
   * Whether storage answers and takes writes; without it the relay refuses
   * edits, so `ok` is false. A write that failed (a full disk) makes it false
   * until a write works again.
   */
  storageOk: boolean
  /**
   * Rooms whose stored data cannot be read: refused and left untouched for
   * the operator (their names are in the error log, not here). `ok` stays
   * true for them: every other room is served.
   */
  unreadableRooms: number
  /** How rooms reach other relay instances ("local", "redis"). */
  fanOut: string
  /**
   * Whether other instances can be reached. When not, `ok` stays true: this
   * relay still stores and serves its own clients, and rooms catch up from
   * storage once Redis is back; taking every instance out would help nobody.
   */
  fanOutOk: boolean
}

/** Writes the health report as JSON: 200 when ok, 503 when not (so load balancers take the relay out). */
export function sendHealth(response: ServerResponse, health: Health): void {
  response
    .writeHead(health.ok ? 200 : 503, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    .end(JSON.stringify(health))
}
