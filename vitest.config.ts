import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // nodejieba.load() takes about a second per worker; batch tests run real processes, which a loaded two-core machine slows several times
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    setupFiles: ['test/helpers/fast-check-size.ts'],
  },
});
