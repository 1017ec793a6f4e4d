import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAdmission } from '../../shared/capabilities/admission.ts'
import { verifyToken } from '../../shared/capabilities/token.ts'
import { importPlanKey } from '../../shared/identity/planKey.ts'
import { roomName } from '../../shared/protocol/rooms.ts'
import { runKring } from '../../tests/support/kringCommand.ts'

const kring = runKring

let dir: string
let keyFile: string
let planId: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kring-cli-'))
  keyFile = join(dir, 'plan.key.json')
  const run = await kring('plan', 'new', '--key', keyFile)
  expect(run).toMatchObject({ code: 0, stderr: '' })
  planId = JSON.parse(run.stdout).planId
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('kring plan new', () => {
  it('writes a key file only its owner can read, holding the key of the plan id it printed', async () => {
    expect(planId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600)
    const key = await importPlanKey(JSON.parse(await readFile(keyFile, 'utf8')))
    expect(key.planId).toBe(planId)
  })

  it('never overwrites an existing key file', async () => {
    const before = await readFile(keyFile, 'utf8')
    const run = await kring('plan', 'new', '--key', keyFile)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/already exists/)
    expect(await readFile(keyFile, 'utf8')).toBe(before)
  })
})

describe('kring invite', () => {
  it('prints only a token the relay accepts, with the role, room, name and expiry asked for', async () => {
    const started = Date.now()
    const run = await kring('invite', '--key', keyFile, '--role', 'netwerk', '--name', 'Oma Riet', '--expires', '30d')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toMatch(/^[A-Za-z0-9_-]+\n$/)
    const check = await verifyToken(run.stdout.trim(), { room: roomName(planId, 'netwerk'), now: Date.now() })
    if (!check.ok) throw new Error(check.reason)
    expect(check.token).toMatchObject({ planId, role: 'netwerk', room: 'netwerk', name: 'Oma Riet' })
    expect(check.token.expiresAt! - check.token.issuedAt).toBe(30 * 86_400_000)
    expect(check.token.issuedAt).toBeGreaterThanOrEqual(started - 1000)
    expect((await verifyToken(run.stdout.trim(), { room: roomName(planId, 'huishouden'), now: Date.now() })).ok).toBe(false)
  })

  it('makes an eigenaar token that never expires and opens the huishouden room', async () => {
    const run = await kring('invite', '--key', keyFile, '--role', 'eigenaar')
    const check = await verifyToken(run.stdout.trim(), { room: roomName(planId, 'huishouden'), now: Date.now() })
    expect(check).toMatchObject({ ok: true, access: 'write', token: { role: 'eigenaar', expiresAt: null } })
  })

  it('keeps a netwerk invitation to the plan room when asked', async () => {
    const run = await kring('invite', '--key', keyFile, '--role', 'netwerk', '--room', 'plan')
    const token = run.stdout.trim()
    expect((await verifyToken(token, { room: planId, now: Date.now() })).ok).toBe(true)
    expect(await verifyToken(token, { room: roomName(planId, 'netwerk'), now: Date.now() })).toMatchObject({ ok: false, code: 4403 })
  })

  it('explains a wrong command line on stderr, prints nothing on stdout and exits non-zero', async () => {
    const cases: [string[], RegExp][] = [
      [['invite', '--key', keyFile, '--role', 'admin'], /--role must be one of eigenaar, huishouden, netwerk, professional, meelezer/],
      [['invite', '--key', keyFile, '--role', 'professional', '--room', 'netwerk'], /professional may not open the netwerk room/],
      [['invite', '--key', keyFile, '--role', 'netwerk', '--expires', '6m'], /not a duration/],
      [['invite', '--key', join(dir, 'missing.json'), '--role', 'netwerk'], /No key file at .*missing\.json/],
      [['invite', '--role', 'netwerk'], /--key is required/],
      [['frobnicate'], /Unknown command/],
    ]
    for (const [args, message] of cases) {
      const run = await kring(...args)
      expect(run.code, args.join(' ')).toBeGreaterThan(0)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(message)
    }
  })
})

describe('kring operator new and kring admit', () => {
  it('make the operator\'s key (printing the public key for KRING_ADMISSION_PUBLIC_KEY) and admissions it signed, for one plan or any', async () => {
    const operatorFile = join(dir, 'operator.key.json')
    const made = await kring('operator', 'new', '--key', operatorFile)
    expect(made).toMatchObject({ code: 0, stderr: '' })
    const { publicKey } = JSON.parse(made.stdout) as { publicKey: string }
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await stat(operatorFile)).mode & 0o777).toBe(0o600)

    const any = await kring('admit', '--key', operatorFile)
    expect(any.code).toBe(0)
    const check = await verifyAdmission(any.stdout.trim(), { operatorKey: publicKey, planId, now: Date.now() })
    expect(check).toMatchObject({ ok: true, admission: { planId: null } })
    // Thirty days unless said otherwise.
    expect(check.ok && check.admission.expiresAt! - check.admission.issuedAt).toBe(30 * 24 * 60 * 60 * 1000)

    const bound = await kring('admit', '--key', operatorFile, '--plan', planId, '--expires', 'never')
    expect(await verifyAdmission(bound.stdout.trim(), { operatorKey: publicKey, planId, now: Date.now() })).toMatchObject({ ok: true, admission: { planId, expiresAt: null } })
    expect((await kring('admit', '--key', operatorFile, '--plan', 'kort')).code).toBe(2)
  })
})
