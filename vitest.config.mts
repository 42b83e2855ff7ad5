import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Timeouts only catch hangs (nothing here is a timed assertion); they are wide because two test files
    // share the machine's two cores and a notebook's kernel then runs about half as fast.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // vitest's default is one fewer than the cores: on the 2-core machines here, one file at a time. Two
    // at once takes the suite from about 470 s to about 345 s (measured).
    maxWorkers: 2,
    reporters: ['default'],
  },
});
