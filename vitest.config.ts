import { availableParallelism } from 'node:os';
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
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Many files here wait on
    // child processes (the CLI, decoders, the browser shell), so two workers use both cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A bound on a hang, not a speed check: the CLI tests start the command from source several times, and on a
    // loaded 2-core machine one such test took 26 s. Speed has its own benchmarks (npm run bench:*).
    testTimeout: 60_000,
  },
});
