import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server in-process on a fresh database, the built web app, and Debian's
 * chromium driven by playwright-core. One file at a time: one browser on a small machine.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['**/*.spec.ts'],
    exclude: ['**/node_modules/**'],
    // The web build, and the migrated template database each file copies (as the API tests do).
    globalSetup: ['./support/global-setup.ts', '../apps/api/src/testing/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
    // Pages animate (drawers, dropdowns) and the machine is small: poll patiently.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
