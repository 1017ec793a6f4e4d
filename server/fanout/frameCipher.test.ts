import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { FrameCipher } from './frameCipher.ts'

describe('sealing frames between relay instances', () => {
  const text = new TextEncoder().encode('Opa Henk heeft hulp nodig bij de boodschappen')

  it('opens what it sealed for the same channel, and the sealed bytes hold no plan text', () => {
    const cipher = new FrameCipher(randomBytes(32))
    const sealed = cipher.seal('kring:room:plan-a', text)
    expect(Buffer.from(sealed).includes(Buffer.from('Opa Henk'))).toBe(false)
    expect(cipher.open('kring:room:plan-a', sealed)).toEqual(text)
    // A fresh nonce each time: the same frame never looks the same twice.
    expect(cipher.seal('kring:room:plan-a', text).equals(sealed)).toBe(false)
  })

  it('opens nothing moved to another channel, changed, unsealed, or sealed with another key', () => {
    const cipher = new FrameCipher(randomBytes(32))
    const sealed = cipher.seal('kring:room:plan-a', text)
    expect(cipher.open('kring:room:plan-b', sealed)).toBeUndefined()
    const changed = Buffer.from(sealed)
    changed[20]! ^= 1
    expect(cipher.open('kring:room:plan-a', changed)).toBeUndefined()
    expect(cipher.open('kring:room:plan-a', text)).toBeUndefined()
    expect(cipher.open('kring:room:plan-a', new Uint8Array(3))).toBeUndefined()
    expect(new FrameCipher(randomBytes(32)).open('kring:room:plan-a', sealed)).toBeUndefined()
  })

  it('takes only a 32-byte key', () => {
    expect(() => new FrameCipher(randomBytes(16))).toThrow(/32 bytes, got 16/)
  })
})
