import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The browser tier: starts the whole local stack (`npm start`) and drives real Chromium through it. Apart from
 * the other tiers because it is slow (the first start synthesizes the CDK app) and needs /usr/bin/chromium.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.test.ts'],
    // Seeds the demo data once; each file's server starts from a copy (support/global-setup.ts).
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
