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
    testTimeout: 20_000,
  },
});
