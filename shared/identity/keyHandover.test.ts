import { describe, expect, it } from 'vitest'
import { issueToken, verifyToken } from '../capabilities/token.ts'
import { keyFileText, keyHandoverText, readKeyHandover } from './keyHandover.ts'
import { createPlanKey, exportPlanKey } from './planKey.ts'

describe('handing the plan key to a second eigenaar', () => {
  it('reads the key back from the file, the compact text and a link, and the key signs invitations the relay accepts', async () => {
    const exported = await exportPlanKey(await createPlanKey())
    const text = keyHandoverText(exported)
    expect(text.length).toBeLessThan(200)
    for (const given of [keyFileText(exported), text, `https://kring.example/#/sleutel/${text}`, `  ${text}\n`]) {
      const reading = await readKeyHandover(given)
      if (!reading.ok) throw new Error(`not read: ${reading.problem}`)
      expect(reading.exported).toEqual(exported)
      const token = await issueToken(reading.key, { role: 'netwerk' })
      expect((await verifyToken(token, { room: exported.planId, now: Date.now() })).ok).toBe(true)
    }
  })

  it('reads the key files the command line writes (extra fields are fine)', async () => {
    const exported = await exportPlanKey(await createPlanKey())
    const reading = await readKeyHandover(JSON.stringify({ ...exported, note: 'kast' }, null, 2))
    expect(reading.ok).toBe(true)
  })

  it('refuses what is not a key, and a key whose parts do not belong together', async () => {
    const a = await exportPlanKey(await createPlanKey())
    const b = await exportPlanKey(await createPlanKey())
    expect(await readKeyHandover('hallo')).toEqual({ ok: false, problem: 'notAKey' })
    expect(await readKeyHandover('{"planId": 1}')).toEqual({ ok: false, problem: 'notAKey' })
    // Another plan's private key with this plan's public key: would sign invitations nobody accepts.
    expect(await readKeyHandover(keyHandoverText({ ...a, privateKey: b.privateKey }))).toEqual({ ok: false, problem: 'damaged' })
    // A public key that does not hash to the plan id.
    expect(await readKeyHandover(keyHandoverText({ ...a, publicKey: b.publicKey }))).toEqual({ ok: false, problem: 'damaged' })
    expect(await readKeyHandover(keyHandoverText({ ...a, privateKey: a.privateKey.slice(0, 20) }))).toEqual({ ok: false, problem: 'damaged' })
  })
})
