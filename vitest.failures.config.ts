import { defineConfig } from 'vitest/config';

/**
 * The failure-injection suite (apps/server/test/failures.test.ts): a worker killed with SIGKILL,
 * Redis flushed, PostgreSQL restarted and every webhook delivered three times, each mid-stream on
 * its own `replyforce api` + `replyforce worker` cluster. It runs after the main suite, on its
 * own: its timings (a killed worker's jobs come back after BullMQ's ~60 s stalled-job recovery)
 * should not compete with other files for the two cores.
 *   vitest run --config vitest.failures.config.ts
 */
export default defineConfig({
  test: {
    include: ['apps/server/test/failures.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
