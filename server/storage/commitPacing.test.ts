import { describe, expect, it } from 'vitest'
import { CommitPacing, QUICK_GATHER_MS } from './commitPacing.ts'
import { DURABILITY_WINDOW_MS } from './roomLog.ts'

describe('how long the SQLite storage gathers edits before a commit', () => {
  it('gathers 80 of the 100 ms while commits are quick', () => {
    const pacing = new CommitPacing()
    expect(pacing.gatherMs).toBe(80)
    pacing.committed(1.5)
    expect(pacing.gatherMs).toBe(QUICK_GATHER_MS)
  })

  it('leaves room in the window for three commits as slow as the slowest so far, as long as the window can', () => {
    // Up to where three commits and the shortest gathering (5 ms) fill it.
    for (let commitMs = 0; commitMs <= (DURABILITY_WINDOW_MS - 5) / 3; commitMs += 0.5) {
      const pacing = new CommitPacing()
      pacing.committed(1)
      pacing.committed(commitMs)
      expect(pacing.gatherMs + 3 * commitMs).toBeLessThanOrEqual(DURABILITY_WINDOW_MS)
      expect(pacing.gatherMs).toBeGreaterThanOrEqual(5)
    }
    const slowDisk = new CommitPacing()
    slowDisk.committed(20)
    expect(slowDisk.gatherMs).toBe(40)
  })

  it('commits almost at once, not never, when commits take a third of the window or more', () => {
    for (const commitMs of [34, 250]) {
      const pacing = new CommitPacing()
      pacing.committed(commitMs)
      expect(pacing.gatherMs).toBe(5)
    }
  })

  it('forgets a slow commit gradually as quick ones follow, not at the first', () => {
    const pacing = new CommitPacing()
    pacing.committed(30)
    pacing.committed(1)
    expect(pacing.gatherMs).toBeLessThan(QUICK_GATHER_MS)
    const gathered = [pacing.gatherMs]
    for (let commit = 0; commit < 30; commit++) {
      pacing.committed(1)
      gathered.push(pacing.gatherMs)
    }
    // Never shorter again without a slower commit, and back to 80 within thirty quick commits.
    expect(gathered).toEqual([...gathered].sort((a, b) => a - b))
    expect(gathered.at(-1)).toBe(QUICK_GATHER_MS)
  })
})
