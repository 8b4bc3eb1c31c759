/**
 * Builds the web app (web/ → web/dist) that S3 + CloudFront serve in AWS and the local runtime serves on one
 * port. In `vite dev`, API calls are proxied to a running `npm start` (JIANYI_API_ORIGIN, default :3000, npm start's default).
 *
 * The build must need nothing the Content-Security-Policy forbids (shared/http/security-headers.ts: scripts,
 * styles and images from 'self' only): assets are always files, never data: URLs, and the emitted HTML is
 * checked to hold no inline script, style or event handler — the build fails rather than the page in production.
 */
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

const apiOrigin = process.env.JIANYI_API_ORIGIN ?? 'http://127.0.0.1:3000';

/** What a strict CSP blocks in an HTML page: a script without src, a style block or attribute, an on* handler. */
const inlineCode = [/<script\b(?![^>]*\bsrc=)[^>]*>/i, /<style\b/i, /\sstyle\s*=/i, /\son[a-z]+\s*=/i, /\b(?:src|href)\s*=\s*["']?data:/i];

function noInlineCode(): Plugin {
  return {
    name: 'jianyi-no-inline-code',
    apply: 'build',
    // After vite's own HTML plugin has written the final index.html into the bundle.
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        const found = inlineCode.find((pattern) => pattern.test(html));
        if (found) this.error(`${file.fileName} holds inline code the Content-Security-Policy blocks (${found}): move it to a file`);
      }
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [preact(), noInlineCode()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
    // Small images stay files: img-src allows 'self', not data: URLs.
    assetsInlineLimit: 0,
    // Vite's modulepreload polyfill goes into the entry chunk (a file), not an inline script: keep it.
    modulePreload: { polyfill: true },
  },
  server: {
    proxy: {
      '/api': apiOrigin,
      '/idp': apiOrigin,
      '/config.json': apiOrigin,
    },
  },
});
