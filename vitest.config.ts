import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'packages/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      // The failure-injection suite runs after this one, on its own (vitest.failures.config.ts).
      'apps/server/test/failures.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers only make argon2 and PGlite fight for them.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
