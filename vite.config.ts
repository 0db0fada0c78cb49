import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { ManifestTransform } from 'workbox-build';
import { ISOLATION_HEADERS } from './src/service-worker/isolation-headers.js';

/** Where this build writes (the config's outDir, or the command line's --outDir). */
let outDir = 'dist-app';
const outDirOf: Plugin = {
  name: 'powlab:out-dir',
  configResolved(config) {
    outDir = resolve(config.root, config.build.outDir);
  },
};

/**
 * Each precached file's SHA-384 as its subresource integrity: the service worker then refuses a file
 * whose bytes are not this build's (a deployment still half uploaded, an old index.html beside the
 * new sw.js), its install fails and is tried again at the next visit, and the old build keeps running
 * whole meanwhile. Without it, a stale file would be kept under the new build's revision.
 */
const withIntegrity: ManifestTransform = (entries) => ({
  manifest: entries.map((entry) => ({
    ...entry,
    integrity: `sha384-${createHash('sha384').update(readFileSync(resolve(outDir, entry.url))).digest('base64')}`,
  })),
  warnings: [],
});

/**
 * Which build this is, shown in the footer: the package version and the commit, or POWLAB_BUILD_ID
 * when a deployment (or the update test) names its own.
 */
function buildId(): string {
  const named = process.env['POWLAB_BUILD_ID'];
  if (named) return named;
  const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
  try {
    return `${version}+${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`;
  } catch {
    return version;
  }
}


export default defineConfig({
  // Relative URLs: dist-app/ works from any folder of any static host (a school server's /powlab/,
  // a GitHub Pages project site), not only from a site's root.
  base: './',
  define: { __POWLAB_BUILD__: JSON.stringify(buildId()) },
  // Cross-origin isolation (SharedArrayBuffer, precise timers) from the dev server and the preview: the
  // same headers the service worker adds on any other host, from the one list.
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS, port: 4173, strictPort: true },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // dist/ holds the compiled CLI (tsc); the app goes beside it.
    outDir: 'dist-app',
    // Vite would inline small assets as data: URLs, which the CSP (and streaming compile) rule out.
    assetsInlineLimit: (file: string) => (file.endsWith('.wasm') ? false : undefined),
  },
  plugins: [
    outDirOf,
    VitePWA({
      // Our own worker (src/service-worker/sw.ts): Workbox's precache plus the isolation headers.
      strategies: 'injectManifest',
      srcDir: 'src/service-worker',
      filename: 'sw.ts',
      // The page registers the worker itself (src/ui/offline.ts): no inline script, and an update waits for the learner's yes.
      injectRegister: false,
      registerType: 'prompt',
      // The icons are in globPatterns already; listing them twice would precache them twice.
      includeManifestIcons: false,
      injectManifest: {
        // Every file of one build, the wasm builds included: offline after one visit, and never half of two builds.
        globPatterns: ['**/*.{html,js,css,wasm,svg,png}'],
        // Fail the build rather than silently leave a large file out of the offline copy.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        manifestTransforms: [withIntegrity],
      },
      manifest: {
        name: 'PoW Lab',
        short_name: 'PoW Lab',
        description: 'Proof-of-work, hands on: SHA-256d in WebAssembly, benchmarks, mining and its economics, all on this device.',
        id: './',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#0b5cad',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
    }),
  ],
});
