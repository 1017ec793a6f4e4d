/**
 * Sending a signed revocation or deletion to a relay. The relay's endpoints
 * (see server/http) take the capability's compact text as a text/plain body:
 *   POST <relay>/plans/<planId>/revocations
 *   POST <relay>/plans/<planId>/deletion
 */

export type RelayEndpoint = 'revocations' | 'deletion'

/** The relay's HTTP base from what an operator types: http(s) or ws(s) URL, with or without a trailing slash. */
export function relayBase(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new RangeError(`--relay "${text}" is not a URL; write for example https://relay.example.nl`)
  }
  if (url.protocol === 'ws:') url.protocol = 'http:'
  else if (url.protocol === 'wss:') url.protocol = 'https:'
  else if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`--relay must be an http(s) or ws(s) URL, got ${url.protocol}`)
  url.search = ''
  url.hash = ''
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url
}

/**
 * Posts a signed capability; resolves with the relay's JSON answer (what it
 * stored, how many live connections it closed) once stored, rejects with what
 * the relay said otherwise.
 */
export async function postToRelay(relay: URL, planId: string, endpoint: RelayEndpoint, capability: string): Promise<unknown> {
  const url = new URL(`plans/${encodeURIComponent(planId)}/${endpoint}`, relay)
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: capability })
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)
    throw new Error(`Cannot reach the relay at ${relay.origin}: ${cause}`)
  }
  const said = (await response.text().catch(() => '')).trim()
  if (response.ok) return parseJson(said)
  const error = parseJson(said)
  const message = typeof error === 'object' && error !== null && 'error' in error ? String(error.error) : said.slice(0, 300)
  throw new Error(`The relay at ${relay.origin} refused (HTTP ${response.status})${message ? `: ${message}` : ''}`)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
