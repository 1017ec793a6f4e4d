import { useEffect } from 'react'
import { OUTBOX_ENDPOINT } from '../device/db.ts'
import { isWaiting, outboxEntries, settle, subscribeOutbox } from '../device/outbox.ts'
import { postSigned } from './relayPost.ts'

/**
 * Sends the device's queued revocations, deletions, registrations and
 * handovers to the relay (handovers first: what the new key signs counts
 * only once the relay knows the handover): at once,
 * when the browser comes back online, and every half minute while something
 * waits (the browser may say "online" while the relay is unreachable).
 * One sending at a time per page.
 */
let sending: Promise<void> | null = null
/** Something was queued while a round was under way: go round once more. */
let again = false

/** Sends every waiting entry; resolves when all have been tried (including any queued meanwhile). */
export function sendOutbox(): Promise<void> {
  if (sending) {
    again = true
    return sending
  }
  sending = (async () => {
    do {
      again = false
      await sendAll()
    } while (again)
  })().finally(() => {
    sending = null
  })
  return sending
}

async function sendAll(): Promise<void> {
  const waiting = (await outboxEntries()).filter(isWaiting)
  for (const entry of [...waiting.filter((e) => e.kind === 'handover'), ...waiting.filter((e) => e.kind !== 'handover')]) {
    const answer = await postSigned(entry.planId, OUTBOX_ENDPOINT[entry.kind], entry.text)
    if (answer.outcome === 'stored') await settle(entry.planId, entry.id, { confirmedAt: Date.now() })
    else if (answer.outcome === 'refused') {
      // What the relay said is for whoever helps the household (it is English and technical); people get a sentence from the catalog.
      console.warn(`The relay refused a ${entry.kind}: ${answer.message}`)
      await settle(entry.planId, entry.id, { refusedWith: answer.message })
    }
  }
}

const RETRY_MS = 30_000

/** Keeps the outbox going for as long as the app is open; use once, at the top. */
export function useOutboxSender(): void {
  useEffect(() => {
    const send = () => void sendOutbox().catch((error: unknown) => console.error('Sending the outbox failed', error))
    send()
    window.addEventListener('online', send)
    // A new entry goes out at once.
    const stopListening = subscribeOutbox(send)
    const timer = window.setInterval(() => {
      void outboxEntries().then((entries) => entries.some(isWaiting) && send())
    }, RETRY_MS)
    return () => {
      window.removeEventListener('online', send)
      stopListening()
      window.clearInterval(timer)
    }
  }, [])
}
