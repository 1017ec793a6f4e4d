import { createInterface } from 'node:readline/promises'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { issueAdmission } from '../../shared/capabilities/admission.ts'
import { issueDeletion } from '../../shared/capabilities/deletion.ts'
import { issueRevocation, type RevocationScope } from '../../shared/capabilities/revocation.ts'
import { MalformedCapabilityError } from '../../shared/capabilities/signed.ts'
import { issueToken, readToken } from '../../shared/capabilities/token.ts'
import { handOverToNewKey, readHandover } from '../../shared/capabilities/handover.ts'
import { toBase64Url } from '../../shared/identity/base64url.ts'
import { createPlanKey, type PlanKey } from '../../shared/identity/planKey.ts'
import { ROLES } from '../../shared/protocol/roles.ts'
import { ROOM_KINDS } from '../../shared/protocol/rooms.ts'
import { errorSummary } from '../log.ts'
import { parseDuration } from './duration.ts'
import { readKeyFile, writeKeyFile } from './keyFile.ts'
import { postToRelay, relayBase } from './relayClient.ts'
import { exportFromRelay, importToRelay } from './transfer.ts'

/**
 * The operator's command line (issue 5): plan keys, invitations, revocation
 * and deletion, for scripts and for people without the app at hand; and the
 * operator's own key and plan admissions (issue 16). Results go
 * to stdout (for `invite`, only the token, so `$(kring invite ...)` works);
 * every error goes to stderr with a non-zero exit: 2 for a wrong command line,
 * 1 for anything else.
 */

const USAGE = `Usage: npm run --silent kring -- <command>

  plan new --key <file>
      Make a new plan key, write it to <file> (mode 0600; never overwritten)
      and print {"planId": ...}. Whoever holds this file manages the plan.

  invite --key <file> --role <${ROLES.join('|')}> [--room <${ROOM_KINDS.join('|')}>]
         [--name <name>] [--person <person id> | --guests] [--expires <45min|12h|30d|2w|never>]
      Print an invitation token, and nothing else. The room defaults to the most
      private room the role may open; expiry defaults to never for an eigenaar
      and 90 days for everyone else. --person names the person on the plan's
      people list it is for (who opens it IS that person); --guests makes a
      link for several people.

  revoke --key <file> --relay <url> (--token <token> | --id <token id> | --issued-before <ISO time|now> | --earlier-keys)
      Take back one invitation, every invitation signed before a moment (the
      eigenaar's own too), or, after a handover, everything the plan's earlier
      keys signed; the relay closes connections that use them.
      Sends POST <relay>/plans/<planId>/revocations and prints the relay's
      answer: {"planId", "revoked", "closedConnections"}.

  operator new --key <file>
      For a deployment that takes new plans only with an admission: make the
      operator's key, write it to <file> (mode 0600; never overwritten) and
      print {"publicKey": ...}; set KRING_ADMISSION_PUBLIC_KEY to it.

  admit --key <operator file> [--plan <plan id>] [--expires <45min|12h|30d|2w|never>]
      Print an admission, and nothing else: it lets one new plan onto the
      relay (the plan named, or the first to show it). Give it to a
      household as a link or a printed code. Expiry defaults to 30 days.

  delete --key <file> --relay <url> [--yes]
      Delete the plan and everything the relay stores of it, for good. Asks
      for the plan id first when run in a terminal, unless --yes is given.
      Sends POST <relay>/plans/<planId>/deletion and prints the relay's
      answer: {"planId", "deleted": true, "closedConnections"}.

  export --key <file> --relay <url>
      Print everything the relay holds of the plan (every room) as Kring's
      export file (docs/export-format.md): for the household's own copy or
      its data request. The request is signed by the plan key and counts
      once, for five minutes; nobody without the key gets a byte.

  import --file <export.json> --key <new key file> --relay <url>
      Create a new plan on the relay from an export, under the key in the
      key file (made there when it does not exist; never overwritten), and
      print {"planId": ...}. The relay refuses a plan it holds already.

  handover --key <old key file> --to <new key file> --relay <url> [--person <person id>]
      Hand the plan to a new key: make it, write it to <new key file> (mode
      0600, with the handovers that make it speak for the plan), then send the
      signed handover to POST <relay>/plans/<planId>/handover and print
      {"planId", "handedOver": true, "keyFile"}. The plan id stays; from then on
      the relay refuses the old key. When sending failed, run the same command
      again: it sends the handover in <new key file> once more. Then take back
      what the old key signed: revoke --key <new key file> --earlier-keys.
`

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (command === 'plan' && rest[0] === 'new') return planNew(rest.slice(1))
  if (command === 'invite') return invite(rest)
  if (command === 'revoke') return revoke(rest)
  if (command === 'delete') return deletePlan(rest)
  if (command === 'export') return exportPlan(rest)
  if (command === 'import') return importPlan(rest)
  if (command === 'handover') return handOver(rest)
  if (command === 'operator' && rest[0] === 'new') return operatorNew(rest.slice(1))
  if (command === 'admit') return admit(rest)
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE)
    return
  }
  throw new UsageError(command === undefined ? 'No command given.' : `Unknown command "${[command, ...rest.slice(0, 1)].join(' ')}".`)
}

async function planNew(args: string[]): Promise<void> {
  const values = options(args, { key: { type: 'string' } })
  const keyFile = required(values.key, '--key')
  const key = await createPlanKey()
  await writeKeyFile(keyFile, key)
  print({ planId: key.planId, keyFile })
}

async function operatorNew(args: string[]): Promise<void> {
  const values = options(args, { key: { type: 'string' } })
  const keyFile = required(values.key, '--key')
  // An Ed25519 key made and kept like a plan key; its plan id means nothing.
  const key = await createPlanKey()
  await writeKeyFile(keyFile, key)
  print({ publicKey: toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey))), keyFile })
}

/** How long an admission lasts unless --expires says otherwise. */
const DEFAULT_ADMISSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000

async function admit(args: string[]): Promise<void> {
  const values = options(args, { key: { type: 'string' }, plan: { type: 'string' }, expires: { type: 'string' } })
  if (values.plan !== undefined && !/^[A-Za-z0-9_-]{22}$/.test(values.plan)) throw new UsageError('--plan must be a plan id: 22 base64url characters.')
  const lifetime = values.expires === undefined ? DEFAULT_ADMISSION_LIFETIME_MS : usage(() => parseDuration(values.expires!))
  const key = await loadKey(values.key)
  const now = Date.now()
  const admission = await issueAdmission(key, { planId: values.plan, issuedAt: now, expiresAt: lifetime === null ? null : now + lifetime })
  process.stdout.write(admission + '\n')
}

async function invite(args: string[]): Promise<void> {
  const values = options(args, {
    key: { type: 'string' },
    role: { type: 'string' },
    room: { type: 'string' },
    name: { type: 'string' },
    person: { type: 'string' },
    guests: { type: 'boolean' },
    expires: { type: 'string' },
  })
  const role = oneOf(required(values.role, '--role'), ROLES, '--role')
  const room = values.room === undefined ? undefined : oneOf(values.room, ROOM_KINDS, '--room')
  const lifetime = values.expires === undefined ? undefined : usage(() => parseDuration(values.expires!))
  const key = await loadKey(values.key)
  const now = Date.now()
  const expiresAt = lifetime === undefined ? undefined : lifetime === null ? null : now + lifetime
  const token = await usage(() => issueToken(key, { role, room, name: values.name, person: values.person, guests: values.guests, issuedAt: now, expiresAt }))
  process.stdout.write(token + '\n')
}

async function revoke(args: string[]): Promise<void> {
  const values = options(args, {
    key: { type: 'string' },
    relay: { type: 'string' },
    token: { type: 'string' },
    id: { type: 'string' },
    'issued-before': { type: 'string' },
    'earlier-keys': { type: 'boolean' },
  })
  const relay = usage(() => relayBase(required(values.relay, '--relay')))
  const key = await loadKey(values.key)
  const scope = revocationScope(values, key)
  print(await postToRelay(relay, key.planId, 'revocations', await issueRevocation(key, scope)))
}

async function deletePlan(args: string[]): Promise<void> {
  const values = options(args, { key: { type: 'string' }, relay: { type: 'string' }, yes: { type: 'boolean' } })
  const relay = usage(() => relayBase(required(values.relay, '--relay')))
  const key = await loadKey(values.key)
  if (!values.yes && process.stdin.isTTY) await confirmDeletion(key.planId, relay)
  print(await postToRelay(relay, key.planId, 'deletion', await issueDeletion(key)))
}

async function exportPlan(args: string[]): Promise<void> {
  const values = options(args, { key: { type: 'string' }, relay: { type: 'string' } })
  const relay = usage(() => relayBase(required(values.relay, '--relay')))
  const key = await loadKey(values.key)
  process.stdout.write(JSON.stringify(await exportFromRelay(relay, key), null, 2) + '\n')
}

async function importPlan(args: string[]): Promise<void> {
  const values = options(args, { file: { type: 'string' }, key: { type: 'string' }, relay: { type: 'string' } })
  const relay = usage(() => relayBase(required(values.relay, '--relay')))
  const file = required(values.file, '--file')
  const keyFile = required(values.key, '--key')
  const warn = (message: string) => process.stderr.write(`kring: warning: ${message}\n`)
  print(await importToRelay(relay, file, keyFile, warn))
}

/**
 * Hands the plan to a new key (issue 11). The new key file is written before
 * anything is sent, so the plan is never left with a handover at the relay
 * and no key to go with it; a run whose sending failed is repeated as is.
 */
async function handOver(args: string[]): Promise<void> {
  const values = options(args, { key: { type: 'string' }, to: { type: 'string' }, relay: { type: 'string' }, person: { type: 'string' } })
  const relay = usage(() => relayBase(required(values.relay, '--relay')))
  const to = required(values.to, '--to')
  const old = await loadKey(values.key)
  const next = (await successorIn(to, old)) ?? (await makeSuccessor(old, to, values.person))
  await postToRelay(relay, old.planId, 'handover', next.handovers.join('\n'))
  print({ planId: old.planId, handedOver: true, keyFile: to })
}

/** The key in `file` when it is the one `old` was handed to (a repeated run); undefined when there is no such file. */
async function successorIn(file: string, old: PlanKey): Promise<PlanKey | undefined> {
  let key: PlanKey
  try {
    key = await readKeyFile(file, (message) => process.stderr.write(`kring: warning: ${message}\n`))
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('No key file')) return undefined
    throw error
  }
  const last = key.handovers.at(-1)
  const oldKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', old.publicKey)))
  if (key.planId !== old.planId || last === undefined || toBase64Url(readHandover(last).from) !== oldKey) {
    throw new Error(`${file} already exists and holds another key; choose another file (a plan key is never overwritten)`)
  }
  return key
}

async function makeSuccessor(old: PlanKey, file: string, person: string | undefined): Promise<PlanKey> {
  const { next } = await usage(() => handOverToNewKey(old, { toPerson: person }))
  await writeKeyFile(file, next)
  return next
}

/** Exactly one of --token, --id, --issued-before and --earlier-keys, checked against the key's plan. */
function revocationScope(values: { token?: string; id?: string; 'issued-before'?: string; 'earlier-keys'?: boolean }, key: PlanKey): RevocationScope {
  const given = [values.token, values.id, values['issued-before'], values['earlier-keys'] || undefined].filter((value) => value !== undefined)
  if (given.length !== 1) throw new UsageError('Give exactly one of --token, --id, --issued-before and --earlier-keys.')
  if (values['earlier-keys']) {
    if (key.handovers.length === 0) throw new UsageError('--earlier-keys needs the key file of a plan that was handed over (its key has no earlier keys).')
    return { signedByEarlierKeys: true }
  }
  if (values.token !== undefined) {
    const token = usage(() => readToken(values.token!))
    if (token.planId !== key.planId) throw new Error(`This token belongs to plan ${token.planId}, not to ${key.planId} of the key file`)
    return { tokenId: token.id }
  }
  if (values.id !== undefined) {
    if (!/^[A-Za-z0-9_-]{22}$/.test(values.id)) throw new UsageError('--id must be a token id: 22 base64url characters.')
    return { tokenId: values.id }
  }
  const text = values['issued-before']!
  const issuedBefore = text === 'now' ? Date.now() : Date.parse(text)
  if (Number.isNaN(issuedBefore)) throw new UsageError(`--issued-before "${text}" is not a time; write for example 2025-03-01T12:00:00Z or now`)
  return { issuedBefore }
}

async function confirmDeletion(planId: string, relay: URL): Promise<void> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr })
  try {
    const answer = await prompt.question(`This deletes plan ${planId} and everything ${relay.origin} stores of it, for good.\nType the plan id to go ahead: `)
    if (answer.trim() !== planId) throw new Error('Not deleted: the plan id did not match')
  } finally {
    prompt.close()
  }
}

function loadKey(keyFile: string | undefined): Promise<PlanKey> {
  return readKeyFile(required(keyFile, '--key'), (message) => process.stderr.write(`kring: warning: ${message}\n`))
}

function options<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], spec: T) {
  return usage(() => parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values)
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required.`)
  return value
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}".`)
  return value as T
}

/** Runs `read` and turns what it throws about the command line (bad values, malformed tokens) into a UsageError. */
function usage<R>(read: () => R): R {
  try {
    const result = read()
    if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(asUsageError(error))) as R
    return result
  } catch (error) {
    throw asUsageError(error)
  }
}

function asUsageError(error: unknown): unknown {
  if (error instanceof RangeError || isParseArgsError(error)) return new UsageError(error.message)
  if (error instanceof MalformedCapabilityError) return new UsageError(`Not an invitation token (${error.message}).`)
  return error
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')
}

function print(result: unknown): void {
  process.stdout.write(JSON.stringify(result) + '\n')
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const { message } = errorSummary(error)
  process.stderr.write(`kring: ${message}\n`)
  if (error instanceof UsageError) process.stderr.write('See: npm run --silent kring -- help\n')
  process.exitCode = error instanceof UsageError ? 2 : 1
})
