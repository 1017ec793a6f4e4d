import { planEndpointPath, type PlanEndpoint, type PlanEndpointAnswers, type PlanRequestRefusal } from './planEndpoints.ts'

/** How a post of a signed text ended. */
export type SignedPostResult<E extends PlanEndpoint> =
  /** Stored by the relay: it acts on it from now on. */
  | { outcome: 'stored'; answer: PlanEndpointAnswers[E] }
  /** The relay will never take this text (not signed by the plan key, the plan was deleted already, ...). */
  | { outcome: 'refused'; status: number; code: PlanRequestRefusal | undefined; message: string }
  /** No network, the relay is away or busy: the same text may be sent again later. */
  | { outcome: 'later'; status: number | undefined; message: string }

/**
 * Posts a signed text to a plan endpoint of the relay at `relay` (its
 * http(s) base, e.g. the app's own origin): `POST <relay>/plans/<planId>/<endpoint>`
 * (planEndpoints.ts). Never throws; says whether the relay stored it,
 * refused it for good, or should be asked again later.
 */
export async function postSignedText<E extends PlanEndpoint>(relay: string | URL, planId: string, endpoint: E, text: string): Promise<SignedPostResult<E>> {
  const base = new URL(relay)
  if (!base.pathname.endsWith('/')) base.pathname += '/'
  let response: Response
  try {
    response = await fetch(new URL(planEndpointPath(planId, endpoint), base), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: text,
      cache: 'no-store',
    })
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)
    return { outcome: 'later', status: undefined, message: `Cannot reach the relay at ${base.origin}: ${cause}` }
  }
  const said = await response.text().catch(() => '')
  if (response.ok) {
    const answer = parseJson(said)
    // A 200 that is not the relay's JSON came from something in between (a captive portal): not stored.
    if (typeof answer !== 'object' || answer === null) return { outcome: 'later', status: response.status, message: `The answer from ${base.origin} is not the relay's` }
    return { outcome: 'stored', answer: answer as PlanEndpointAnswers[E] }
  }
  const { code, error } = readRefused(said)
  const message = error ?? `HTTP ${response.status}`
  // 5xx: the relay cannot store it right now; 408/429: it asks for patience. Everything else is its final word.
  if (response.status >= 500 || response.status === 408 || response.status === 429) return { outcome: 'later', status: response.status, message }
  return { outcome: 'refused', status: response.status, code, message }
}

/** The relay's refusal body; what is not ours to read (a proxy's error page) gives nothing. */
function readRefused(body: string): { code: PlanRequestRefusal | undefined; error: string | undefined } {
  const parsed = parseJson(body)
  if (typeof parsed !== 'object' || parsed === null) return { code: undefined, error: undefined }
  const { code, error } = parsed as Record<string, unknown>
  return { code: typeof code === 'string' ? (code as PlanRequestRefusal) : undefined, error: typeof error === 'string' ? error : undefined }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
