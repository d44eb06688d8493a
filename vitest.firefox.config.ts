import { defineConfig } from 'vitest/config';

// End-to-end in Firefox ESR (Debian's firefox-esr) over WebDriver BiDi: the
// Firefox build installed at run time. One browser at a time (2 cores, and
// Chromium runs beside it), generous timeouts for a cold start.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
