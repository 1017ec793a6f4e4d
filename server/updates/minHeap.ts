/**
 * A binary min-heap by a number key: O(log n) to add and to take the
 * smallest. The rooms' pending-update bookkeeping needs "everything waiting
 * for at most clock N" in time proportional to what it takes out, never to
 * how much waits; neither lib0 nor our other dependencies has a heap.
 */
export class MinHeap<T> {
  private readonly keys: number[] = []
  private readonly values: T[] = []

  get size(): number {
    return this.keys.length
  }

  /** The smallest key, or undefined when empty. */
  peekKey(): number | undefined {
    return this.keys[0]
  }

  push(key: number, value: T): void {
    let index = this.keys.length
    this.keys.push(key)
    this.values.push(value)
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (this.keys[parent]! <= key) break
      this.swap(index, parent)
      index = parent
    }
  }

  /** Takes the entry with the smallest key. */
  pop(): { key: number; value: T } | undefined {
    if (this.keys.length === 0) return undefined
    const top = { key: this.keys[0]!, value: this.values[0]! }
    const lastKey = this.keys.pop()!
    const lastValue = this.values.pop()!
    if (this.keys.length > 0) {
      this.keys[0] = lastKey
      this.values[0] = lastValue
      this.sinkFrom(0)
    }
    return top
  }

  private sinkFrom(start: number): void {
    let index = start
    for (;;) {
      const left = 2 * index + 1
      const right = left + 1
      let smallest = index
      if (left < this.keys.length && this.keys[left]! < this.keys[smallest]!) smallest = left
      if (right < this.keys.length && this.keys[right]! < this.keys[smallest]!) smallest = right
      if (smallest === index) return
      this.swap(index, smallest)
      index = smallest
    }
  }

  private swap(a: number, b: number): void {
    ;[this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!]
    ;[this.values[a], this.values[b]] = [this.values[b]!, this.values[a]!]
  }
}
