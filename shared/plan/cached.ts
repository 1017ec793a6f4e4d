import type * as Y from 'yjs'

/** Something that says when it changed: RecordList, every instrument, and a Y type through `fromY`. */
export interface Source {
  subscribe(listener: () => void): () => void
}

/** The part of a Y type that `fromY` needs (structural, because Y types are invariant in their event type). */
type Observable = Pick<Y.AbstractType<unknown>, 'observeDeep' | 'unobserveDeep'>

/** A Y type (and everything nested in it) as a Source. */
export function fromY(type: Observable): Source {
  return {
    subscribe(listener) {
      const observer = () => listener()
      type.observeDeep(observer)
      return () => type.unobserveDeep(observer)
    },
  }
}

/**
 * A value computed from some sources, kept until one of them changes. `get`
 * returns the same object until then, so it can be a React snapshot
 * (useSyncExternalStore), and `per` caches values derived from it for one key
 * (one person, one step) just as long.
 */
export class Cached<T> implements Source {
  private value: { current: T } | null = null
  private readonly derived = new Map<string, unknown>()
  private readonly listeners = new Set<() => void>()

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

  /** Calls `listener` after every change to any source; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private invalidate(): void {
    this.value = null
    this.derived.clear()
    for (const listener of [...this.listeners]) listener()
  }
}
