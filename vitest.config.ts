import { defineConfig } from 'vitest/config';

/**
 * One run for the unit, integration, infra and workflow tiers. The browser tier (test/e2e) has its own config
 * because it starts the whole local stack. Integration tests share one DynamoDB Local started in globalSetup.
 */
export default defineConfig({
  test: {
    root: '.',
    include: ['test/{unit,integration,infra,workflow}/**/*.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // The functions' logger (Powertools) writes to stdout itself, past vitest's console capture: quiet unless asked
    // for, e.g. POWERTOOLS_LOG_LEVEL=WARN npx vitest run test/integration/intake.test.ts.
    env: { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT' },
  },
});
