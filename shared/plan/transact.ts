import type * as Y from 'yjs'

/**
 * Runs several writes to a Y type as one change, so other replicas and
 * observers see them together. A type not yet in a document writes directly.
 */
export function transact(type: { readonly doc: Y.Doc | null }, fn: () => void): void {
  if (type.doc) type.doc.transact(fn)
  else fn()
}
