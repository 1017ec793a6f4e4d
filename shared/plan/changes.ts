import type * as Y from 'yjs'

/**
 * Something that says when it changed: every instrument, RecordList, Cached,
 * the plan's meta, a shared text, and on the client the connection and
 * presence. React views read any of them with `useLive` (client/plan/useLive.ts).
 */
export interface Source {
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void
}

/**
 * The one change-notification source: the listeners of one thing that
 * changes, and telling them. Every subscribable in the plan (and the
 * client's connection, presence and outbox) keeps one of these instead of
 * its own set-and-loop.
 *
 * Listeners are told in the order they subscribed; one that unsubscribes
 * itself (or another) while being told does not disturb the round.
 */
export class Changes implements Source {
  private readonly listeners = new Set<() => void>()

  /** Calls `listener` after every `notify()`; returns the function that stops it. Bound, so it can be passed on as is. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Tells every listener that something changed. */
  notify(): void {
    for (const listener of [...this.listeners]) listener()
  }

  /** Forgets every listener (when the thing they listen to is destroyed). */
  clear(): void {
    this.listeners.clear()
  }
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
