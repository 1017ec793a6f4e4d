import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_CAPABILITY_LENGTH } from '../../shared/capabilities/signed.ts'
import type { PlanAccess, SignedRequestResult } from '../access/planAccess.ts'

/**
 * Where the household's signed decisions reach the relay (issue 5):
 *
 *   POST /plans/<planId>/revocations   body: a signed revocation (text/plain)
 *   POST /plans/<planId>/deletion      body: a signed deletion (text/plain)
 *
 * Answers 200 with JSON `{ planId, closedConnections, revoked? | deleted }`
 * once the decision is stored durably; 400 for a body that is no revocation
 * or deletion, 403 when it is not signed by this plan's key, 410 for a
 * revocation of a deleted plan, 413 for a body far too large. The signature
 * is the only credential, so any origin may post (CORS `*`): an app served
 * from another web server than the relay's works too.
 */
export const PLAN_ENDPOINT_PREFIX = '/plans/'

const PATH = /^\/plans\/([A-Za-z0-9_-]{1,64})\/(revocations|deletion)$/
/** Longest body read: a capability plus room for a trailing newline or two. */
const MAX_BODY_BYTES = MAX_CAPABILITY_LENGTH + 16

/** Handles a request under /plans/; never throws (storage failures answer 503). */
export async function handlePlanRequest(access: PlanAccess, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const match = PATH.exec(path)
  if (match === null) return send(response, 404, { error: 'Not found: use /plans/<planId>/revocations or /plans/<planId>/deletion' })
  if (request.method === 'OPTIONS') return send(response, 204, undefined)
  if (request.method !== 'POST') return send(response, 405, { error: 'Use POST' }, { Allow: 'POST, OPTIONS' })
  const [, planId, endpoint] = match as unknown as [string, string, 'revocations' | 'deletion']
  const body = await readBody(request, MAX_BODY_BYTES)
  if (body === undefined) {
    return send(response, 413, { error: `A signed ${endpoint === 'deletion' ? 'deletion' : 'revocation'} is at most ${MAX_CAPABILITY_LENGTH} characters` }, { Connection: 'close' })
  }
  let result: SignedRequestResult
  try {
    result = endpoint === 'revocations' ? await access.revoke(planId, body.trim()) : await access.deletePlan(planId, body.trim())
  } catch {
    // Only storage can fail here; PlanAccess has logged nothing private, and neither do we.
    return send(response, 503, { error: 'The relay cannot store this right now; try again later' })
  }
  if (!result.ok) return send(response, result.status, { error: result.message })
  const done = endpoint === 'revocations' ? { revoked: result.revoked } : { deleted: true }
  send(response, 200, { planId, ...done, closedConnections: result.closedConnections })
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
