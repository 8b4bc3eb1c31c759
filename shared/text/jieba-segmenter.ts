/**
 * The Segmenter port on jieba (jieba-wasm, MIT): Rust jieba compiled to WebAssembly, so the same code runs in an
 * arm64 Lambda, on any laptop and offline, with no native binary per platform. Loading compiles 4 MB of
 * WebAssembly and its dictionary (~0.3-0.6 s): it happens once per container, on the first segment() call, never
 * at import (a function that imports this but does not segment pays nothing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { add_word, cut, initSync } from 'jieba-wasm/web';
import type { Segmenter } from '../ports';
import { civicWords } from './civic-words';
import { jiebaWasmFileName } from './jieba-wasm';

/**
 * The .wasm beside the running module first (the bundle: index.mjs and the file ProjectFunction copied next to
 * it), else the package's own (tests and tools running the sources).
 */
export function jiebaWasmPath(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), jiebaWasmFileName);
  if (existsSync(beside)) return beside;
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('jieba-wasm/web')), jiebaWasmFileName);
  } catch {
    throw new Error(`${jiebaWasmFileName} is neither beside ${fileURLToPath(import.meta.url)} nor in node_modules/jieba-wasm: the bundle must ship it (ProjectFunction besideBundle)`);
  }
}

let loaded = false;

function load(): void {
  if (loaded) return;
  initSync({ module: readFileSync(jiebaWasmPath()) });
  for (const [word, frequency] of civicWords) add_word(word, frequency);
  loaded = true;
}

export function jiebaSegmenter(): Segmenter {
  return {
    segment(text: string): string[] {
      load();
      // HMM off: it invents words from unknown character runs, which then count as keywords no one wrote.
      return cut(text, false);
    },
  };
}
