import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn processes; on a shared 2-core machine give them room.
    testTimeout: 30_000,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
