import * as Y from 'yjs'
import { Plan } from '../../shared/plan/index.ts'

/** A plan id of the right shape (22 base64url characters); the benchmark's rooms are no real plans. */
export const BENCH_PLAN_ID = 'benchmarkPlanAAAAAAAAA'

/**
 * A plan of about `targetBytes` (as `Y.encodeStateAsUpdate` counts them),
 * written through the plan schema the way people write: "Ons verhaal" grows
 * paragraph by paragraph, with sentences inserted at many places and some of
 * it deleted again, and people and values are added beside it. Seeded, so
 * every run measures (nearly) the same document; only ids and times differ.
 */
export function makePlan(targetBytes: number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = 1
  const plan = Plan.create(doc, { planId: BENCH_PLAN_ID, householdName: 'Familie Jansen' })
  const ans = plan.people.add({ name: 'Ans', relation: 'moeder', role: 'eigenaar' }, null)
  const paragraphs: Y.XmlText[] = []
  const random = seeded(42)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const words = ['wij', 'vinden', 'het', 'belangrijk', 'dat', 'oma', 'op', 'woensdag', 'komt', 'en', 'samen', 'koken', 'plan']
  const sentence = () => Array.from({ length: 4 + Math.floor(random() * 10) }, () => pick(words)).join(' ') + '. '
  for (let op = 0; ; op++) {
    if (op % 500 === 0 && Y.encodeStateAsUpdate(doc).byteLength >= targetBytes) break
    const roll = random()
    if (paragraphs.length === 0 || roll < 0.04) {
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText()
      paragraph.insert(0, [text])
      plan.story.insert(Math.floor(random() * (plan.story.length + 1)), [paragraph])
      paragraphs.push(text)
      text.insert(0, sentence())
    } else if (roll < 0.85) {
      const text = pick(paragraphs)
      text.insert(Math.floor(random() * text.length), sentence())
    } else if (roll < 0.95) {
      const text = pick(paragraphs)
      if (text.length > 20) text.delete(Math.floor(random() * (text.length - 20)), 1 + Math.floor(random() * 15))
    } else if (roll < 0.98) {
      plan.people.add({ name: `Persoon ${op}`, relation: sentence(), role: null }, ans)
    } else {
      plan.waarden.propose({ text: sentence(), scope: 'shared' }, ans)
    }
  }
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

/** The paragraphs of "Ons verhaal", for edits at many places of a plan made by makePlan. */
export function storyParagraphs(doc: Y.Doc): Y.XmlText[] {
  return Plan.open(doc)
    .story.toArray()
    .flatMap((paragraph) => (paragraph instanceof Y.XmlElement ? paragraph.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText) : []))
}

/** mulberry32: a tiny seeded generator; Math.random cannot be seeded. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
