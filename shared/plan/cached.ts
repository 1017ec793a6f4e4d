import { Changes, type Source } from './changes.ts'

/**
 * A value computed from some sources, kept until one of them changes. `get`
 * returns the same object until then, so it can be a React snapshot
 * (useSyncExternalStore), and `per` caches values derived from it for one key
 * (one person, one step) just as long.
 */
export class Cached<T> implements Source {
  private value: { current: T } | null = null
  private readonly derived = new Map<string, unknown>()
  private readonly changes = new Changes()
  /** Calls `listener` after every change to any source; returns the function that stops it. */
  readonly subscribe = this.changes.subscribe

  constructor(sources: readonly Source[], private readonly compute: () => T) {
    // Subscribed for the life of the plan, like RecordList's own observer.
    for (const source of sources) source.subscribe(() => this.invalidate())
  }

  /** The current value; the same object until a source changes. */
  get(): T {
    this.value ??= { current: this.compute() }
    return this.value.current
  }

  /** A value derived from `get()` for one key, cached until a source changes. */
  per<R>(key: string, derive: (value: T) => R): R {
    if (this.derived.has(key)) return this.derived.get(key) as R
    const result = derive(this.get())
    this.derived.set(key, result)
    return result
  }

  private invalidate(): void {
    this.value = null
    this.derived.clear()
    this.changes.notify()
  }
}
