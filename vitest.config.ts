import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/shared/**/*.test.ts',
      'tests/electron/**/*.test.ts',
      'tests/renderer/**/*.test.{ts,tsx}',
      'tests/scripts/**/*.test.ts',
    ],
    environment: 'node',
    // A bound on a hang, not a speed check: the CLI tests start the command from source several times, and on a
    // loaded 2-core machine one such test took 26 s. Speed has its own benchmarks (npm run bench:*).
    testTimeout: 60_000,
  },
});
