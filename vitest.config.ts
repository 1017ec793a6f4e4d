import { defineConfig } from 'vitest/config'

/**
 * Two projects: fast tests (schema, relay with real sockets and SQLite) and
 * browser end-to-end tests (Debian Chromium through playwright-core), which
 * run one file at a time because the machine has two cores.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/closingLineReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'tests/relay/**/*.test.ts', 'tests/properties/**/*.test.ts', 'tests/failure/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // waitUntil's default deadline (tests/support/wait.ts): well inside the test's own timeout.
          provide: { wait: { timeoutMs: 15_000, intervalMs: 10 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A browser under contention is slow; looking costs a page evaluation, so look less often.
          provide: { wait: { timeoutMs: 60_000, intervalMs: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
})
