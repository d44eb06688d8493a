import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium. One browser at a time
// (2 cores), generous timeouts for a cold start.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
