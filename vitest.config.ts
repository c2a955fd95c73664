import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'packages/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      // The failure-injection suite (worker SIGKILL, Redis flush, PostgreSQL restart, triple
      // delivery) is still being made reliable and is not yet part of the run: see the issue notes.
      'apps/server/test/failures.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers only make argon2 and PGlite fight for them.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
