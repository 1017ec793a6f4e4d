import { postSignedText } from '../../shared/protocol/postSignedText.ts'
import type { PlanEndpoint, PlanEndpointAnswers } from '../../shared/protocol/planEndpoints.ts'

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
 * Posts a signed capability (shared/protocol/postSignedText.ts); resolves
 * with the relay's answer (what it stored, how many live connections it
 * closed) once stored, rejects with what the relay said otherwise.
 */
export async function postToRelay<E extends PlanEndpoint>(relay: URL, planId: string, endpoint: E, capability: string): Promise<PlanEndpointAnswers[E]> {
  const result = await postSignedText(relay, planId, endpoint, capability)
  if (result.outcome === 'stored') return result.answer
  if (result.status === undefined) throw new Error(result.message)
  throw new Error(`The relay at ${relay.origin} ${result.outcome === 'refused' ? 'refused' : 'cannot take it now'} (HTTP ${result.status}): ${result.message}`)
}
