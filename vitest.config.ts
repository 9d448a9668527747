import { defineConfig } from 'vitest/config';

/** One test run over every workspace: contracts, api (integration on a real database), web, browser (e2e). */
export default defineConfig({
  test: {
    projects: ['packages/contracts', 'apps/api', 'apps/web', 'e2e'],
    maxWorkers: 2,
  },
});
