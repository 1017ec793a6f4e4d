import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RELAY_NODE_FLAGS } from './nodeFlags.ts'

describe("the relay's Node flags", () => {
  it('are on the node command line npm start runs the relay with, as the benchmark and the test relays have them', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }
    const [command, ...args] = scripts.start!.split(/\s+/)
    expect(command).toBe('node')
    expect(args).toEqual(expect.arrayContaining([...RELAY_NODE_FLAGS]))
    expect(args.at(-1)).toBe('server/start.ts')
  })
})
