import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    // The migrated template database each test file copies (src/testing/template.ts).
    globalSetup: ['src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Files share a worker's loaded modules (no re-import per file: a quarter of the run). Every file
    // builds its own app and database; state a file sets on the process (the clock) is put back on close.
    isolate: false,
  },
});
