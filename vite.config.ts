/**
 * Builds the web app (web/ → web/dist) that S3 + CloudFront serve in AWS and the local runtime serves on one
 * port. In `vite dev`, API calls are proxied to a running `npm start` (JIANYI_API_ORIGIN, default :3000, npm start's default).
 */
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const apiOrigin = process.env.JIANYI_API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'web',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': apiOrigin,
      '/idp': apiOrigin,
      '/config.json': apiOrigin,
    },
  },
});
