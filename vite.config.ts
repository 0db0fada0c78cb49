import { defineConfig } from 'vite';

// Cross-origin isolation (SharedArrayBuffer, precise timers) for the dev server and the preview.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  server: { headers: isolation },
  preview: { headers: isolation, port: 4173, strictPort: true },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // dist/ holds the compiled CLI (tsc); the app goes beside it.
    outDir: 'dist-app',
    // Vite would inline small assets as data: URLs, which the CSP (and streaming compile) rule out.
    assetsInlineLimit: (file: string) => (file.endsWith('.wasm') ? false : undefined),
  },
});
