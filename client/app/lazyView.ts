import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { Catalog } from '../i18n/catalog.ts'
import { addCatalog } from '../i18n/index.ts'
import uiStrings from '../ui/i18n.ts'

/** A namespace's strings as a module to load: `() => import('./i18n.ts')`. */
export type CatalogModule = () => Promise<{ default: Catalog }>

/**
 * The shared pieces' strings (dialogs, menus, removal notices, forms), for the
 * views that use client/ui. Part of the first chunk and registered at start
 * (client/i18n/index.ts): the plan's first screen has forms.
 */
export const ui: CatalogModule = async () => ({ default: uiStrings })

/**
 * A view that is its own chunk, loaded when it is first shown together with
 * its strings (namespace → catalog module; `ui` for views that use client/ui),
 * so a first visit downloads only what its first screen shows. The service worker
 * precaches every chunk after the first visit, so offline each view opens
 * all the same. Use it in a <Suspense>.
 */
export function lazyView<M extends { [name in K]: ComponentType<any> }, K extends keyof M & string>( // any: the view's own props, whatever they are
  load: () => Promise<M>,
  name: K,
  strings: Record<string, CatalogModule> = {},
): LazyExoticComponent<M[K]> {
  return lazy(async () => {
    const [module, ...catalogs] = await Promise.all([load(), ...Object.values(strings).map((catalog) => catalog())])
    Object.keys(strings).forEach((namespace, i) => addCatalog(namespace, catalogs[i]!.default))
    return { default: module[name] }
  })
}
