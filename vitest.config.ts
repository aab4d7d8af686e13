import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // nodejieba.load() takes about a second per worker
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
