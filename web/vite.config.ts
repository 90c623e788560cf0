// The web UI: built into dist/web/, which `parallax serve` serves at `/` (the API is under /api, same origin).
// `npx vite --config web/vite.config.ts` serves it for development, the API proxied to a running `parallax serve`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // One small bundle: no CDN, no external fonts; everything offline.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PARALLAX_PORT ?? '8787'}` },
  },
});
