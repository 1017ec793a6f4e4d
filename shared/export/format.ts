import * as Y from 'yjs'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { Plan } from '../plan/index.ts'
import { ROOM_KINDS, type RoomKind } from '../protocol/rooms.ts'
import { readableJson, type ReadableRoom } from './readable.ts'

/**
 * Kring's portable export (docs/export-format.md): one JSON file with, per
 * room this device may open, the readable fields of every instrument and
 * the room's whole Yjs state, so nothing is lost. Importing uses the Yjs
 * state; the readable fields are for people and other tools.
 */

/** What `format` says in every export. */
export const EXPORT_FORMAT = 'kring-export'
/** The version of the format this build writes; it reads this one and every earlier one. */
export const EXPORT_VERSION = 1

export interface ExportedRoom {
  readable: ReadableRoom
  /** The room's Yjs state (Y.encodeStateAsUpdate), base64. */
  yjs: string
}

export interface KringExport {
  format: typeof EXPORT_FORMAT
  version: number
  exportedAt: string
  /** The plan as exported: its id then (an import gets a new one) and the household's name. */
  plan: { id: string; householdName: string; title: string }
  rooms: Partial<Record<RoomKind, ExportedRoom>>
}

/** Builds the export of a plan from the documents of the rooms at hand (the plan room at least). */
export function buildExport(rooms: Partial<Record<RoomKind, Y.Doc>>, now: Date = new Date()): KringExport {
  const planDoc = rooms.plan
  if (!planDoc) throw new RangeError('An export needs the plan room')
  const meta = Plan.open(planDoc).meta.get()
  const exported: Partial<Record<RoomKind, ExportedRoom>> = {}
  for (const kind of ROOM_KINDS) {
    const doc = rooms[kind]
    if (doc) exported[kind] = { readable: readableJson(Plan.open(doc)), yjs: toBase64(Y.encodeStateAsUpdate(doc)) }
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    plan: { id: meta.planId, householdName: meta.householdName, title: meta.title },
    rooms: exported,
  }
}

/** An export that cannot be imported, with what is wrong in words a person can act on. */
export class ExportFileError extends Error {
  constructor(
    readonly reason: 'not-an-export' | 'newer-version' | 'damaged' | 'no-plan',
    message: string,
  ) {
    super(message)
    this.name = 'ExportFileError'
  }
}

/**
 * Reads an export's rooms for importing: checks the format and version and
 * that every room's Yjs state can be read. Throws ExportFileError, nothing else.
 */
export function readExport(value: unknown): { householdName: string; rooms: Partial<Record<RoomKind, Uint8Array>> } {
  const file = asObject(value)
  if (!file || file['format'] !== EXPORT_FORMAT) throw new ExportFileError('not-an-export', 'This is not a Kring export (no "format": "kring-export")')
  const version = file['version']
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ExportFileError('not-an-export', 'This Kring export has no valid "version"')
  if (version > EXPORT_VERSION) throw new ExportFileError('newer-version', `This export was made by a newer Kring (format version ${version}; this one reads up to ${EXPORT_VERSION})`)
  const rooms = asObject(file['rooms'])
  if (!rooms) throw new ExportFileError('damaged', 'This Kring export has no "rooms"')
  const states: Partial<Record<RoomKind, Uint8Array>> = {}
  for (const kind of ROOM_KINDS) {
    const room = asObject(rooms[kind])
    if (!room) continue
    const state = decodeState(room['yjs'], kind)
    states[kind] = state
  }
  if (!states.plan) throw new ExportFileError('no-plan', 'This Kring export holds no plan room')
  const plan = new Y.Doc()
  Y.applyUpdate(plan, states.plan)
  const meta = Plan.open(plan).meta
  if (meta.isEmpty()) throw new ExportFileError('no-plan', 'The plan room of this export is empty')
  return { householdName: meta.get().householdName, rooms: states }
}

/**
 * Makes the rooms of a new plan from an export: the same content under a new
 * plan id. What belonged to the old plan's key is renewed: the plan id in
 * its meta, and its invitations (a new key has invited nobody yet). Returns
 * each room's state to store or send.
 */
export function importAsNewPlan(rooms: Partial<Record<RoomKind, Uint8Array>>, newPlanId: string): Partial<Record<RoomKind, Uint8Array>> {
  const result: Partial<Record<RoomKind, Uint8Array>> = {}
  for (const kind of ROOM_KINDS) {
    const state = rooms[kind]
    if (!state) continue
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    doc.transact(() => {
      const meta = doc.getMap('meta')
      if (meta.size > 0) meta.set('planId', newPlanId)
      const invitations = doc.getMap('invitations')
      for (const key of [...invitations.keys()]) invitations.delete(key)
    })
    result[kind] = Y.encodeStateAsUpdate(doc)
    doc.destroy()
  }
  return result
}

function decodeState(value: unknown, kind: RoomKind): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new ExportFileError('damaged', `The ${kind} room of this export has no readable Yjs state`)
  try {
    const state = fromBase64(value)
    // Reading it into a document is the only real check that it is Yjs state.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    // A cut-off state applies without an error, leaving what refers to the missing part waiting.
    const incomplete = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
    doc.destroy()
    if (!incomplete) return state
  } catch {
    // Not Yjs at all: refused below like a cut-off state.
  }
  throw new ExportFileError('damaged', `The ${kind} room of this export is damaged (its Yjs state cannot be read)`)
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}
