import { afterEach, describe, expect, it, vi } from 'vitest'
import { GroupCommit } from './groupCommit.ts'

afterEach(() => {
  vi.useRealTimers()
})

/** A backend that records each write and finishes it when told. */
function recordingBackend() {
  const writes: { items: string[]; finish(): void }[] = []
  const write = (items: string[]) => new Promise<void>((resolve) => writes.push({ items, finish: resolve }))
  return { writes, write }
}

describe('group commit', () => {
  it('writes what was added in one turn as one group, and what came during a write as the next', async () => {
    const { writes, write } = recordingBackend()
    const commit = new GroupCommit(write)
    const first = [commit.add('a'), commit.add('b')]
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes.map((w) => w.items)).toEqual([['a', 'b']])
    const second = [commit.add('c'), commit.add('d')]
    await new Promise((resolve) => setImmediate(resolve))
    // One write at a time: c and d wait for the first.
    expect(writes).toHaveLength(1)
    writes[0]!.finish()
    await Promise.all(first)
    expect(writes.map((w) => w.items)).toEqual([['a', 'b'], ['c', 'd']])
    writes[1]!.finish()
    await Promise.all(second)
  })

  it('gathers for gatherMs after the first item, and a flush writes at once', async () => {
    vi.useFakeTimers()
    const { writes, write } = recordingBackend()
    const commit = new GroupCommit(write, { gatherMs: 10 })
    void commit.add('a')
    vi.advanceTimersByTime(9)
    void commit.add('b')
    expect(writes).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(writes.map((w) => w.items)).toEqual([['a', 'b']])
    writes[0]!.finish()
    await vi.advanceTimersByTimeAsync(0)

    void commit.add('c')
    const flushed = commit.flush()
    expect(writes.map((w) => w.items)).toEqual([['a', 'b'], ['c']])
    writes[1]!.finish()
    await flushed
  })

  it('asks a gatherMs function afresh as each group starts', async () => {
    vi.useFakeTimers()
    const { writes, write } = recordingBackend()
    let gatherMs = 30
    const commit = new GroupCommit(write, { gatherMs: () => gatherMs })
    void commit.add('a')
    gatherMs = 5
    vi.advanceTimersByTime(29)
    expect(writes).toHaveLength(0)
    vi.advanceTimersByTime(1)
    writes[0]!.finish()
    await vi.advanceTimersByTimeAsync(0)
    // The next group gathers for what the function says now.
    void commit.add('b')
    vi.advanceTimersByTime(4)
    expect(writes).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(writes.map((w) => w.items)).toEqual([['a'], ['b']])
    writes[1]!.finish()
  })

  it('gives the items of one group one promise, and the next group another', async () => {
    const { writes, write } = recordingBackend()
    const commit = new GroupCommit(write)
    const first = commit.add('a')
    expect(commit.add('b')).toBe(first)
    await new Promise((resolve) => setImmediate(resolve))
    const second = commit.add('c')
    expect(second).not.toBe(first)
    writes[0]!.finish()
    await first
    await new Promise((resolve) => setImmediate(resolve))
    writes[1]!.finish()
    await second
    expect(writes.map((w) => w.items)).toEqual([['a', 'b'], ['c']])
  })

  it('tells every item of a failed group why, and writes the next group', async () => {
    let fail = true
    const commit = new GroupCommit<string>(async () => {
      if (fail) throw new Error('disk full')
    })
    const failed = [commit.add('a'), commit.add('b')]
    for (const item of failed) await expect(item).rejects.toThrow('disk full')
    fail = false
    await expect(commit.add('c')).resolves.toBeUndefined()
  })

  it('has several groups under way when the backend takes several writes at once', async () => {
    const { writes, write } = recordingBackend()
    const commit = new GroupCommit(write, { maxInFlight: 2 })
    void commit.add('a')
    await new Promise((resolve) => setImmediate(resolve))
    void commit.add('b')
    await new Promise((resolve) => setImmediate(resolve))
    void commit.add('c')
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes.map((w) => w.items)).toEqual([['a'], ['b']])
    writes[1]!.finish()
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes.map((w) => w.items)).toEqual([['a'], ['b'], ['c']])
    for (const w of writes) w.finish()
  })

  it('gathers each group into a new one of what gatherInto makes', async () => {
    const written: string[] = []
    const commit = new GroupCommit<string, Joined>(async (group) => void written.push(group.text), { gatherInto: () => new Joined() })
    void commit.add('Oma ')
    await commit.add('Riet')
    await commit.add('dinsdag')
    expect(written).toEqual(['Oma Riet', 'dinsdag'])
    expect(commit.size).toBe(0)
  })
})

/** Gathers text by joining it, as PackedAppends gathers appends into one buffer. */
class Joined {
  text = ''
  length = 0
  push(item: string): void {
    this.text += item
    this.length++
  }
}
