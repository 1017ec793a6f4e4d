/**
 * Sends a signed revocation or deletion to the relay that serves this app
 * (`POST /plans/<planId>/revocations|deletion`, the signed text as the body;
 * see server/http/planEndpoints.ts). The signature is the only credential.
 */
export type RelayAnswer =
  /** Stored by the relay: it acts on it from now on. */
  | { outcome: 'stored' }
  /** The relay will never take this (not signed by the plan key, the plan was deleted already): what it said. */
  | { outcome: 'refused'; message: string }
  /** No network, the relay is away or busy: try again later. */
  | { outcome: 'later' }

export type RelayEndpoint = 'revocations' | 'deletion'

/** Posts a signed decision; never throws. */
export async function postSigned(planId: string, endpoint: RelayEndpoint, text: string, origin: string = location.origin): Promise<RelayAnswer> {
  let response: Response
  try {
    response = await fetch(`${origin}/plans/${encodeURIComponent(planId)}/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: text,
      cache: 'no-store',
    })
  } catch {
    return { outcome: 'later' }
  }
  if (response.ok) return { outcome: 'stored' }
  // 5xx: the relay cannot store it right now; 408/429: it asks for patience. Everything else is its final word.
  if (response.status >= 500 || response.status === 408 || response.status === 429) return { outcome: 'later' }
  const said = await response.text().catch(() => '')
  return { outcome: 'refused', message: errorOf(said) || `HTTP ${response.status}` }
}

function errorOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body)
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) return String(parsed.error)
  } catch {
    // Not JSON: show nothing of it (it is not ours to interpret).
  }
  return ''
}
