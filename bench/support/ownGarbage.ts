/**
 * The benchmark's own garbage, collected while no edit is on its way.
 *
 * The benchmark is a Node process too: its clients allocate for every frame
 * they read, and when V8 stops that process to collect, the edit then on
 * its way waits for the benchmark, not for the server. At 50 clients every
 * edit during which the benchmark collected was among the slowest in a
 * hundred, for every server alike, and those pauses (2–3 ms, once 22 ms)
 * fell on one server's edits more than another's by chance: they made up
 * a third to two fifths of each server's slowest edits (bench/RESULTS.md).
 * So `npm run bench` gives the benchmark semi-spaces of a fixed 16 MB
 * (package.json), which its clients fill only over hundreds of edits,
 * and `fanOutLatencies` empties it itself every COLLECT_EVERY edits, between
 * two of them. What V8 would otherwise do in the middle of an edit it does
 * while the server waits for the next one.
 *
 * It also runs `--single-threaded`: V8 then collects and compiles on the
 * benchmark's own thread, not on threads of its own that take a core from
 * the server under test while an edit is on its way. On two cores those
 * threads ran 2.2 ms during each of the slowest edits in a hundred (about
 * 0.1 ms during an edit in general); single-threaded, none (`perf sched`
 * during 2,700 edits at 50 clients, bench/RESULTS.md). That frees a core
 * for whichever server runs more threads of its own (Kring's relay, with its
 * storage and compaction workers, more than the others).
 *
 * The flags are the process's, so every part of `npm run bench` runs under
 * them, a relay started inside the benchmark (`-- client`,
 * `-- meeting-pages`) and its workers (`-- wake`) too.
 */

/** Edits between two of the benchmark's own collections: 50 clients allocate well under 1 MB in as many. */
export const COLLECT_EVERY = 16

let warned = false

/**
 * Collects the benchmark's young generation now (`minor`), or everything
 * (`major`, before a measurement). Without --expose-gc (the benchmark run
 * some other way than `npm run bench`) it says so once and does nothing.
 */
export function collectOwnGarbage(type: 'minor' | 'major'): void {
  if (globalThis.gc === undefined) {
    if (!warned) process.stderr.write('The benchmark runs without --expose-gc: its own garbage collections may fall in timed edits. Run it with `npm run bench`.\n')
    warned = true
    return
  }
  globalThis.gc({ type, execution: 'sync' })
}
