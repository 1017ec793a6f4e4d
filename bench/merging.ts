/**
 * What merging a room's log costs: the compacted state and the updates typed
 * since, one character each, merged as the relay does it (mergeMany.ts, in
 * rounds of eight) against one call of `Y.mergeUpdates` (the baseline,
 * measured in this run). The relay merges so when a device joins (on the
 * event loop) and at every compaction of memory or storage (in a worker).
 * Run: `npx tsx bench/merging.ts` (also at the end of `npm run bench`).
 * Prints a Markdown table to stdout.
 */
import * as Y from 'yjs'
import { compactUpdates } from '../server/updates/compactUpdates.ts'
import { mergeMany } from '../server/updates/mergeMany.ts'
import { Plan } from '../shared/plan/index.ts'
import { medianTime } from './support/stats.ts'

/** Updates typed since the last compaction: what a room holds between compactions, up to a long meeting's worth. */
const LOG_LENGTHS = [50, 350, 1000, 3000]
const RUNS = 7

/** A plan's notepad with 2,000 characters compacted, and `count` one-character updates typed after them. */
function roomLog(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const notepad = Plan.open(doc).notepad
  notepad.insert(0, 'Kladblok '.repeat(220))
  const typed: Uint8Array[] = [Y.encodeStateAsUpdate(doc)]
  doc.on('update', (update: Uint8Array) => typed.push(update))
  for (let i = 0; i < count; i++) notepad.insert(notepad.length, 'abcdefghij'[i % 10]!)
  return typed
}

const time = (run: () => unknown) => medianTime(run, RUNS)

export function mergingRows(): string[] {
  // Warmed up first, so the first row does not measure the compiler.
  const warmUp = roomLog(LOG_LENGTHS[1]!)
  for (let i = 0; i < RUNS; i++) [Y.mergeUpdates(warmUp), mergeMany(warmUp), compactUpdates(warmUp)]
  const rows = ['| updates since compaction | Y.mergeUpdates (baseline) | mergeMany | ÷ baseline | compaction (compactUpdates) |', '|---|---:|---:|---:|---:|']
  for (const length of LOG_LENGTHS) {
    const log = roomLog(length)
    const baseline = time(() => Y.mergeUpdates(log))
    const rounds = time(() => mergeMany(log))
    const compaction = time(() => compactUpdates(log))
    rows.push(`| ${length} | ${baseline.toFixed(2)} ms | ${rounds.toFixed(2)} ms | ${(rounds / baseline).toFixed(2)}× | ${compaction.toFixed(2)} ms |`)
  }
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${mergingRows().join('\n')}\n`)
