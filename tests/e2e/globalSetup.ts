import { rm } from 'node:fs/promises'
import type { TestProject } from 'vitest/node'
import { buildClientSnapshot } from './support/buildClient.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built client this run's relays serve (a private copy of dist/client). */
    clientDir: string
  }
}

/** Builds the client once per e2e run; tests read its folder with `inject('clientDir')`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const clientDir = await buildClientSnapshot()
  project.provide('clientDir', clientDir)
  return async () => {
    await rm(clientDir, { recursive: true, force: true })
  }
}
