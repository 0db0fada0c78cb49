// dist-app/ on any static host, and offline (issue 13). The app is built twice here (two build ids)
// and served by a plain static server (static-host.ts) under /powlab/ that sends no COOP/COEP headers:
// cross-origin isolation can only come from the service worker, offline only from its precache, and
// a redeployment is the host switching folders.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { startStaticHost, type StaticHost } from './static-host.js';
import { ICONS } from '../../scripts/icon-list.mjs';

const PORT = Number(process.env.PW_PORT ?? 4173) + 220;
const BASE = `http://localhost:${PORT}/powlab/`;
const BUILDS = `test-results/offline-builds-${PORT}`;
const FIRST = { dir: `${BUILDS}/first`, id: 'offline-test-first' };
const SECOND = { dir: `${BUILDS}/second`, id: 'offline-test-second' };

test.use({ serviceWorkers: 'allow', baseURL: BASE });
test.describe.configure({ mode: 'serial', timeout: 120_000 });

function build(target: { dir: string; id: string }): void {
  execFileSync('npx', ['vite', 'build', '--outDir', target.dir, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, POWLAB_BUILD_ID: target.id },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Every file of a build, as paths under the app's folder. */
function files(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else out.add(relative(dir, join(d, entry.name)));
    }
  };
  walk(dir);
  return out;
}

const HALF_DONE = `${BUILDS}/half-done`;

/** Asks the host for a new service worker now and returns how its install ended. */
async function installOutcome(page: Page): Promise<{ state: string; waiting: boolean }> {
  return page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    await registration.update();
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return { state: 'none', waiting: false };
    if (worker.state === 'installing') {
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state !== 'installing' && resolve()));
    }
    return { state: worker.state, waiting: registration.waiting !== null };
  });
}

let host: StaticHost;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  build(FIRST);
  build(SECOND);
  rmSync(HALF_DONE, { recursive: true, force: true });
  cpSync(SECOND.dir, HALF_DONE, { recursive: true });
  cpSync(`${FIRST.dir}/index.html`, `${HALF_DONE}/index.html`);
  host = await startStaticHost(FIRST.dir, PORT);
});

test.afterAll(async () => {
  await host?.close();
});

/** The first visit: not isolated (the host sends no headers), and the offline copy installs and takes control. */
async function firstVisit(page: Page): Promise<void> {
  await page.goto(BASE);
  await expect(page.getByTestId('status-isolated')).toHaveText('no');
  await expect(page.getByTestId('status-offline')).toHaveText('ready', { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(page.getByTestId('status-selftest')).toHaveText('passed');
}

test('a plain static host: the first visit installs the service worker, the reload is cross-origin isolated', async ({ page }) => {
  host.serve(FIRST.dir);
  await page.setViewportSize({ width: 1280, height: 800 });
  await firstVisit(page);
  // What the missing isolation costs, and the reload that turns it on.
  const note = page.getByTestId('status-isolation-note');
  await expect(note).toBeVisible();
  await expect(note).toContainText('hash counts arrive once per batch');
  await expect(note).toContainText('Stop waits');
  await page.screenshot({ path: 'test-results/screens/offline-first-visit-desktop.png' });
  // Not isolated, it still works: a block mined through batches without shared counters.
  await page.getByTestId('nav-mine').click();
  await page.getByTestId('mine-zero-bits').fill('12');
  await page.getByTestId('mine-start-button').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'found', { timeout: 30_000 });
  await expect(page.getByTestId('mine-found')).toHaveAttribute('data-verified', 'yes');
  await page.getByTestId('nav-hash').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screens/offline-first-visit-phone.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screens/offline-first-visit-phone-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('isolation-reload').click();

  await expect(page.getByTestId('status-isolated')).toHaveText('yes');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(note).toBeHidden();
  await expect(page.getByTestId('status-selftest')).toHaveText('passed');
  await expect(page.getByTestId('status-offline')).toHaveText('ready');
  await expect(page.getByTestId('app-build')).toHaveText(`Build ${FIRST.id}.`);
});

test('offline after one visit: every screen, a 2-second benchmark and a 16-bit block, with no failed request', async ({ page, context }) => {
  host.serve(FIRST.dir);
  const failed: string[] = [];
  context.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await firstVisit(page);

  // Off the network: the host is gone and the browser is offline.
  await host.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('status-isolated')).toHaveText('yes');
  await expect(page.getByTestId('status-selftest')).toHaveText('passed');
  await expect(page.getByTestId('status-offline')).toHaveText('ready');

  // Every screen mounts (each is a chunk of its own) and does its first work.
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('nav-bench').click();
  await expect(page.getByTestId('bench-start')).toBeEnabled();
  await page.getByTestId('nav-difficulty').click();
  await expect(page.getByTestId('rt-results')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('sim-blocks').fill('2016');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.getByTestId('nav-pools').click();
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-results')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.getByTestId('nav-devices').click();
  await expect(page.locator('[data-testid="device-table"] tbody tr[data-device-id]').first()).toBeVisible();
  await page.getByTestId('nav-mine').click();
  await expect(page.getByTestId('mine-header-hex')).toHaveAttribute('data-header-hex', /^[0-9a-f]{160}$/);
  await page.getByTestId('mine-zero-bits').fill('16');
  await page.getByTestId('mine-start-button').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'found', { timeout: 30_000 });
  await expect(page.getByTestId('mine-found')).toHaveAttribute('data-verified', 'yes');
  await expect(page.locator('.alert[role=alert]:not([hidden])')).toHaveCount(0);

  // A URL-driven benchmark, as a script would start it.
  await page.goto(`${BASE}?bench=run&seconds=2&threads=1&warmup=0`);
  await expect(page.getByTestId('bench-result')).toHaveAttribute('data-hashrate', /\d/, { timeout: 30_000 });
  expect(Number(await page.getByTestId('bench-result').getAttribute('data-hashrate'))).toBeGreaterThan(0);
  await expect(page.locator('#view-bench')).not.toContainText('NaN');
  expect(failed).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/offline-bench-desktop.png', fullPage: true });
  // The host comes back for the next test.
  host = await startStaticHost(FIRST.dir, PORT);
});

test('installable: the manifest, its icons at their stated sizes, and no installability error', async ({ page }, info) => {
  host.serve(FIRST.dir);
  await firstVisit(page);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!;
    return (await (await fetch(link.href)).json()) as { name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
  });
  expect(manifest.name).toBe('PoW Lab');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of pngs) {
    const png = readFileSync(join(FIRST.dir, icon.src));
    expect(png.subarray(0, 8).toString('hex'), icon.src).toBe('89504e470d0a1a0a');
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
  // The committed PNGs are still their SVGs (an SVG edited without `node scripts/icons.mjs` fails here).
  for (const icon of ICONS) {
    const differing = await page.evaluate(async ({ source, out, size }) => {
      const pixels = async (src: string): Promise<Uint8ClampedArray> => {
        const image = new Image(size, size);
        image.src = src;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0, size, size);
        return context.getImageData(0, 0, size, size).data;
      };
      const [drawn, committed] = await Promise.all([pixels(`icons/${source}`), pixels(`icons/${out}`)]);
      let count = 0;
      for (let i = 0; i < drawn.length; i += 4) {
        const diff = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(drawn[i + c]! - committed[i + c]!)));
        if (diff > 32) count++;
      }
      return count / (size * size);
    }, icon);
    // Edges anti-alias slightly differently in a canvas than in a screenshot: well under 1% of pixels.
    expect(differing, `${icon.out} against ${icon.source}`).toBeLessThan(0.01);
  }
  // Chromium's own verdict on installability (what enables "Install app"). Playwright's contexts are
  // incognito, where nothing installs, so this asks a browser with a profile of its own.
  const profile = mkdtempSync(join(tmpdir(), 'powlab-install-'));
  const browser = await chromium.launchPersistentContext(profile, { ...info.project.use.launchOptions, serviceWorkers: 'allow' });
  try {
    const installPage = browser.pages()[0] ?? (await browser.newPage());
    await installPage.goto(BASE);
    await expect(installPage.getByTestId('status-offline')).toHaveText('ready', { timeout: 30_000 });
    const cdp = await browser.newCDPSession(installPage);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a new deployment shows "a new version is ready"; Reload loads the new build whole', async ({ page, context }) => {
  host.serve(FIRST.dir);
  await firstVisit(page);
  await page.reload();
  await expect(page.getByTestId('app-build')).toHaveText(`Build ${FIRST.id}.`);
  await expect(page.getByTestId('update-prompt')).toBeHidden();

  // A deployment half done: the second build's files, but the first one's index.html still there.
  // The new worker's install refuses the stale file (its integrity is not the second build's), so
  // nothing is offered and the first build keeps running whole.
  host.serve(HALF_DONE);
  expect(await installOutcome(page)).toEqual({ state: 'redundant', waiting: false });
  await expect(page.getByTestId('update-prompt')).toBeHidden();
  await expect(page.getByTestId('app-build')).toHaveText(`Build ${FIRST.id}.`);

  // The deployment finished. The open page keeps running the first build, served whole by its worker, until the learner says yes.
  host.serve(SECOND.dir);
  expect(await installOutcome(page)).toEqual({ state: 'installed', waiting: true });
  await page.reload();
  await expect(page.getByTestId('app-build')).toHaveText(`Build ${FIRST.id}.`);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toContainText('A new version of PoW Lab is ready', { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screens/offline-update-prompt-desktop.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screens/offline-update-prompt-phone.png' });

  const requested: string[] = [];
  context.on('request', (request) => {
    if (request.url().startsWith(BASE)) requested.push(new URL(request.url()).pathname.slice('/powlab/'.length));
  });
  await page.getByTestId('update-reload').click();
  await expect(page.getByTestId('app-build')).toHaveText(`Build ${SECOND.id}.`);
  await expect(page.getByTestId('status-selftest')).toHaveText('passed');
  await expect(prompt).toBeHidden();
  await page.getByTestId('nav-bench').click();
  await expect(page.getByTestId('bench-start')).toBeEnabled();

  // Everything the page asked for after the switch is a file of the second build, and none is the first build's alone.
  const first = files(FIRST.dir);
  const second = files(SECOND.dir);
  const asked = [...new Set(requested.map((path) => (path === '' ? 'index.html' : path.split('?')[0]!)))];
  expect(asked.length).toBeGreaterThan(3);
  expect(asked.filter((path) => !second.has(path))).toEqual([]);
  expect(asked.filter((path) => first.has(path) && !second.has(path))).toEqual([]);
  expect(asked.some((path) => second.has(path) && !first.has(path))).toBe(true);
});

test('another open tab keeps its run going and is told to reload, never reloaded under the learner', async ({ page, context }) => {
  host.serve(FIRST.dir);
  await firstVisit(page);
  await page.reload();
  const other = await context.newPage();
  await other.goto(`${BASE}#mine`);
  await expect(other.getByTestId('app-build')).toHaveText(`Build ${FIRST.id}.`);
  await other.getByTestId('mine-zero-bits').fill('40');
  await other.getByTestId('mine-start-button').click();
  await expect(other.getByTestId('mine-status')).toHaveAttribute('data-state', 'running');

  host.serve(SECOND.dir);
  await page.reload();
  await expect(page.getByTestId('update-prompt')).toContainText('A new version of PoW Lab is ready', { timeout: 30_000 });
  await page.getByTestId('update-reload').click();
  await expect(page.getByTestId('app-build')).toHaveText(`Build ${SECOND.id}.`);

  await expect(other.getByTestId('update-prompt')).toContainText('PoW Lab was updated in another tab');
  await expect(other.getByTestId('app-build')).toHaveText(`Build ${FIRST.id}.`);
  await expect(other.getByTestId('mine-status')).toHaveAttribute('data-state', 'running');
  await other.getByTestId('mine-stop').click();
  await expect(other.getByTestId('mine-status')).toHaveAttribute('data-state', 'stopped');
  await other.getByTestId('update-prompt').getByRole('button', { name: 'Reload' }).click();
  await expect(other.getByTestId('app-build')).toHaveText(`Build ${SECOND.id}.`);
  await expect(other.getByTestId('update-prompt')).toBeHidden();
});

test('over plain http from another machine (a school server): it works, and says offline and isolation need https', async ({ page }, info) => {
  host.serve(FIRST.dir);
  await page.goto(BASE);
  // A second browser that reaches the same host by a name that is not localhost, so not a secure context.
  const launch = info.project.use.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--host-resolver-rules=MAP school.test localhost'] });
  try {
    const school = await browser.newPage();
    const errors: string[] = [];
    school.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    school.on('pageerror', (error) => errors.push(error.message));
    await school.goto(BASE.replace('localhost', 'school.test'));
    expect(await school.evaluate(() => isSecureContext)).toBe(false);
    await expect(school.getByTestId('status-offline')).toHaveText('needs https');
    await expect(school.getByTestId('status-isolated')).toHaveText('no');
    await expect(school.getByTestId('status-isolation-note')).toContainText('only over https or on localhost');
    await expect(school.getByTestId('status-selftest')).toHaveText('passed');
    await expect(school.getByTestId('results')).toHaveAttribute('data-state', 'ready');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
