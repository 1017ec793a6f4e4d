import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { relaySession } from './support/session.ts'
import { waitUntil } from '../support/wait.ts'

describe('relay: stock y-websocket clients writing together', () => {
  const session = relaySession()
  const relayFor = session.relay
  const client = session.client

  it('three clients editing one text at the same time end with the same text, holding every edit', async () => {
    const relay = await relayFor()
    const people = [await client(relay, 'plan-a'), await client(relay, 'plan-a'), await client(relay, 'plan-a')]
    // Random interleaved inserts at random places, all without waiting for the relay.
    const edits = fc.sample(fc.record({ who: fc.integer({ min: 0, max: 2 }), at: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      numRuns: 150,
      seed: 20_260,
    })
    const markers = edits.map((edit, index) => {
      const text = people[edit.who]!.text
      const marker = `<${index}>`
      // Insert between two earlier markers, never inside one, so each stays readable.
      const boundaries = [...text.toString().matchAll(/</g)].map((match) => match.index).concat(text.length)
      text.insert(boundaries[Math.floor(edit.at * boundaries.length)]!, marker)
      return marker
    })

    const texts = people.map((person) => person.text)
    await waitUntil(() => texts.every((text) => text.toString() === texts[0]!.toString() && text.length === markers.join('').length), 'three clients converged on all edits')
    const final = texts[0]!.toString()
    for (const marker of markers) expect(final.split(marker)).toHaveLength(2) // each edit exactly once

    // What the relay holds is the same text: a fourth client joining now gets it whole.
    const latecomer = await client(relay, 'plan-a')
    expect(latecomer.text.toString()).toBe(final)
  })

  it('after a restart on the same data folder, a new client receives everything', async () => {
    const relay = await relayFor()
    const writer = await client(relay, 'plan-b')
    writer.text.insert(0, 'Wat is voor ons belangrijk? ')
    writer.doc.getMap('waarden').set('eerste', 'nabij zijn')
    const reader = await client(relay, 'plan-b')
    await waitUntil(() => reader.doc.getMap('waarden').get('eerste') === 'nabij zijn', 'reader has the edits')
    writer.destroy()
    reader.destroy()

    await relay.restart()
    const later = await client(relay, 'plan-b')
    expect(later.text.toString()).toBe('Wat is voor ons belangrijk? ')
    expect(later.doc.getMap('waarden').get('eerste')).toBe('nabij zijn')
  })

  it('a graceful close stores and compacts every room, so a restart loses nothing', async () => {
    const relay = await relayFor()
    const writer = await client(relay, 'plan-c')
    const watcher = await client(relay, 'plan-c')
    for (let i = 0; i < 300; i++) writer.text.insert(writer.text.length, String(i % 10))
    const expected = writer.text.toString()
    // The relay hands an update to storage as it passes it on: once the watcher has it all, storage was given it all.
    await waitUntil(() => watcher.text.toString() === expected, 'watcher has all 300 edits')

    await relay.stop() // what SIGTERM does in `npm start`
    const stored = relay.openStorage()
    expect((await stored.size('plan-c')).updates).toBe(1)
    await stored.close()

    await relay.start()
    const later = await client(relay, 'plan-c')
    expect(later.text.toString()).toBe(expected)
  })

  it('clients in different rooms never see each other\'s edits', async () => {
    const relay = await relayFor()
    const inPlan = await client(relay, 'plan-d')
    const inHuishouden = await client(relay, 'plan-d.huishouden')
    inHuishouden.text.insert(0, 'alleen voor ons')
    inPlan.text.insert(0, 'voor iedereen')
    const check = await client(relay, 'plan-d')
    await waitUntil(() => check.text.toString() === 'voor iedereen', 'plan room has its own edit')
    const privateCheck = await client(relay, 'plan-d.huishouden')
    await waitUntil(() => privateCheck.text.toString() === 'alleen voor ons', 'huishouden room has its own edit')
    expect(inPlan.text.toString()).toBe('voor iedereen')
  })

  it('a device holding pending updates (whose causes it has not seen) brings them, and every device converges once the causes arrive', async () => {
    const relay = await relayFor()
    // Ans writes twice on a device that is not connected; her second edit reaches Bram's device on its own (a forwarded copy).
    const ans = new Y.Doc()
    const edits: Uint8Array[] = []
    ans.on('update', (update: Uint8Array) => edits.push(update))
    ans.getText('t').insert(0, 'Samen ')
    ans.getText('t').insert(6, 'koken')
    const bramsDoc = new Y.Doc()
    Y.applyUpdate(bramsDoc, edits[1]!)
    expect(bramsDoc.store.pendingStructs).not.toBeNull()

    const bram = await client(relay, 'plan-pending', { doc: bramsDoc })
    const watcher = await client(relay, 'plan-pending')
    // What Bram brought cannot show anywhere yet: its cause is missing.
    expect(watcher.text.toString()).toBe('')

    // Ans's other device holds only her first edit: the rest can only come from what Bram brought.
    const ansPhone = new Y.Doc()
    Y.applyUpdate(ansPhone, edits[0]!)
    const ansOnline = await client(relay, 'plan-pending', { doc: ansPhone })
    await waitUntil(() => [bram, watcher, ansOnline].every((device) => device.text.toString() === 'Samen koken'), 'everyone has both edits')
    expect(bram.doc.store.pendingStructs).toBeNull()
    expect(watcher.doc.store.pendingStructs).toBeNull()

    // What the relay holds is complete too, also after a restart.
    await relay.restart()
    const latecomer = await client(relay, 'plan-pending')
    expect(latecomer.text.toString()).toBe('Samen koken')
    expect(latecomer.doc.store.pendingStructs).toBeNull()
  })
})
