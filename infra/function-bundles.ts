/**
 * Each function's bundle, built as `cdk synth` builds it (ProjectFunction's bundling options, the local
 * esbuild) but in memory and without the CDK app, so its size can be checked in seconds: a cold start loads
 * and parses the whole file, and a handler that pulls in an SDK client or a library it never uses pays for it
 * on every cold start. Read by test/infra/bundle-sizes.test.ts (the limit) and bench/bundles.ts (the table).
 */
import { statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { bundleCompanions } from './bundle-companions';
import { projectBundling, projectRoot, projectRuntime } from './constructs/project-function';
import { functionPermissions, type FunctionEntry } from './function-permissions';

/** The most a function's minified bundle may weigh (KB of 1,024 bytes), source map not counted. */
export const bundleLimitKb = 600;

/**
 * Functions allowed more, and why. The file-jobs worker writes workbooks with exceljs (about 700 KB minified with
 * its zip and streams): it runs in the background from a queue, where a slower cold start delays a file by a
 * second and keeps no person waiting on a request; since issue 12 it also reads imported workbooks and runs the intake
 * for their rows. The staff imports API reads an uploaded workbook's header and first rows with exceljs for the
 * preview: an admin's occasional request, where a slower cold start costs a second once.
 */
export const bundleLimitOverridesKb: Partial<Record<FunctionEntry, number>> = { 'queue/file-jobs': 1600, 'api/staff-imports': 1500 };

export function bundleLimitOf(entry: FunctionEntry): number {
  return bundleLimitOverridesKb[entry] ?? bundleLimitKb;
}

export interface FunctionBundle {
  readonly entry: FunctionEntry;
  /** The minified index.mjs, in bytes. */
  readonly bytes: number;
  /** Bytes in the output per npm package (or per project folder, e.g. `shared/aws`), largest first. */
  readonly byPackage: ReadonlyArray<readonly [string, number]>;
  /** The packages it imports at run time instead of bundling (the runtime's AWS SDK), sorted. */
  readonly externalImports: readonly string[];
  /** Files shipped beside index.mjs, not in it (infra/bundle-companions.ts: jieba's WebAssembly), with their size. */
  readonly companions: ReadonlyArray<{ readonly file: string; readonly bytes: number }>;
}

/** Every function the stacks deploy: the entries of the one permissions declaration (one per handler file). */
export const functionEntries = Object.keys(functionPermissions).sort() as FunctionEntry[];

/** `node_modules/@aws-sdk/client-sqs/dist-es/…` -> `@aws-sdk/client-sqs`; `shared/aws/clients.ts` -> `shared/aws`. */
function packageOf(input: string): string {
  const parts = input.split('/');
  const inModules = parts.lastIndexOf('node_modules');
  if (inModules < 0) return parts.slice(0, 2).join('/');
  const name = parts.slice(inModules + 1);
  return name[0]!.startsWith('@') ? name.slice(0, 2).join('/') : name[0]!;
}

function byPackage(metafile: Metafile): Array<[string, number]> {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      sizes.set(packageOf(input), (sizes.get(packageOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

export async function bundleFunction(entry: FunctionEntry): Promise<FunctionBundle> {
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: [path.join(projectRoot, 'functions', `${entry}.ts`)],
    bundle: true,
    write: false,
    outfile: path.join(projectRoot, 'cdk.out', 'bundle-size', entry, 'index.mjs'),
    platform: 'node',
    // As NodejsFunction derives it from the runtime: nodejs24.x -> node24.
    target: projectRuntime.name.replace(/^nodejs(\d+).*$/, 'node$1'),
    format: projectBundling.format as 'esm' | 'cjs',
    mainFields: projectBundling.mainFields,
    banner: { js: projectBundling.banner },
    minify: projectBundling.minify,
    sourcemap: projectBundling.sourceMap,
    external: projectBundling.externalModules,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
  if (!code) throw new Error(`${entry}: esbuild wrote no .mjs`);
  const externalImports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  return {
    entry,
    bytes: code.contents.byteLength,
    byPackage: byPackage(result.metafile),
    externalImports: [...new Set(externalImports.filter((name) => !name.startsWith('node:') && !isBuiltin(name)))].sort(),
    companions: (bundleCompanions[entry] ?? []).map((file) => ({ file, bytes: statSync(path.join(projectRoot, file)).size })),
  };
}

export async function bundleAllFunctions(): Promise<FunctionBundle[]> {
  return Promise.all(functionEntries.map(bundleFunction));
}

export const kb = (bytes: number): number => Math.round(bytes / 1024);
