/**
 * The shape of a namespace's strings: nested objects of plain strings. Dutch
 * (B1: short sentences, everyday words) is the source; English mirrors it.
 */
export interface Messages {
  [key: string]: string | Messages
}

/** The same keys as `T`, with any strings: what a translation must provide. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> }

/** One namespace in both languages. */
export interface Catalog<T extends Messages = Messages> {
  nl: T
  en: SameKeys<T>
}

/**
 * Declares a namespace. TypeScript then checks that the English strings have
 * exactly the keys of the Dutch ones, so no language silently lacks a string.
 *
 * @example export default defineCatalog({ nl: { title: 'Mensen' }, en: { title: 'People' } })
 */
export function defineCatalog<T extends Messages>(catalog: { nl: T; en: NoInfer<SameKeys<T>> }): Catalog<T> {
  return catalog
}
