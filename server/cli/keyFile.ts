import { readFile, stat, writeFile } from 'node:fs/promises'
import { importHeldPlanKey } from '../../shared/capabilities/handover.ts'
import { keyFileText } from '../../shared/identity/keyHandover.ts'
import { exportPlanKey, type ExportedPlanKey, type PlanKey } from '../../shared/identity/planKey.ts'
import { errorSummary } from '../log.ts'

/**
 * A plan key on disk: the ExportedPlanKey JSON, readable by its owner only
 * (mode 0600). Whoever holds this file manages the plan, so it is never
 * overwritten and never printed.
 */

/** Writes a new key file; refuses when the file exists, so a plan key is never lost by accident. */
export async function writeKeyFile(path: string, key: PlanKey): Promise<void> {
  const json = keyFileText(await exportPlanKey(key))
  try {
    await writeFile(path, json, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if (isErrno(error, 'EEXIST')) throw new Error(`${path} already exists; choose another file (a plan key is never overwritten)`)
    if (isErrno(error, 'ENOENT')) throw new Error(`Cannot write ${path}: its folder does not exist`)
    throw error
  }
}

/** Reads a key file and checks that its public key hashes to its plan id. Errors say what to do. */
export async function readKeyFile(path: string, warn: (message: string) => void): Promise<PlanKey> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (isErrno(error, 'ENOENT')) throw new Error(`No key file at ${path}; make one with: kring plan new --key ${path}`)
    throw error
  }
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) {
    warn(`${path} can be read by other users of this machine; run: chmod 600 ${path}`)
  }
  let exported: unknown
  try {
    exported = JSON.parse(text)
  } catch {
    throw new Error(`${path} is not a plan key file (not JSON)`)
  }
  if (!isExportedPlanKey(exported)) throw new Error(`${path} is not a plan key file (needs planId, publicKey and privateKey)`)
  try {
    return await importHeldPlanKey(exported)
  } catch (error) {
    throw new Error(`${path} holds no usable plan key: ${errorSummary(error).message}`)
  }
}

function isExportedPlanKey(value: unknown): value is ExportedPlanKey {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  const handovers = record.handovers
  const handoversOk = handovers === undefined || (Array.isArray(handovers) && handovers.every((text) => typeof text === 'string'))
  return typeof record.planId === 'string' && typeof record.publicKey === 'string' && typeof record.privateKey === 'string' && handoversOk
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}
