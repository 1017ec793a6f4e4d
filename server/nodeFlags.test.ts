import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RELAY_NODE_FLAGS } from './nodeFlags.ts'

describe("the relay's Node flags", () => {
  it('are what npm start gives Node, so that the benchmark times the relay as it runs', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }
    expect(scripts.start).toBe(`node ${RELAY_NODE_FLAGS.join(' ')} --import tsx server/start.ts`)
  })
})
