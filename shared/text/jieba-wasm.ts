/**
 * Where jieba's WebAssembly file is, in the repository and beside a bundle. The Lambda bundle does not inline it
 * (4 MB): ProjectFunction copies it next to index.mjs (`besideBundle`), and the segmenter reads it from there.
 * The file must be the one built with the glue code that is bundled — the `web` build's, which takes the
 * module's bytes from us instead of reading a path relative to its own (CommonJS) file, as the `nodejs` build does.
 */
export const jiebaWasmFileName = 'jieba_rs_wasm_bg.wasm';
/** Relative to the project root. */
export const jiebaWasmSource = `node_modules/jieba-wasm/pkg/web/${jiebaWasmFileName}`;
