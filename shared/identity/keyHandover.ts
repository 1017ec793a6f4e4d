import { importHeldPlanKey } from '../capabilities/handover.ts'
import { signWithPlanKey, verifyPlanSignature, type ExportedPlanKey, type PlanKey } from './planKey.ts'

/**
 * Handing the plan key to a second household member (issue 5): whoever holds
 * it manages the plan. Two forms of the same ExportedPlanKey:
 * - the key file: its JSON, the same file `kring plan new --key` writes, so
 *   the app and the command line read each other's files;
 * - a compact text `<planId>.<publicKey>.<privateKey>` (base64url parts, no
 *   padding) that fits a QR code, carried in a link's #fragment
 *   (`/#/sleutel/<text>`), so no web server sees or logs it.
 * A key that a handover made speak for its plan (issue 11) carries its
 * handovers along: in the file as `handovers`, in the compact text as more
 * `.`-separated parts after the private key.
 */

/** The compact text of a key, for a QR code or a link's #fragment. */
export function keyHandoverText(key: ExportedPlanKey): string {
  return [key.planId, key.publicKey, key.privateKey, ...(key.handovers ?? [])].join('.')
}

/** The key file's contents (JSON), as the command line writes them. */
export function keyFileText(key: ExportedPlanKey): string {
  const handovers = key.handovers ?? []
  const file = { planId: key.planId, publicKey: key.publicKey, privateKey: key.privateKey, ...(handovers.length > 0 ? { handovers } : {}) }
  return JSON.stringify(file, null, 2) + '\n'
}

/** Why a text is not a usable plan key; what the app tells a person. */
export type KeyProblem = 'notAKey' | 'damaged'

export type KeyReading = { ok: true; exported: ExportedPlanKey; key: PlanKey } | { ok: false; problem: KeyProblem }

const PART = /^[A-Za-z0-9_-]+$/
/** More handovers than a plan will ever see; a bound on what is read. */
const MAX_HANDOVERS = 32
/** The app's links that carry a key: a second household member's (`sleutel`), and a plan handed to the household (`overnemen`). */
const LINK_MARKS = ['#/sleutel/', '#/overnemen/']

/**
 * Reads a plan key from what a person gives: the key file's JSON, the
 * compact text, or a whole link holding it. Checks that the public key hashes
 * to the plan id and that the private key truly belongs to it (it signs, the
 * public key verifies), so a damaged or mixed-up key is refused here rather
 * than producing invitations the relay turns away. Never throws.
 */
export async function readKeyHandover(text: string): Promise<KeyReading> {
  const exported = parseKey(text.trim())
  if (!exported) return { ok: false, problem: 'notAKey' }
  try {
    const key = await importHeldPlanKey(exported)
    const probe = new TextEncoder().encode(`kring key check ${key.planId}`)
    if (!(await verifyPlanSignature(key.publicKey, await signWithPlanKey(key, probe), probe))) return { ok: false, problem: 'damaged' }
    return { ok: true, exported, key }
  } catch {
    // Not importable (wrong length, not a point, not PKCS#8) or not this plan's: damaged.
    return { ok: false, problem: 'damaged' }
  }
}

function parseKey(text: string): ExportedPlanKey | undefined {
  if (text.startsWith('{')) return parseJson(text)
  const mark = LINK_MARKS.find((candidate) => text.includes(candidate))
  const compact = mark ? text.slice(text.indexOf(mark) + mark.length) : text
  const parts = decodeURIComponentSafe(compact).split('.')
  if (parts.length < 3 || parts.length > 3 + MAX_HANDOVERS || !parts.every((part) => PART.test(part))) return undefined
  const [planId, publicKey, privateKey, ...handovers] = parts as [string, string, string, ...string[]]
  return handovers.length > 0 ? { planId, publicKey, privateKey, handovers } : { planId, publicKey, privateKey }
}

function parseJson(text: string): ExportedPlanKey | undefined {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return undefined
    const { planId, publicKey, privateKey, handovers } = value as Record<string, unknown>
    if (typeof planId !== 'string' || typeof publicKey !== 'string' || typeof privateKey !== 'string') return undefined
    if (handovers === undefined) return { planId, publicKey, privateKey }
    if (!Array.isArray(handovers) || handovers.length > MAX_HANDOVERS || !handovers.every((text) => typeof text === 'string')) return undefined
    return { planId, publicKey, privateKey, handovers: handovers as string[] }
  } catch {
    return undefined
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
