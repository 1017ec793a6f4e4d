/**
 * A meeting's short code (issue 10, "Joining on the spot"): six characters a
 * person can read off a screen and type, standing for the meeting's guest
 * link on the relay until it expires. Shown in two groups of three
 * (`KR7-4MX`); typed in any case, with or without the dash or spaces.
 *
 * The alphabet leaves out what is easily mistaken on a screen or a phone's
 * keyboard: 0/O, 1/I/L. 31 characters to the power 6 is about 887 million
 * codes; with a few hundred meetings open at once and tries limited per
 * address (KRING_MAX_CODE_TRIES_PER_MINUTE), guessing one is hopeless.
 */
export const MEETING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** Characters in a code (the dash that groups them is not one). */
export const MEETING_CODE_LENGTH = 6

const CODE_PATTERN = new RegExp(`^[${MEETING_CODE_ALPHABET}]{${MEETING_CODE_LENGTH}}$`)

/** A new random code, in its stored form (no dash). Uniform: bytes that would favour some characters are drawn again. */
export function newMeetingCode(): string {
  const size = MEETING_CODE_ALPHABET.length
  // The largest multiple of the alphabet below 256: bytes past it would make the first characters likelier.
  const fair = 256 - (256 % size)
  let code = ''
  while (code.length < MEETING_CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(MEETING_CODE_LENGTH * 2))) {
      if (byte < fair && code.length < MEETING_CODE_LENGTH) code += MEETING_CODE_ALPHABET[byte % size]
    }
  }
  return code
}

/**
 * What a person typed, as a stored code: upper case, without spaces, dashes
 * or dots; undefined when it cannot be a code (wrong length, a character
 * outside the alphabet).
 */
export function readMeetingCode(typed: string): string | undefined {
  if (typeof typed !== 'string' || typed.length > 64) return undefined
  const code = typed.toUpperCase().replace(/[\s.\-–—_]/g, '')
  return CODE_PATTERN.test(code) ? code : undefined
}

/** A code as people read it: `KR7-4MX`. */
export function showMeetingCode(code: string): string {
  const half = Math.ceil(code.length / 2)
  return `${code.slice(0, half)}-${code.slice(half)}`
}
