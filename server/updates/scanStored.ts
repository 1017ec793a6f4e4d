import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { DeletedRanges, ReadUpdate } from './readUpdate.ts'

/** One client's structs without a gap: `[from, to)`. */
export interface Run {
  client: number
  from: number
  to: number
}

/** What a room needs to know of its stored bytes: which structs they hold, and what they delete. */
export interface ScannedUpdate {
  runs: Run[]
  deletes: DeletedRanges
}

/** Yjs's content kinds (its `contentRefs`), by the low five bits of a struct's info byte. */
const Content = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const
/** Kinds of shared type (Yjs's `typeRefs`) that carry a name after their kind. */
const XML_ELEMENT = 3
const XML_HOOK = 5
const SKIP = 10

/**
 * Reads which structs a stored update holds (per client, its runs without a
 * gap) and what it deletes, without building its structs: only their ids and
 * lengths. Opening a room reads its whole stored state, and a 1 MB plan as
 * `Y.decodeUpdate` (readUpdate.ts) gives it is a few hundred thousand
 * objects that the room then throws away; this pass keeps none.
 *
 * Written by hand because Yjs exports no reader that skips content (its
 * LazyStructReader is internal and builds every item); it follows Yjs's v1
 * format (`lazyStructReaderGenerator`, `readItemContent`, `readDeleteSet` in
 * yjs/src/utils/encoding.js and structs/*.js) through Yjs's own
 * `UpdateDecoderV1`. Only for bytes the relay stored itself, which were
 * checked as they came in (readUpdate.ts); throws on bytes it cannot read.
 */
export function scanStored(update: Uint8Array): ScannedUpdate {
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update))
  const rest = decoder.restDecoder
  const runs: Run[] = []
  const clients = decoding.readVarUint(rest)
  for (let i = 0; i < clients; i++) {
    const structs = decoding.readVarUint(rest)
    const client = decoder.readClient()
    let clock = decoding.readVarUint(rest)
    let from: number | undefined
    for (let j = 0; j < structs; j++) {
      const info = decoder.readInfo()
      let length: number
      if (info === SKIP) {
        length = decoding.readVarUint(rest)
        if (from !== undefined) runs.push({ client, from, to: clock })
        from = undefined
        clock += length
        continue
      }
      if ((info & 0b11111) === 0) {
        length = decoder.readLen() // GC
      } else {
        if ((info & 0b10000000) !== 0) decoder.readLeftID()
        if ((info & 0b01000000) !== 0) decoder.readRightID()
        if ((info & 0b11000000) === 0) {
          if (decoder.readParentInfo()) decoder.readString()
          else decoder.readLeftID()
          if ((info & 0b00100000) !== 0) decoder.readString()
        }
        length = skipContent(decoder, info & 0b11111)
      }
      if (!(length >= 1)) throw new Error(`an empty struct of client ${client}`)
      from ??= clock
      clock += length
    }
    if (from !== undefined) runs.push({ client, from, to: clock })
  }
  const deletes: DeletedRanges = new Map()
  const deleting = decoding.readVarUint(rest)
  for (let i = 0; i < deleting; i++) {
    decoder.resetDsCurVal()
    const client = decoding.readVarUint(rest)
    const count = decoding.readVarUint(rest)
    const ranges: [number, number][] = []
    for (let j = 0; j < count; j++) {
      const clock = decoder.readDsClock()
      const length = decoder.readDsLen()
      if (length > 0) ranges.push([clock, length])
    }
    if (ranges.length > 0) deletes.set(client, [...(deletes.get(client) ?? []), ...ranges])
  }
  return { runs, deletes }
}

/** Reads past one item's content and returns its length (the clocks it takes). */
function skipContent(decoder: Y.UpdateDecoderV1, kind: number): number {
  switch (kind) {
    case Content.deleted:
      return decoder.readLen()
    case Content.json: {
      const length = decoder.readLen()
      for (let i = 0; i < length; i++) decoder.readString()
      return length
    }
    case Content.binary:
      decoder.readBuf()
      return 1
    case Content.string:
      return decoder.readString().length
    case Content.embed:
      decoder.readJSON()
      return 1
    case Content.format:
      decoder.readKey()
      decoder.readJSON()
      return 1
    case Content.type: {
      const type = decoder.readTypeRef()
      if (type === XML_ELEMENT || type === XML_HOOK) decoder.readKey()
      return 1
    }
    case Content.any: {
      const length = decoder.readLen()
      for (let i = 0; i < length; i++) decoder.readAny()
      return length
    }
    case Content.doc:
      decoder.readString()
      decoder.readAny()
      return 1
    default:
      throw new Error(`unknown content kind ${kind}`)
  }
}

/** Each client's structs of an update as runs without a gap (a Skip ends one): `[from, to)`. */
export function runsOf(read: ReadUpdate): Run[] {
  const runs: Run[] = []
  for (const { client, structs } of read.clients) {
    let from: number | undefined
    let to = 0
    for (const struct of structs) {
      if (struct instanceof Y.Skip) {
        if (from !== undefined) runs.push({ client, from, to })
        from = undefined
        continue
      }
      from ??= struct.id.clock
      to = struct.id.clock + struct.length
    }
    if (from !== undefined) runs.push({ client, from, to })
  }
  return runs
}
