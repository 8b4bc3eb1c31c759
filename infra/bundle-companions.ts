/**
 * Files a function's code reads from beside its bundle, copied next to index.mjs when it is built (by synth, for
 * AWS and for the local runtime alike). Today one: jieba's WebAssembly for the topics job, 4 MB that esbuild must
 * not inline (shared/text/jieba-wasm.ts). The bundle-size limit counts index.mjs only; these are listed apart.
 */
import { jiebaWasmSource } from '../shared/text/jieba-wasm';

/** By handler entry (`jobs/update-topics`): paths relative to the project root, copied under their file name. */
export const bundleCompanions: Readonly<Record<string, readonly string[]>> = {
  'jobs/update-topics': [jiebaWasmSource],
};

/**
 * The shell commands that copy an entry's companions into the bundle's output folder (esbuild's afterBundling
 * hook): `node -e` rather than `cp`, so they run wherever the CDK bundles.
 */
export function companionCopyCommands(entry: string, inputDir: string, outputDir: string): string[] {
  return (bundleCompanions[entry] ?? []).map((file) => {
    const from = JSON.stringify(`${inputDir}/${file}`);
    const to = JSON.stringify(`${outputDir}/${file.split('/').at(-1)}`);
    return `node -e "require('node:fs').copyFileSync(process.argv[1], process.argv[2])" ${from} ${to}`;
  });
}
