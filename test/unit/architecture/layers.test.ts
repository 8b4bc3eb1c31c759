/**
 * Dependencies point one way: domain <- ports <- use cases <- adapters (shared/http, shared/aws) <- functions.
 * Read from the import statements of every file under shared/ (type-only imports count: a type is a dependency).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const layers = ['domain', 'ports', 'use-cases', 'model', 'http', 'aws', 'observability', 'memory', 'text'] as const;
type Layer = (typeof layers)[number];
/** What each layer may import (besides itself and npm packages). */
const allowed: Record<Layer, readonly Layer[]> = {
  domain: [],
  ports: ['domain'],
  'use-cases': ['domain', 'ports'],
  // The table model (keys, indexes) is the storage adapters' and the stack's.
  model: ['domain'],
  http: ['domain', 'ports', 'use-cases', 'aws', 'model', 'observability'],
  aws: ['domain', 'ports', 'use-cases', 'model', 'http', 'observability'],
  // Logging and tracing (Powertools): an adapter the others use, using none of them but the domain's types.
  observability: ['domain', 'ports'],
  // In-memory implementations of ports (benchmarks, tests).
  memory: ['domain', 'ports'],
  // Text adapters (jieba's WebAssembly behind the Segmenter port): read files, so not the domain's.
  text: ['domain', 'ports'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function layerOf(file: string): Layer | 'functions' | 'infra' | 'web' | 'other' {
  const relative = path.relative(root, file).split(path.sep);
  if (relative[0] === 'shared') return (layers as readonly string[]).includes(relative[1]!) ? (relative[1] as Layer) : 'other';
  if (relative[0] === 'functions' || relative[0] === 'infra' || relative[0] === 'web') return relative[0];
  return 'other';
}

describe('the layers of shared/', () => {
  const files = filesUnder(path.join(root, 'shared'));

  it('has every file in a layer', () => {
    expect(files.filter((f) => layerOf(f) === 'other').map((f) => path.relative(root, f))).toEqual([]);
  });

  it('imports only inward: domain <- ports <- use cases <- http/aws adapters, and never functions, infra or web', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file) as Layer;
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const to = layerOf(path.resolve(path.dirname(file), specifier));
        if (to === from) continue;
        if (to === 'functions' || to === 'infra' || to === 'web' || to === 'other' || !allowed[from].includes(to)) {
          wrong.push(`${path.relative(root, file)} (${from}) imports ${specifier} (${to})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the domain free of I/O: no AWS SDK, no HTTP, no file system', () => {
    const wrong = files
      .filter((f) => layerOf(f) === 'domain')
      .flatMap((f) => importsOf(f).filter((s) => /^(@aws-sdk|@middy|node:(fs|http|https|net|child_process))/.test(s)).map((s) => `${path.relative(root, f)}: ${s}`));
    expect(wrong).toEqual([]);
  });

  it('imports the AWS SDK only in shared/aws (and never in a function or another layer)', () => {
    const everywhere = [...files, ...filesUnder(path.join(root, 'functions'))];
    const wrong = everywhere
      .filter((f) => layerOf(f) !== 'aws')
      .flatMap((f) => importsOf(f).filter((s) => s.startsWith('@aws-sdk/')).map((s) => `${path.relative(root, f)}: ${s}`));
    expect(wrong).toEqual([]);
  });
});
