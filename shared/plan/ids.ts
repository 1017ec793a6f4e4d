import { toBase64Url } from '../identity/base64url.ts'

/** A fresh random id for a record: 96 bits, 16 base64url characters, no coordination needed. */
export function newId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(12)))
}

/** Who wrote something: the id of a person on the plan's people list (null when nobody was chosen yet). */
export type PersonId = string
