import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { ClientStructs, DeletedRanges } from './readUpdate.ts'

/**
 * Writes structs and deleted ranges as one Yjs update (v1), as Yjs itself
 * writes a document's state: clients highest first, each client's structs
 * after its first clock, then the delete set. Yjs exports the struct and
 * encoder classes but not this framing (its own copy lives inside
 * mergeUpdates), so it is written out here; each struct writes itself.
 * Structs of one client must be one run (a Skip marks a gap).
 */
export function writeUpdate(clients: readonly ClientStructs[], deletes: DeletedRanges): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const written = [...clients].filter(({ structs }) => structs.length > 0).sort((a, b) => b.client - a.client)
  encoding.writeVarUint(encoder.restEncoder, written.length)
  for (const { client, structs } of written) {
    encoding.writeVarUint(encoder.restEncoder, structs.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, structs[0]!.id.clock)
    for (const struct of structs) struct.write(encoder, 0)
  }
  const deleting = [...deletes].filter(([, ranges]) => ranges.length > 0).sort(([a], [b]) => b - a)
  encoding.writeVarUint(encoder.restEncoder, deleting.length)
  for (const [client, ranges] of deleting) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const [clock, length] of ranges) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(length)
    }
  }
  return encoder.toUint8Array()
}
