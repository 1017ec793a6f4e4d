import { describe, expect, it } from 'vitest'
import { COMMIT_MARGIN_MS, CommitPacing } from './commitPacing.ts'
import { DURABILITY_WINDOW_MS } from './roomLog.ts'

describe('how long the SQLite storage gathers edits before a commit', () => {
  it('gathers for the window less the margin while commits are quick: 80 of the 100 ms', () => {
    const pacing = new CommitPacing()
    expect(pacing.gatherMs).toBe(DURABILITY_WINDOW_MS - COMMIT_MARGIN_MS)
    pacing.committed(1.5)
    expect(pacing.gatherMs).toBe(80)
  })

  it('gathers less when commits slow down, so that gathering and committing still fit the window', () => {
    const pacing = new CommitPacing()
    pacing.committed(20)
    // Three times the slowest commit is kept for the next: 100 - 60.
    expect(pacing.gatherMs).toBe(40)
    expect(pacing.gatherMs + 20).toBeLessThanOrEqual(DURABILITY_WINDOW_MS)
  })

  it('commits almost at once when a commit takes a third of the window or more, and never waits a negative time', () => {
    const pacing = new CommitPacing()
    pacing.committed(250)
    expect(pacing.gatherMs).toBe(5)
  })

  it('forgets a slow commit gradually as quick ones follow, not at the first', () => {
    const pacing = new CommitPacing()
    pacing.committed(30)
    pacing.committed(1)
    expect(pacing.gatherMs).toBeLessThan(80)
    const gathered = [pacing.gatherMs]
    for (let commit = 0; commit < 30; commit++) {
      pacing.committed(1)
      gathered.push(pacing.gatherMs)
    }
    // Never shorter again without a slower commit, and back to 80 within thirty quick commits.
    expect(gathered).toEqual([...gathered].sort((a, b) => a - b))
    expect(gathered.at(-1)).toBe(80)
  })

  it('keeps to a window of another length', () => {
    expect(new CommitPacing(1_000).gatherMs).toBe(1_000 - COMMIT_MARGIN_MS)
  })
})
