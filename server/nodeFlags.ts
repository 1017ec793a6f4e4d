/**
 * The flags `npm start` gives Node for the relay (package.json's start
 * script passes exactly these; nodeFlags.test.ts holds the two together).
 * They go on the `node` command line: Node refuses them in NODE_OPTIONS.
 * The benchmark gives them to every server it runs, the baselines too.
 *
 * Semi-spaces of a fixed 16 MB (V8's young generation is two of them, so
 * 32 MB): every edit the relay passes on allocates a little that dies at
 * once (the update read, a frame per member), and each time a semi-space
 * fills, V8 stops the event loop to clear it (a scavenge, a few tenths of a
 * millisecond to a millisecond). V8 sizes them by recent use and shrinks
 * them while the relay idles, so the first edits of a meeting after a quiet
 * spell met semi-spaces of 1 MB or so and a scavenge every hundred edits or
 * so: those were the slowest edits in a hundred. At 16 MB a scavenge comes
 * about sixteen times less often. Fan-out's slowest edit in a hundred, one
 * writer and one reader, ÷ the reference server's (left at V8's sizing) in
 * the same run, one machine with two cores: 1.46–1.81× without these flags
 * (three runs), 0.48–0.65× with them (twelve runs) (bench/RESULTS.md). It
 * costs about 30 MB of resident memory per relay process, whatever its
 * rooms hold.
 */
export const RELAY_NODE_FLAGS = ['--min-semi-space-size=16', '--max-semi-space-size=16'] as const
