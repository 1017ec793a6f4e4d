import type { IncomingMessage, ServerResponse } from 'node:http'
import { PLAN_ENDPOINTS, readPlanEndpointPath, type PlanEndpoint, type PlanEndpointAnswers, type PlanRequestRefusal, type PlanRequestRefused } from '../../shared/protocol/planEndpoints.ts'

/** What a handler decided: the endpoint's answer once stored, or a named refusal. */
export type PlanRequestResult<Answer> = { ok: true; answer: Answer } | { ok: false; refusal: PlanRequestRefusal; message: string }

/** One handler per plan endpoint (shared/protocol/planEndpoints.ts): takes the plan id and the signed text, trimmed. */
export type PlanEndpointHandlers = {
  [E in PlanEndpoint]: (planId: string, text: string) => Promise<PlanRequestResult<PlanEndpointAnswers[E]>>
}

const STATUS: Record<PlanRequestRefusal, number> = {
  malformed: 400,
  forged: 403,
  'other-plan': 403,
  'handed-over': 403,
  expired: 403,
  replayed: 409,
  'not-empty': 409,
  'not-a-member': 403,
  conflict: 409,
  gap: 409,
  'not-found': 404,
  'method-not-allowed': 405,
  deleted: 410,
  'too-large': 413,
  'storage-unavailable': 503,
  'not-a-guest-link': 400,
  'rate-limited': 429,
}

/**
 * Where the household's signed decisions reach the relay: `POST
 * /plans/<planId>/<endpoint>` with the signed text as body
 * (shared/protocol/planEndpoints.ts). Answers 200 with the endpoint's JSON
 * answer once its handler has stored the decision, otherwise a named refusal
 * with its status. Never throws: a handler that fails (storage) answers 503.
 */
export async function handlePlanRequest(
  handlers: PlanEndpointHandlers,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  /** The relay's own body limits where configured (an import's: KRING_MAX_IMPORT_BYTES); the endpoint's default otherwise. */
  maxBodyLengths: Partial<Record<PlanEndpoint, number>> = {},
): Promise<void> {
  const target = readPlanEndpointPath(path)
  if (target === undefined) return refuse(response, 'not-found', `Not found: use /plans/<planId>/<${Object.keys(PLAN_ENDPOINTS).join('|')}>`)
  if (request.method === 'OPTIONS') return send(response, 204, undefined)
  if (request.method !== 'POST') return refuse(response, 'method-not-allowed', 'Use POST', { Allow: 'POST, OPTIONS' })
  const { planId, endpoint } = target
  const maxBodyLength = maxBodyLengths[endpoint] ?? PLAN_ENDPOINTS[endpoint].maxBodyLength
  // A character of a signed text is one byte (base64url); a trailing newline or two is allowed.
  const limit = maxBodyLength + 16
  const declared = Number(request.headers['content-length'] ?? 0)
  // Said to be too long: refused before a byte of it is read.
  if (declared > limit) return refuse(response, 'too-large', `A body for ${endpoint} is at most ${maxBodyLength} characters`, { Connection: 'close' })
  const body = await readBody(request, limit)
  if (body === undefined) return refuse(response, 'too-large', `A body for ${endpoint} is at most ${maxBodyLength} characters`, { Connection: 'close' })
  let result: PlanRequestResult<unknown>
  try {
    result = await (handlers[endpoint] as (planId: string, text: string) => Promise<PlanRequestResult<unknown>>)(planId, body.trim())
  } catch {
    // Only storage can fail here; the handler has logged nothing private, and neither do we.
    return refuse(response, 'storage-unavailable', 'The relay cannot store this right now; try again later')
  }
  if (!result.ok) return refuse(response, result.refusal, result.message)
  send(response, 200, result.answer as object)
}

/** The request body as text, or undefined when it is longer than `limit` bytes (reading stops there). */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      // Past the limit the rest is read and dropped, so the 413 still reaches the sender.
      if (size <= limit) chunks.push(chunk)
      else resolve(undefined)
    })
    request.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function refuse(response: ServerResponse, code: PlanRequestRefusal, error: string, headers: Record<string, string> = {}): void {
  const body: PlanRequestRefused = { code, error }
  send(response, STATUS[code], body, headers)
}

function send(response: ServerResponse, status: number, body: object | undefined, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    ...headers,
  })
  response.end(body === undefined ? undefined : JSON.stringify(body) + '\n')
}
