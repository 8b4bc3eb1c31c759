import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectFunction } from '../../infra/constructs/project-function';
import { cdkJsonContext } from './synth';

/** Bundles one real handler with the local esbuild, as `cdk synth` does, and reads what came out. */
describe('ProjectFunction bundling', () => {
  let outdir: string;
  let bundleDir: string;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyi-bundle-'));
    const app = new App({ context: cdkJsonContext(), outdir });
    const stack = new Stack(app, 'BundlingProbe');
    const fn = new ProjectFunction(stack, 'Health', { entry: 'api/health' });
    const template = Template.fromStack(stack).toJSON();
    const resource = template.Resources[stack.getLogicalId(fn.node.defaultChild as never)];
    bundleDir = path.join(outdir, resource.Metadata['aws:asset:path'] as string);
  }, 120_000);

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('emits a minified ESM bundle with a source map, named by the aws:asset:path metadata', () => {
    expect(fs.readdirSync(bundleDir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const code = fs.readFileSync(path.join(bundleDir, 'index.mjs'), 'utf8');
    expect(code).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{\s*handler\s*\}/);
    // Minified: a few very long lines, not one statement a line.
    const lines = code.split('\n');
    expect(code.length / lines.length).toBeGreaterThan(2000);
  });

  it('gives the bundle a require() for CommonJS dependencies', () => {
    const code = fs.readFileSync(path.join(bundleDir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);")).toBe(
      true,
    );
  });
});
