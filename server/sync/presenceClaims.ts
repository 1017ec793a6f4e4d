import * as decoding from 'lib0/decoding'
import { personClaimedIn } from '../../shared/protocol/presence.ts'
import { MalformedMessageError } from './protocol.ts'

/**
 * Whether an awareness update (y-protocols' encoding: a count, then per
 * client its id, clock and state as JSON) has a state saying it is someone
 * other than `person`. States without a person (and removals, `null`) say
 * nothing. Throws MalformedMessageError for bytes that are no awareness update.
 */
export function claimsAnotherPerson(update: Uint8Array, person: string): boolean {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      const claimed = personClaimedIn(JSON.parse(decoding.readVarString(decoder)))
      if (claimed !== null && claimed !== person) return true
    }
    return false
  } catch (error) {
    throw new MalformedMessageError('not an awareness update', { cause: error })
  }
}
