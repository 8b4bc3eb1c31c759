/**
 * The browser tier's global setup: seeds one data directory with the demo data by starting `npm start` once and
 * stopping it, so each test file's server starts from a copy in seconds instead of seeding for a minute. The
 * copy is what a second `npm start` over an existing data directory sees, a path users take every day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalServer } from './local-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded data directory each file's server copies; empty when a running server is used (E2E_BASE_URL). */
    e2eDataTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.E2E_BASE_URL) {
    project.provide('e2eDataTemplate', '');
    return () => undefined;
  }
  const template = mkdtempSync(join(tmpdir(), 'jianyi-e2e-seed-'));
  const server = await startLocalServer(undefined, { dataDir: template });
  await server.stop();
  project.provide('e2eDataTemplate', template);
  return () => rmSync(template, { recursive: true, force: true });
}
