import { createElement, lazy, useState, type ComponentProps, type ComponentType } from 'react'
import type { Catalog } from '../i18n/catalog.ts'
import { addCatalog } from '../i18n/index.ts'

/** A namespace's strings as a module to load: `() => import('./i18n.ts')`. */
export type CatalogModule = () => Promise<{ default: Catalog }>

/** A view loaded on first use (lazyView), that can be asked to load before it shows. */
export type LazyView<C extends ComponentType<any>> = ComponentType<ComponentProps<C>> & { // any: the view's own props
  /** Starts loading the view and its strings (once); resolves when it can show without waiting. */
  preload(): Promise<void>
}

/**
 * A view that is its own chunk, loaded when it is first shown together with
 * its strings (namespace → catalog module; client/ui's and the app's common
 * strings are registered at start, client/i18n/index.ts),
 * so a first visit downloads only what its first screen shows. The service worker
 * precaches every chunk after the first visit, so offline each view opens
 * all the same. Use it in a <Suspense>.
 *
 * A load that failed (offline) is tried again by the next `preload()`, which
 * going to a section makes; a view shown without one keeps its failure until
 * the page is reloaded (its error boundary says so).
 *
 * Once loaded (or preloaded: `preload()`, for the section an address names
 * or a menu entry a finger is on), it shows without suspending. That matters
 * more than it seems: React reveals suspended content no sooner than 300 ms
 * after it showed a fallback (its FALLBACK_THROTTLE_MS), so a view loaded from
 * the service worker in 20 ms still appeared 300 ms later.
 */
export function lazyView<M extends { [name in K]: ComponentType<any> }, K extends keyof M & string>( // any: the view's own props, whatever they are
  load: () => Promise<M>,
  name: K,
  strings: Record<string, CatalogModule> = {},
): LazyView<M[K]> {
  let loading: Promise<M[K]> | undefined
  let loaded: M[K] | undefined
  /** The last load failed (offline): the next preload tries again, with a new lazy, as React's keeps its failure. */
  let failed = false
  const loadOnce = () =>
    (loading ??= Promise.all([load(), ...Object.values(strings).map((catalog) => catalog())]).then(
      ([module, ...catalogs]) => {
        Object.keys(strings).forEach((namespace, i) => addCatalog(namespace, (catalogs[i] as { default: Catalog }).default))
        loaded = (module as M)[name]
        return loaded
      },
      (error: unknown) => {
        loading = undefined
        failed = true
        throw error
      },
    ))
  const makeLazy = () => lazy(async () => ({ default: await loadOnce() }))
  let Lazy = makeLazy()
  function View(props: ComponentProps<M[K]>) {
    // Chosen once per mount: switching between the two would mount the view anew and lose its state.
    const [Direct] = useState(() => loaded)
    return createElement(Direct ?? Lazy, props)
  }
  // Only a preload (going to a section, a finger on its menu entry) tries a failed load again: a render that
  // did would, offline, try over and over, as React renders a suspended view afresh after each failure.
  const preload = () => {
    if (failed) {
      failed = false
      Lazy = makeLazy()
    }
    return loadOnce().then(() => undefined)
  }
  return Object.assign(View, { preload })
}
