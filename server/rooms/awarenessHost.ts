import * as random from 'lib0/random'
import type * as Y from 'yjs'

/**
 * What y-protocols' Awareness borrows from a document: a client id and a
 * `destroy` event. The relay holds no document (architecture.md, decision
 * 5), so it lends Awareness only these. The relay speaks for nobody: its
 * client id never carries a state.
 */
export function awarenessHost(): Y.Doc {
  const host = { clientID: random.uint32(), on() {}, off() {} }
  // Awareness reads exactly these members (y-protocols/awareness.js, its constructor).
  return host as unknown as Y.Doc
}
