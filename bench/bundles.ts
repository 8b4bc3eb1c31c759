/**
 * npm run bench:bundles — each function's minified bundle, as `cdk synth` builds it (infra/function-bundles.ts):
 * a table with the three largest packages in each, then `key=value` lines for scripts. Exits 1 when a bundle is
 * over the limit (the infra test holds the same limit).
 */
import { bundleAllFunctions, bundleLimitKb, bundleLimitOf, kb } from '../infra/function-bundles';

const bundles = await bundleAllFunctions();
const width = Math.max(...bundles.map((b) => b.entry.length));
console.log(`${'function'.padEnd(width)}  ${'KB'.padStart(5)}  largest parts (KB)`);
for (const bundle of bundles) {
  const parts = bundle.byPackage
    .slice(0, 3)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
  console.log(`${bundle.entry.padEnd(width)}  ${String(kb(bundle.bytes)).padStart(5)}  ${parts}`);
}
console.log('');
for (const bundle of bundles) console.log(`bundle_kb.${bundle.entry.replace('/', '.')}=${kb(bundle.bytes)}`);
const largest = bundles.reduce((a, b) => (b.bytes > a.bytes ? b : a));
console.log(`largest_bundle=${largest.entry}`);
console.log(`largest_bundle_kb=${kb(largest.bytes)}`);
console.log(`bundle_limit_kb=${bundleLimitKb}`);
const over = bundles.filter((b) => kb(b.bytes) > bundleLimitOf(b.entry));
console.log(`bundles_over_limit=${over.length}`);
if (over.length) process.exitCode = 1;
