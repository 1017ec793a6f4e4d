import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { issueToken } from '../../shared/capabilities/token.ts'
import { createPlanKey } from '../../shared/identity/planKey.ts'
import { createLogger } from '../../server/log.ts'
import { startTestRelay } from '../support/testRelay.ts'
import { waitUntil } from '../support/wait.ts'
import { connectClient, type TestClient } from './support/clients.ts'

/**
 * A meedenkbijeenkomst under load (issue 10, "How it is checked"): 30
 * participants, each a stock y-websocket client with its own guest link
 * (tokens required), presence on, all typing into one text at random places
 * for KRING_MEETING_LOAD_SECONDS (default 120 s, the issue's two minutes).
 * Every participant ends with the same document, a newcomer loads that same
 * document from the relay, and the relay logs no error. Bounded in time;
 * nothing here is a timing assertion.
 */

const PARTICIPANTS = 30
const SECONDS = Number(process.env.KRING_MEETING_LOAD_SECONDS ?? 120)
/** A person's pace: a keystroke every ~400 ms each, jittered, with the cursor moving along. */
const KEYSTROKE_MS = 400

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('a meeting of 30 typing participants', () => {
  it(
    `ends with one document for everyone after ${SECONDS} s, and the relay logs no error`,
    async () => {
      const logged: { level: number; msg?: string }[] = []
      const logStream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n')) if (line.trim()) logged.push(JSON.parse(line) as { level: number; msg?: string })
          done()
        },
      })
      // Every stock provider listens for the process's exit; 31 of them are expected here.
      const listeners = process.getMaxListeners()
      process.setMaxListeners(PARTICIPANTS + 10)
      cleanups.push(() => process.setMaxListeners(listeners))
      const relay = await startTestRelay({ logger: createLogger('info', logStream) })
      cleanups.push(() => relay.close())
      const key = await createPlanKey()
      const guestLink = () => issueToken(key, { role: 'netwerk', guests: true, name: 'Gasten van de bijeenkomst' })

      const people: TestClient[] = []
      for (let i = 0; i < PARTICIPANTS; i++) {
        const person = await connectClient(relay.syncUrl, key.planId, { token: await guestLink() })
        person.provider.awareness.setLocalState({ user: { name: `Gast ${i + 1}`, color: '#2f6f5e' }, cursor: null })
        people.push(person)
        cleanups.push(() => person.destroy())
      }
      // Everyone sees everyone: presence is on.
      await waitUntil(() => people.every((person) => person.provider.awareness.getStates().size === PARTICIPANTS), 'every participant sees all 30')

      const stopAt = Date.now() + SECONDS * 1000
      let keystrokes = 0
      await Promise.all(
        people.map(async (person, index) => {
          await sleep(Math.random() * KEYSTROKE_MS)
          while (Date.now() < stopAt) {
            const at = Math.floor(Math.random() * (person.text.length + 1))
            person.text.insert(at, 'abcdefghijklmnopqrstuvwxyz'[(index + keystrokes) % 26]!)
            // Now and then a typo taken back, as people do.
            if (Math.random() < 0.1 && person.text.length > 0) person.text.delete(Math.floor(Math.random() * person.text.length), 1)
            person.provider.awareness.setLocalStateField('cursor', { anchor: at + 1, head: at + 1 })
            keystrokes++
            await sleep(KEYSTROKE_MS * (0.5 + Math.random()))
          }
        }),
      )

      const [first] = people
      await waitUntil(
        () => people.every((person) => person.text.toString() === first!.text.toString()),
        'every participant holds the same text',
        { timeoutMs: 60_000, describe: () => `${new Set(people.map((person) => person.text.toString())).size} different texts` },
      )
      const text = first!.text.toString()
      expect(text.length).toBeGreaterThan(keystrokes / 2)
      const newcomer = await connectClient(relay.syncUrl, key.planId, { token: await guestLink() })
      cleanups.push(() => newcomer.destroy())
      await waitUntil(() => newcomer.text.toString() === text, 'a newcomer loads the same text from the relay', { timeoutMs: 30_000 })

      const problems = logged.filter((entry) => entry.level >= 50)
      expect(problems, 'errors in the relay log').toEqual([])
      console.log(`meeting load: ${PARTICIPANTS} participants, ${keystrokes} keystrokes in ${SECONDS} s, ${text.length} characters in the end, ${logged.length} log lines, none an error`)
    },
    SECONDS * 1000 + 150_000,
  )
})

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
