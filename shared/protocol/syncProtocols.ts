/**
 * How a device shows its invitation when it opens `/sync/<room>`: in the
 * websocket handshake's `Sec-WebSocket-Protocol` header, never in the URL.
 * A browser prints the URL of every websocket that fails (no network, relay
 * away) in the console, and proxies log URLs; the header is printed by
 * neither.
 *
 * The device offers `[SYNC_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token]`. The
 * relay answers `SYNC_PROTOCOL` (a browser fails a handshake whose answer
 * is not one it offered) and reads the token from the other entry; it never
 * answers the token's entry, so the token is not sent back either.
 */

/** The subprotocol the relay answers: Kring's y-websocket sync. */
export const SYNC_PROTOCOL = 'kring'

/** An offered subprotocol that starts with this carries the invitation token after it. */
export const TOKEN_PROTOCOL_PREFIX = 'kring.token.'

/**
 * Characters a subprotocol may hold that a token uses: base64url, all an
 * invitation token is written in (shared/capabilities/signed.ts). A token
 * with anything else cannot be genuine, and would make the browser throw.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/

/**
 * The subprotocols a device offers to show `token`. A token that cannot be
 * genuine is not offered, and the relay says it is missing rather than
 * malformed. That is deliberate: the person is told the same either way
 * (both are `invalid`, shared/capabilities/refusals.ts); the app stores only
 * tokens it could read, so only a damaged device database holds one; and
 * offering a stand-in instead would turn such a device away from a relay
 * that lets tokenless devices in (KRING_REQUIRE_TOKENS=false).
 */
export function syncProtocols(token: string | undefined): string[] {
  return token !== undefined && TOKEN_PATTERN.test(token) ? [SYNC_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token] : [SYNC_PROTOCOL]
}

/** The token among offered subprotocols, or undefined when none carries one. */
export function tokenFromProtocols(offered: Iterable<string>): string | undefined {
  for (const protocol of offered) {
    if (protocol.startsWith(TOKEN_PROTOCOL_PREFIX) && protocol.length > TOKEN_PROTOCOL_PREFIX.length) return protocol.slice(TOKEN_PROTOCOL_PREFIX.length)
  }
  return undefined
}
