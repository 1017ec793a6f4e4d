import type { AccessChange, FanOut } from './fanout.ts'

/** One relay process is complete on its own: there is nobody to pass messages to. */
export class LocalFanOut implements FanOut {
  readonly kind = 'local'

  async publish(): Promise<void> {}

  subscribe(): () => void {
    return () => {}
  }

  async announceAccessChange(_change: AccessChange): Promise<void> {}

  onAccessChange(): () => void {
    return () => {}
  }

  async healthy(): Promise<boolean> {
    return true
  }

  unavailableSince(): number | undefined {
    return undefined
  }

  async close(): Promise<void> {}
}
