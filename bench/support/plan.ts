import * as Y from 'yjs'

/**
 * A plan of about `targetBytes` (as `Y.encodeStateAsUpdate` counts them),
 * written the way people write: chunks of text inserted at many places,
 * some of it deleted again, and a people list beside it. Deterministic, so
 * every run measures the same document.
 */
export function makePlan(targetBytes: number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = 1
  const story = doc.getText('verhaal')
  const people = doc.getArray<Y.Map<string>>('people')
  let seed = 42
  const random = () => {
    // mulberry32: a tiny seeded generator; Math.random cannot be seeded.
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const words = ['wij', 'vinden', 'het', 'belangrijk', 'dat', 'oma', 'op', 'woensdag', 'komt', 'en', 'samen', 'koken', 'plan']
  const sentence = () => Array.from({ length: 4 + Math.floor(random() * 10) }, () => words[Math.floor(random() * words.length)]).join(' ') + '. '
  for (let op = 0; ; op++) {
    if (op % 500 === 0 && Y.encodeStateAsUpdate(doc).byteLength >= targetBytes) break
    const roll = random()
    if (roll < 0.85 || story.length < 100) story.insert(Math.floor(random() * story.length), sentence())
    else if (roll < 0.95) story.delete(Math.floor(random() * (story.length - 20)), 1 + Math.floor(random() * 15))
    else {
      const person = new Y.Map<string>()
      person.set('name', `Persoon ${op}`)
      person.set('relation', sentence())
      people.push([person])
    }
  }
  const plan = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return plan
}
