/**
 * The flags `npm start` gives Node for the relay (package.json's start
 * script passes exactly these; nodeFlags.test.ts holds the two together, and
 * the benchmark starts the relay with them).
 *
 * A young generation of a fixed 16 MB: every edit the relay passes on
 * allocates a little that dies at once (the update read, a frame per
 * member), and each time the young generation fills, V8 stops the event
 * loop to clear it (a scavenge, a few tenths of a millisecond). V8 sizes it
 * by recent use and shrinks it while the relay idles, so the first edits of a
 * meeting after a quiet spell met a young generation of 1 MB or so and a
 * scavenge every hundred edits or so: those were the slowest edits in a
 * hundred. Fixed at 16 MB, a scavenge comes about sixteen times less often.
 * Fan-out's slowest edit in a hundred, one writer and one reader, ÷ the
 * reference server's in the same run, one machine with two cores: 1.46–1.81×
 * by default (three runs), 0.48–0.65× with these flags (twelve runs)
 * (bench/RESULTS.md). It costs about 30 MB of resident memory per relay
 * process, whatever its rooms hold.
 */
export const RELAY_NODE_FLAGS = ['--min-semi-space-size=16', '--max-semi-space-size=16'] as const
