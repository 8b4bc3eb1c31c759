/**
 * The two build steps in front of the local runtime, each skipped when its output is newer than its inputs:
 * the web app (vite build -> web/dist, which the CDK app also deploys) and the cloud assembly
 * (cdk synth -> cdk.out: the templates and Lambda bundles the local runtime runs).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const skippedDirectories = new Set(['node_modules', 'dist', 'cdk.out', 'data', '.git', 'test-results']);

/** Newest modification time (ms) among the files under the given paths; 0 if none exist. */
export function newestMtime(paths: readonly string[], exclude: readonly string[] = []): number {
  let newest = 0;
  const excluded = exclude.map((p) => path.resolve(p));
  const visit = (target: string): void => {
    if (excluded.includes(path.resolve(target)) || !existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target)) {
        if (!skippedDirectories.has(entry)) visit(path.join(target, entry));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const target of paths) visit(target);
  return newest;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Builds web/dist with vite when it is missing or older than the web sources; skipped without a vite config. */
export async function ensureWebBuilt(root: string, log: (m: string) => void): Promise<'built' | 'fresh' | 'skipped'> {
  const config = ['vite.config.ts', 'vite.config.mts', 'vite.config.js'].map((f) => path.join(root, f)).find(existsSync);
  const index = path.join(root, 'web', 'dist', 'index.html');
  if (!config) {
    if (!existsSync(index)) log('No vite config yet: the web app is not built (the API still runs).');
    return 'skipped';
  }
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = newestMtime([path.join(root, 'web'), path.join(root, 'shared'), config, path.join(root, 'package-lock.json')]);
  if (built > sources) return 'fresh';
  log('Building the web app (vite build)...');
  await run('npx', ['vite', 'build', '--logLevel', 'warn'], root);
  return 'built';
}

/**
 * Synthesizes cdk.out when it is missing or older than functions/, shared/ and infra/ (infra/local excluded:
 * it is not part of the CDK app). Offline: no telemetry, no notices.
 */
export async function ensureSynthesized(root: string, log: (m: string) => void, options: { force?: boolean } = {}): Promise<'synthesized' | 'fresh'> {
  const manifest = path.join(root, 'cdk.out', 'manifest.json');
  const synthesized = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = newestMtime(
    ['functions', 'shared', 'infra', 'cdk.json', 'package-lock.json', 'tsconfig.json'].map((p) => path.join(root, p)),
    [path.join(root, 'infra', 'local')],
  );
  if (!options.force && synthesized > sources) return 'fresh';
  log('Synthesizing the CDK app (cdk synth)...');
  try {
    await run('npx', ['cdk', 'synth', '--no-notices', '-q'], root, { CDK_DISABLE_CLI_TELEMETRY: 'true' });
  } catch (error) {
    // The CLI refuses to run while another synth writes cdk.out (a test run, a second terminal): wait for that
    // one, and use its output if it is now fresh.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const now = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
    if (now > sources && now > synthesized) return 'fresh';
    log('Retrying cdk synth...');
    await run('npx', ['cdk', 'synth', '--no-notices', '-q'], root, { CDK_DISABLE_CLI_TELEMETRY: 'true' }).catch(() => {
      throw error;
    });
  }
  return 'synthesized';
}
