import { setTimeout as sleep } from 'node:timers/promises'
import { DURABILITY_WINDOW_MS } from '../../../server/storage/roomLog.ts'
import type { RelayProcess } from '../../support/relayProcess.ts'
import { waitUntil } from '../../support/wait.ts'

/**
 * How long after the last client left a test waits before it kills the relay
 * to check what is on disk: the README's 100 ms durability window
 * (DURABILITY_WINDOW_MS) and half as much again. An edit the relay took in is
 * on disk by then; one it took in later could not have been, and with nobody
 * left to send it again, a kill then is a loss the relay never promised to
 * prevent (architecture.md, decision 5).
 */
export const PAST_THE_WINDOW_MS = DURABILITY_WINDOW_MS * 1.5

/**
 * Resolves once no client is connected to `relay` and PAST_THE_WINDOW_MS
 * have passed since `left` (a `performance.now()` taken as the clients left).
 */
export async function pastTheDurabilityWindow(relay: RelayProcess, left: number): Promise<void> {
  await waitUntil(async () => ((await (await fetch(`${relay.url}/healthz`)).json()) as { connections: number }).connections === 0, 'no client is connected')
  await sleep(Math.max(0, PAST_THE_WINDOW_MS - (performance.now() - left)))
}
