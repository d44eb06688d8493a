import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests: the pure core in Node, components in happy-dom (per-file `@vitest-environment`).
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
