// The Benchmark screen on the built app, in real Chromium with real workers. Runs are kept short
// (a few seconds); the figures are only checked for being real (positive, finite, consistent).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const SCREENS = 'test-results/screens';
mkdirSync(SCREENS, { recursive: true });

async function openBench(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}#bench`);
  await expect(page.getByTestId('bench-start')).toBeVisible();
}

function finitePositive(value: string | null): number {
  const n = Number(value);
  expect(Number.isFinite(n), `"${value}" is a finite number`).toBe(true);
  expect(n).toBeGreaterThan(0);
  return n;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize()!.width;
  expect(width).toBeLessThanOrEqual(viewport);
}

test('the page is cross-origin isolated, so workers share live counters', async ({ page }) => {
  await openBench(page);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('nav-bench')).toHaveAttribute('aria-current', 'page');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.getByTestId('bench-threads')).toHaveValue(String(cores));
});

test('a URL-driven run starts at once and reports a hashrate', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?bench=run&seconds=3&threads=1&warmup=1');
  const result = page.getByTestId('bench-result');
  await expect(page.getByTestId('bench-start')).toBeDisabled();
  await expect(page.getByTestId('bench-status')).toContainText(/From the link/);
  await expect(result).toHaveAttribute('data-hashrate', /\d/, { timeout: 30_000 });
  const hashrate = finitePositive(await result.getAttribute('data-hashrate'));
  await expect(result).toHaveAttribute('data-threads', '1');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('bench-score')).toHaveText(/[kMG]?H\/s$/);
  await expect(page.getByTestId('bench-start')).toBeEnabled();
  // The live chart got windows; no NaN anywhere in the figures shown.
  expect(Number(await page.getByTestId('bench-live-chart').getAttribute('data-points'))).toBeGreaterThanOrEqual(3);
  await expect(page.locator('#view-bench')).not.toContainText('NaN');
  // The Difficulty screen's input.
  const last = JSON.parse((await page.evaluate(() => localStorage.getItem('powlab.lastHashrate')))!) as { hashrate: number; threads: number; date: string };
  expect(last.hashrate).toBe(hashrate);
  expect(last.threads).toBe(1);
  expect(Number.isNaN(Date.parse(last.date))).toBe(false);
  await page.screenshot({ path: `${SCREENS}/bench-desktop-after.png`, fullPage: true });
});

for (const [query, says] of [
  ['?bench=run&seconds=abc&threads=1', /seconds=abc/],
  ['?bench=run&seconds=3&threads=0', /threads=0/],
  ['?bench=run&seconds=3&threads=99999', /threads=99999/],
  ['?bench=go&seconds=3', /bench=go/],
] as const) {
  test(`a bad benchmark link (${query}) is explained and starts nothing`, async ({ page }) => {
    await page.goto(`/${query}`);
    const error = page.getByTestId('bench-url-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText(says);
    await expect(page.getByTestId('bench-start')).toBeEnabled();
    await page.waitForTimeout(500);
    await expect(page.getByTestId('bench-pause')).toBeDisabled();
    await expect(page.getByTestId('bench-status')).toContainText('Ready');
  });
}

test('start, pause, resume and stop a benchmark; stop records nothing', async ({ page }) => {
  await openBench(page);
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-stop')).toBeEnabled();
  await expect(page.getByTestId('bench-status')).toContainText('measuring', { timeout: 15_000 });
  const progress = page.getByTestId('bench-progress');
  await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0);

  // The main thread stays free while every worker hashes: a timer fires almost at once.
  const lag = await page.evaluate(async () => {
    const begin = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return performance.now() - begin;
  });
  expect(lag).toBeLessThan(250);

  await page.getByTestId('bench-pause').click();
  await expect(page.getByTestId('bench-pause')).toHaveText('Resume');
  await expect(page.getByTestId('bench-status')).toContainText('Paused');
  await page.getByTestId('bench-pause').click();
  await expect(page.getByTestId('bench-pause')).toHaveText('Pause');

  await page.getByTestId('bench-stop').click();
  await expect(page.getByTestId('bench-status')).toHaveText('Stopped. No result was recorded.');
  await expect(page.getByTestId('bench-start')).toBeEnabled();
  await expect(page.getByTestId('bench-stop')).toBeDisabled();
  await expect(page.getByTestId('bench-result')).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('powlab.lastHashrate'))).toBeNull();
});

test('bad thread counts get an inline message next to the field', async ({ page }) => {
  await openBench(page);
  const field = page.getByTestId('bench-threads');
  for (const [value, says] of [
    ['0', /At least 1 thread/],
    ['1.5', /whole number/],
    ['100000', /logical core/],
  ] as const) {
    await field.fill(value);
    await expect(page.getByTestId('bench-threads-error')).toHaveText(says);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  }
  await page.getByTestId('bench-start').click();
  await expect(field).toBeFocused();
  await expect(page.getByTestId('bench-pause')).toBeDisabled();
  await field.fill('1');
  await expect(page.getByTestId('bench-threads-error')).toBeEmpty();
});

test('a result downloads as JSON, and re-importing it shows on the compare chart', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?bench=run&seconds=2&threads=1&warmup=0.5');
  const result = page.getByTestId('bench-result');
  await expect(result).toHaveAttribute('data-hashrate', /\d/, { timeout: 30_000 });
  const hashrate = Number(await result.getAttribute('data-hashrate'));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bench-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^powlab-bench-.*-1t\.json$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.format).toBe('powlab-bench-result');
  expect(json.version).toBe(2);
  expect(json.kind).toBe('run');
  expect(json.runs[0].hashrate).toBe(hashrate);
  expect(json.runs[0].threads).toBe(1);
  expect(json.device.crossOriginIsolated).toBe(true);
  expect(json).not.toHaveProperty('verified');
  expect(json.backend).toBe('wasm');
  expect(json.caveats).toEqual({ disturbedBy: [], hidden: false, emulated: false });
  // What the core found before timing, as it found it (the same figures the CLI's own core records).
  const evidence = json.runs[0].evidence;
  expect(evidence.knownAnswer).toEqual({ block: 'genesis', nonce: 2083236893, hash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f' });
  expect(evidence.checksum).toEqual({
    workload: 'powlab-checksum-v1',
    value: '501796b05e4fe0291ef2911f4c084c29dd1fddf5a0a51344c9769a25997f7bac',
    shares: 4138,
    bestNonce: 8603,
    bestHash: '00007cc6ec08c5d53c32ceaf6e8309c32eb07fc903a94ec77ac2bf6e48f7adb3',
  });
  const served = readFileSync(evidence.core.build === 'simd' ? 'build/wasm/pow.simd.wasm' : 'build/wasm/pow.wasm');
  expect(evidence.core.wasmSha256).toBe(createHash('sha256').update(served).digest('hex'));
  await expect(page.getByTestId('bench-evidence')).toContainText('found the genesis block at nonce 2083236893');
  await expect(result).toHaveAttribute('data-score', 'true');

  // The run is in the history and on the chart already; the imported copy is a second series.
  const chart = page.getByTestId('bench-compare-chart');
  await expect(chart).toHaveAttribute('data-series', '1');
  await page.getByTestId('bench-import').setInputFiles(file);
  await expect(chart).toHaveAttribute('data-series', '2');
  const imported = page.locator('[data-testid="bench-compare-item"][data-source="file"]');
  await expect(imported).toHaveCount(1);
  await expect(imported).toHaveAttribute('data-hashrate', String(hashrate));
  await expect(imported).toContainText(download.suggestedFilename());
  await expect(page.getByTestId('bench-import-error')).toBeEmpty();
  // The import re-ran the checksum workload on this device, and it agrees.
  await expect(imported).toHaveAttribute('data-check', 'confirmed');
  await expect(imported.getByTestId('bench-check')).toHaveText('checksum confirmed here');

  // A file that is not a result is refused with a reason, and changes nothing.
  await page.getByTestId('bench-import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
  await expect(page.getByTestId('bench-import-error')).toContainText('notes.json');
  await expect(page.getByTestId('bench-import-error')).toContainText('not a PoW Lab benchmark result');
  await expect(chart).toHaveAttribute('data-series', '2');

  // Unticking a result takes it off the chart.
  await imported.getByRole('checkbox').uncheck();
  await expect(chart).toHaveAttribute('data-series', '1');

  // The text summary goes to the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('bench-copy').click();
  await expect(page.getByTestId('bench-copy-status')).toHaveText('Summary copied to the clipboard.');
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toMatch(/^PoW Lab benchmark \(single run\)/);
  expect(summary).toContain('SHA-256d block-header hashes per second');
  expect(summary).toContain('warm-up');

  // The history survives a reload, and the latest result is shown again.
  await page.goto('/#bench');
  await expect(page.locator('[data-testid="bench-compare-item"][data-source="history"]')).toHaveCount(1);
  await expect(page.getByTestId('bench-result')).toHaveAttribute('data-hashrate', String(hashrate));
});

test('windows measured while the tab is hidden are left out and the run says so', async ({ page }) => {
  test.setTimeout(60_000);
  await openBench(page);
  await page.getByTestId('bench-preset-custom').check();
  await page.getByTestId('bench-seconds').fill('4');
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-status')).toContainText('measuring', { timeout: 15_000 });
  // Headless Chromium never hides the tab: simulate what the browser does when the user switches away.
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await page.waitForTimeout(1200);
  await setHidden(false);
  const result = page.getByTestId('bench-result');
  await expect(result).toHaveAttribute('data-hashrate', /\d/, { timeout: 30_000 });
  await expect(page.getByTestId('bench-hidden-note')).toContainText('hidden');
  await expect(page.getByTestId('bench-facts')).toContainText('Left out');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('powlab.benchHistory')!)[0]);
  const windows = stored.runs[0].windows as Array<{ valid: boolean; invalid?: string }>;
  expect(windows.some((w) => !w.valid && w.invalid === 'hidden')).toBe(true);
  expect(windows.some((w) => w.valid)).toBe(true);
  expect(stored.runs[0].hiddenSeconds).toBeGreaterThan(1);
  // The device was not measured undisturbed: the file says so and the figure is not its score.
  expect(stored.caveats.hidden).toBe(true);
  await expect(result).toHaveAttribute('data-score', 'false');
  await expect(page.getByTestId('bench-caveats')).toContainText('the tab was hidden during the measurement');
  expect(await page.evaluate(() => localStorage.getItem('powlab.lastHashrate'))).toBeNull();
});

/** A version 2 result file as a correct core writes it, with `edit` applied. */
function resultFile(edit: (r: any) => void = () => undefined): { name: string; mimeType: string; buffer: Buffer } {
  const run = {
    threads: 4, simd: true, lanes: 4, hashrate: 2.4e7, perWorker: [6e6, 6e6, 6e6, 6e6], min: 2.3e7, max: 2.5e7, cv: 0.01,
    warmupSeconds: 2, windowSeconds: 1, measuredSeconds: 3, ended: 'time',
    windows: [1, 2, 3].map((i) => ({ start: i + 1, seconds: 1, rate: 2.4e7, valid: true })),
    hiddenSeconds: 0, throttling: { checked: false, firstThird: 0, lastThird: 0, drop: 0, throttled: false }, incidents: [], gpuHashrate: null,
    evidence: {
      core: { build: 'simd', lanes: 4, wasmSha256: null },
      knownAnswer: { block: 'genesis', nonce: 2083236893, hash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f' },
      checksum: { workload: 'powlab-checksum-v1', value: '501796b05e4fe0291ef2911f4c084c29dd1fddf5a0a51344c9769a25997f7bac', shares: 4138, bestNonce: 8603, bestHash: '00007cc6ec08c5d53c32ceaf6e8309c32eb07fc903a94ec77ac2bf6e48f7adb3' },
    },
  };
  const r: any = {
    format: 'powlab-bench-result', version: 2, kind: 'run', label: 'desk PC', date: '2026-11-30T10:00:00.000Z',
    workload: { algorithm: 'sha256d-header', header: '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c' },
    backend: 'wasm', adapter: null, caveats: { disturbedBy: [], hidden: false, emulated: false },
    app: 'PoW Lab (browser)',
    device: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0', cores: 8, simdSupported: true, crossOriginIsolated: true, deviceMemoryGiB: null, battery: null },
    runs: [run],
  };
  edit(r);
  return { name: `${r.label.replace(/ /g, '-')}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(r)) };
}

test('an imported file is checked here: a wrong checksum is struck out and kept off the chart; an old file says it has none', async ({ page }) => {
  await openBench(page);
  const chart = page.getByTestId('bench-compare-chart');
  const item = (name: string) => page.locator('[data-testid="bench-compare-item"][data-source="file"]', { hasText: name });

  await page.getByTestId('bench-import').setInputFiles(resultFile());
  await expect(item('desk PC')).toHaveAttribute('data-check', 'confirmed');
  await expect(item('desk PC').getByTestId('bench-struck')).toHaveCount(0);
  await expect(chart).toHaveAttribute('data-series', '1');

  // One hex digit of the checksum changed: well-formed, but not what this device computes.
  await page.getByTestId('bench-import').setInputFiles(resultFile((r) => {
    r.label = 'tampered';
    r.runs[0].evidence.checksum.value = '6' + r.runs[0].evidence.checksum.value.slice(1);
  }));
  const tampered = item('tampered');
  await expect(tampered).toHaveAttribute('data-check', 'mismatch');
  await expect(tampered.getByTestId('bench-check')).toHaveText('checksum mismatch: its figures cannot be trusted');
  await expect(tampered.getByTestId('bench-struck')).toHaveText('24 MH/s');
  await expect(tampered.getByRole('checkbox')).toBeDisabled();
  await expect(tampered.getByRole('checkbox')).not.toBeChecked();
  await expect(chart).toHaveAttribute('data-series', '1');

  // A version 1 file: no evidence to check, said so; it is still readable and comparable.
  await page.getByTestId('bench-import').setInputFiles(resultFile((r) => {
    r.label = 'old file';
    r.version = 1;
    r.verified = true;
    delete r.backend;
    delete r.adapter;
    delete r.caveats;
    delete r.runs[0].evidence;
    delete r.runs[0].gpuHashrate;
  }));
  await expect(item('old file')).toHaveAttribute('data-check', 'no-evidence');
  await expect(item('old file').getByTestId('bench-check')).toContainText('no checksum to check');
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(page.getByTestId('bench-import-error')).toBeEmpty();
});

test('screenshots: desktop and phone, before and after a run; no horizontal scroll at 360 px', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBench(page);
  await page.screenshot({ path: `${SCREENS}/bench-desktop-before.png`, fullPage: true });

  await page.setViewportSize({ width: 360, height: 740 });
  await openBench(page);
  await noHorizontalScroll(page);
  await page.screenshot({ path: `${SCREENS}/bench-phone-before.png`, fullPage: true });

  await page.goto('/?bench=run&seconds=2&threads=2&warmup=0.5');
  await expect(page.getByTestId('bench-result')).toHaveAttribute('data-hashrate', /\d/, { timeout: 30_000 });
  await expect(page.getByTestId('bench-result')).toHaveAttribute('data-threads', '2');
  await noHorizontalScroll(page);
  await page.screenshot({ path: `${SCREENS}/bench-phone-after.png`, fullPage: true });
});

test('a thread sweep shows speed-up and efficiency for every thread count', async ({ page }) => {
  test.setTimeout(90_000);
  await openBench(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.getByTestId('bench-preset-custom').check();
  await page.getByTestId('bench-seconds').fill('1');
  await page.getByTestId('bench-sweep').click();
  await expect(page.getByTestId('bench-status')).toContainText('Thread sweep, step 1');
  const result = page.getByTestId('bench-result');
  await expect(result).toHaveAttribute('data-kind', 'sweep', { timeout: 30_000 + cores * 10_000 });
  finitePositive(await result.getAttribute('data-hashrate'));
  const rows = page.getByTestId('bench-scaling-table').locator('tbody tr');
  await expect(rows).toHaveCount(cores);
  await expect(rows.first()).toContainText('1.00×');
  await expect(rows.first()).toContainText('100%');
  await expect(page.getByTestId('bench-scaling')).toBeVisible();
  await expect(page.locator('#view-bench')).not.toContainText('NaN');
  await page.getByTestId('bench-result').screenshot({ path: `${SCREENS}/bench-desktop-sweep.png` });
});

test('SIMD on and off are measured one after the other and compared', async ({ page }) => {
  test.setTimeout(60_000);
  await openBench(page);
  // The comparison needs both builds; a browser without WebAssembly SIMD (not Chromium 156, which CI
  // uses, so this never skips there) disables the button, and there is nothing to compare.
  test.skip(await page.getByTestId('bench-simd-compare').isDisabled(), 'this browser has no WebAssembly SIMD');
  await page.getByTestId('bench-preset-custom').check();
  await page.getByTestId('bench-seconds').fill('1');
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-simd-compare').click();
  const result = page.getByTestId('bench-result');
  await expect(result).toHaveAttribute('data-kind', 'simd', { timeout: 40_000 });
  const table = page.getByTestId('bench-simd-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table).toContainText('SIMD (4 lanes)');
  await expect(table).toContainText('scalar');
  await expect(page.getByTestId('bench-simd-ratio')).toHaveText(/SIMD core is \d+\.\d\d× the scalar core/);
});

test('no figure is reported from a core that fails its self-test', async ({ page }) => {
  // The wasm served with one byte of the SHA-256 round constant K[0] = 0x428a2f98 changed.
  await page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    const k0 = body.indexOf(Buffer.from('982f8a42', 'hex'));
    expect(k0).toBeGreaterThan(0);
    body[k0] = 0x99;
    await route.fulfill({ response, body });
  });
  await page.goto('/?bench=run&seconds=2&threads=1');
  const error = page.getByTestId('bench-error');
  await expect(error).toBeVisible({ timeout: 15_000 });
  await expect(error).toContainText('No figure is reported');
  await expect(error).toContainText('self-test');
  await expect(page.getByTestId('bench-result')).not.toHaveAttribute('data-hashrate', /./);
  expect(await page.evaluate(() => localStorage.getItem('powlab.lastHashrate'))).toBeNull();
});

test('the screen works from the keyboard', async ({ page }) => {
  await openBench(page);
  await page.getByTestId('bench-preset-quick').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('bench-preset-standard')).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('bench-preset-custom')).toBeChecked();
  await expect(page.getByTestId('bench-seconds')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('bench-seconds')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('60');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('bench-threads')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bench-stop')).toBeEnabled();
  await page.getByTestId('bench-stop').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bench-status')).toHaveText('Stopped. No result was recorded.');
});

test('nothing is measured while Mine a block is mining: the notice names it and can stop it', async ({ page }) => {
  test.setTimeout(60_000);
  // Mine a block with 40 zero bits: it runs until stopped.
  await page.goto('/#mine');
  await page.getByTestId('mine-zero-bits').fill('40');
  await page.getByTestId('mine-start-button').click();
  await expect(page.getByTestId('mine-stop')).toBeEnabled({ timeout: 15_000 });

  // Change screens in the page (no reload), as the nav does: the mining goes on.
  await page.evaluate(() => (location.hash = '#bench'));
  await expect(page.getByTestId('bench-start')).toBeVisible();
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-start').click();
  const notice = page.getByTestId('busy-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Mine a block');
  await expect(notice).toContainText('depressed');
  // Nothing started and nothing was saved.
  await page.waitForTimeout(500);
  await expect(page.getByTestId('bench-pause')).toBeDisabled();
  await expect(page.getByTestId('bench-stop')).toBeDisabled();
  await expect(page.getByTestId('bench-start')).toBeEnabled();
  await expect(page.getByTestId('bench-status')).toContainText('Ready');
  await expect(page.getByTestId('bench-result')).not.toHaveAttribute('data-hashrate', /./);
  expect(await page.evaluate(() => localStorage.getItem('powlab.lastHashrate'))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('powlab.benchHistory'))).toBeNull();

  // Its Stop button stops the mining; the notice goes, and Start then works.
  await page.getByTestId('busy-stop').click();
  await expect(notice).toHaveCount(0);
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-stop')).toBeEnabled();
  await expect(page.getByTestId('bench-status')).toContainText('measuring', { timeout: 15_000 });
  await page.getByTestId('bench-stop').click();
  await expect(page.getByTestId('bench-status')).toHaveText('Stopped. No result was recorded.');
});

test('a chain simulation started during a benchmark makes its figure no score: kept, marked, never the device\'s rate', async ({ page }) => {
  test.setTimeout(60_000);
  await openBench(page);
  await page.getByTestId('bench-preset-custom').check();
  await page.getByTestId('bench-seconds').fill('3');
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-status')).toContainText('measuring', { timeout: 15_000 });

  // The benchmark goes on while the learner runs a simulation on the Difficulty screen.
  await page.evaluate(() => (location.hash = '#difficulty'));
  await page.getByTestId('sim-run').click();
  await page.evaluate(() => (location.hash = '#bench'));

  const disturbed = page.getByTestId('bench-disturbed');
  await expect(disturbed).toBeVisible();
  await expect(disturbed).toContainText('chain simulation (Difficulty)');
  await expect(page.getByTestId('bench-status')).toContainText('not a score', { timeout: 30_000 });
  await expect(disturbed).toContainText('Not a score');
  await expect(disturbed).toContainText('chain simulation (Difficulty)');
  const result = page.getByTestId('bench-result');
  await expect(result).toHaveAttribute('data-score', 'false');
  await expect(page.getByTestId('bench-caveats')).toContainText('the chain simulation (Difficulty) ran during the measurement');
  await expect(page.getByTestId('bench-start')).toBeEnabled();
  expect(await page.evaluate(() => localStorage.getItem('powlab.lastHashrate'))).toBeNull();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('powlab.benchHistory')!));
  expect(stored).toHaveLength(1);
  expect(stored[0].caveats.disturbedBy).toEqual(['the chain simulation (Difficulty)']);
  const item = page.getByTestId('bench-compare-item');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('bench-caveat')).toContainText('not a score: the chain simulation (Difficulty) ran during the measurement');
});

test('nothing is measured while a simulation runs: the notice names it, and its Stop button ends it', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/#difficulty');
  await page.getByTestId('sim-blocks').fill('10000000');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-cancel')).toBeVisible();

  await page.evaluate(() => (location.hash = '#bench'));
  await page.getByTestId('bench-start').click();
  const notice = page.getByTestId('busy-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('chain simulation (Difficulty)');
  await expect(page.getByTestId('bench-pause')).toBeDisabled();
  await expect(page.getByTestId('bench-status')).toContainText('Ready');

  await page.getByTestId('busy-stop').click();
  await expect(notice).toHaveCount(0);
  await page.evaluate(() => (location.hash = '#difficulty'));
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'cancelled');
});

test.describe('without WebGPU (the default launch has no WebGPU flag)', () => {
  test('the page says so in one sentence, keeps the CPU benchmark, and a webgpu link starts nothing', async ({ page }) => {
    await page.goto('/?bench=run&backend=webgpu&seconds=2#bench');
    const status = page.getByTestId('bench-gpu-status');
    await expect(status).toHaveAttribute('data-available', 'false');
    await expect(status).toContainText('WebGPU is not available here');
    await expect(status).toContainText('The CPU (WebAssembly) benchmark works as before.');
    await expect(page.getByTestId('bench-backend-webgpu')).toBeDisabled();
    await expect(page.getByTestId('bench-backend-both')).toBeDisabled();
    await expect(page.getByTestId('bench-backend-wasm')).toBeChecked();
    const error = page.getByTestId('bench-url-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText('backend=webgpu: WebGPU is not available here');
    await expect(page.getByTestId('bench-stop')).toBeDisabled();
    await expect(page.getByTestId('bench-result')).not.toHaveAttribute('data-hashrate', /./);
  });

  test('a bad backend in a link is named and starts nothing', async ({ page }) => {
    await page.goto('/?bench=run&backend=cuda&seconds=2#bench');
    await expect(page.getByTestId('bench-url-error')).toContainText('backend=cuda: use backend=wasm (the CPU), backend=webgpu (the GPU) or backend=both.');
    await expect(page.getByTestId('bench-stop')).toBeDisabled();
  });
});
