/**
 * Now, in ns of process.hrtime, as a number (exact to well under a µs for
 * years of uptime). On Linux that is CLOCK_MONOTONIC, which every process
 * reads alike: the benchmark and the servers it runs can compare times
 * without exchanging clocks.
 */
export const nowNs = (): number => Number(process.hrtime.bigint())
