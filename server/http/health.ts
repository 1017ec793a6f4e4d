import type { ServerResponse } from 'node:http'

/** What `GET /healthz` answers: whether storage answers, and how busy the relay is. */
export interface Health {
  ok: boolean
  rooms: number
  connections: number
  /** The storage backend's kind ("sqlite", "postgres"). */
  storage: string
  /** Whether storage answers; without it the relay refuses edits, so `ok` is false. */
  storageOk: boolean
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
