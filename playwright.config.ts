// Browser tests on the built app (vite build + vite preview) in Debian's Chromium: Playwright's own
// browser download is not used. The JSON report lets a script count passed and failed tests.
import { defineConfig } from '@playwright/test';

// PW_PORT lets several people (or agents) run browser tests side by side, each on its own build.
const port = Number(process.env.PW_PORT ?? 4173);
const outDir = port === 4173 ? 'dist-app' : `dist-app-${port}`;
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: port === 4173 ? 'test-results/artifacts' : `test-results/artifacts-${port}`,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    // The preview sends the isolation headers itself; a service worker installing in every test would
    // only add work. offline.spec.ts allows it and tests it on a plain static host.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `npx vite build --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
