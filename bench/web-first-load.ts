/**
 * The citizen's first page load: builds the web app (vite build, with a manifest, into a scratch folder so
 * web/dist is left alone) and adds up, gzipped, what index.html loads before any dynamic import — its entry chunk,
 * the chunks that chunk imports statically, and their styles. The submit page (the route a QR poster opens) is
 * in that set; what pages load later (the form's checks with zod, the staff console) is listed apart.
 * Output: a table of files, then key=value lines. BENCH_WEB_TARGET_KB (35) is the budget it is checked against.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { projectRoot } from '../infra/local/local-stack';

/** One entry of Vite's build manifest (.vite/manifest.json), keyed by source path. */
interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Size {
  raw: number;
  gzip: number;
}

/** The manifest keys a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/** The files (scripts and styles) a set of chunks brings. */
function filesOf(manifest: Manifest, keys: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return [...files];
}

const kb = (bytes: number) => (bytes / 1000).toFixed(2);

async function main(): Promise<void> {
  const target = Number(process.env.BENCH_WEB_TARGET_KB ?? 35);
  const outDir = mkdtempSync(path.join(tmpdir(), 'jianyi-web-'));
  try {
    await build({
      configFile: path.join(projectRoot, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry && key.endsWith('index.html'));
    if (!entry) throw new Error('The manifest names no entry for index.html');

    const sizes = new Map<string, Size>();
    const sizeOf = (file: string): Size => {
      let size = sizes.get(file);
      if (!size) {
        const bytes = readFileSync(path.join(outDir, file));
        sizes.set(file, (size = { raw: bytes.length, gzip: gzipSync(bytes).length }));
      }
      return size;
    };
    const total = (files: string[]) => files.reduce((sum, file) => ({ raw: sum.raw + sizeOf(file).raw, gzip: sum.gzip + sizeOf(file).gzip }), { raw: 0, gzip: 0 });

    const firstLoad = staticClosure(manifest, entry);
    const firstFiles = filesOf(manifest, firstLoad);
    const scripts = total(firstFiles.filter((file) => file.endsWith('.js')));
    const styles = total(firstFiles.filter((file) => file.endsWith('.css')));

    // What the first load can fetch later, each dynamic import with what it brings beyond the first load.
    const later = [...new Set([...firstLoad].flatMap((key) => manifest[key]!.dynamicImports ?? []))].sort();
    const lazy = later.map((key) => {
      const files = filesOf(manifest, [...staticClosure(manifest, key)].filter((k) => !firstLoad.has(k)));
      return { key, name: manifest[key]!.name ?? key, files, size: total(files) };
    });

    console.log('first load (index.html, before any dynamic import)');
    for (const file of firstFiles) console.log(`  ${file.padEnd(44)} ${kb(sizeOf(file).raw).padStart(8)} kB  gzip ${kb(sizeOf(file).gzip).padStart(7)} kB`);
    console.log('loaded later');
    for (const chunk of lazy) console.log(`  ${chunk.key.padEnd(44)} ${kb(chunk.size.raw).padStart(8)} kB  gzip ${kb(chunk.size.gzip).padStart(7)} kB`);

    const gzip = (scripts.gzip + styles.gzip) / 1000;
    const figures: Record<string, string | number | boolean> = {
      citizen_first_load_js_kb: kb(scripts.raw),
      citizen_first_load_js_gzip_kb: kb(scripts.gzip),
      citizen_first_load_css_gzip_kb: kb(styles.gzip),
      citizen_first_load_gzip_kb: gzip.toFixed(2),
      citizen_first_load_files: firstFiles.length,
      ...Object.fromEntries(lazy.map((chunk) => [`lazy_${chunk.name.replace(/\W+/g, '_')}_gzip_kb`, kb(chunk.size.gzip)])),
      target_gzip_kb: target,
      within_target: gzip <= target,
    };
    console.log();
    for (const [name, value] of Object.entries(figures)) console.log(`${name}=${value}`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
