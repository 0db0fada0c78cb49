// The WebGPU backend in headless Chromium. With --enable-unsafe-webgpu the adapter is SwiftShader, a
// CPU emulation: these tests check correctness only, never speed. Every run goes through the
// URL-driven mining run (/?mine=run&...), whose [data-testid=mine-result] carries the outcome; a run
// on the wasm backend over the same range is the reference, and node:crypto checks the known answers
// (../shared/vectors/headers.json: real mainnet headers).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import config from '../../playwright.config.js';
import { expect, test } from './fixtures.js';

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
/** SHA-256d of the header with this nonce, display order (byte-reversed). */
function displayHash(headerHex: string, nonce: number): string {
  const b = Buffer.from(headerHex, 'hex');
  b.writeUInt32LE(nonce, 76);
  return Buffer.from(sha256(sha256(b))).reverse().toString('hex');
}

interface HeaderVector { height: number; headerHex: string; blockHash: string; nonce: number }
const HEADERS = (JSON.parse(readFileSync(new URL('../../../shared/vectors/headers.json', import.meta.url), 'utf8')) as { headers: HeaderVector[] }).headers;
const GENESIS = HEADERS[0]!;
const LAST_NONCE = 0xffffffff;
/** A share target with 6 leading zero bits: about one hash in 64 is a share. */
const SHARE = '03' + 'f'.repeat(62);

const configArgs = config.use?.launchOptions?.args ?? [];
const SHOTS = 'test-results/screens';

test.describe.configure({ timeout: 180_000 });
// The whole file's browser has WebGPU (Playwright allows launch options only per file); the last
// group launches its own browser without the flag.
test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: [...configArgs, '--enable-unsafe-webgpu'] } });

interface MineResult {
  found: string;
  nonce?: string;
  hash?: string;
  hashes: string;
  backend: string;
  shares: string;
  bestHash?: string;
  bestNonce?: string;
  adapter?: string;
  emulated?: string;
  verified?: string;
}

/**
 * Runs /?mine=run with these parameters and returns the result's data attributes. The first run opens
 * the page; later ones change the address in place (pushState + popstate), so the GPU miner, its
 * device and its compiled kernel are kept between runs.
 */
async function mine(page: Page, params: Record<string, string | number | undefined>): Promise<MineResult> {
  const query = runQuery(params);
  if (!page.url().includes('mine=run')) await page.goto(`/${query}`);
  else {
    await page.evaluate((q) => {
      history.pushState(null, '', `/${q}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, query);
  }
  const result = page.getByTestId('mine-result');
  const error = page.getByTestId('mine-url-error');
  await expect(result.or(error.filter({ hasText: /\S/ }))).toBeVisible({ timeout: 120_000 });
  const problem = await error.textContent();
  if (problem) throw new Error(`the run did not happen: ${problem}`);
  return result.evaluate((el) => ({ ...(el as HTMLElement).dataset }) as unknown as MineResult);
}

/** The address of a mining run; undefined parameters are left out. */
function runQuery(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]);
  return `?${new URLSearchParams({ mine: 'run', ...Object.fromEntries(entries) })}`;
}

/** The parts of two results that must agree whichever backend computed them. */
const books = (r: MineResult) => ({ found: r.found, nonce: r.nonce, hash: r.hash, hashes: r.hashes, shares: r.shares, bestHash: r.bestHash, bestNonce: r.bestNonce });

test.describe('WebGPU (SwiftShader, correctness only)', () => {
  test('real headers scanned from nonce − 1000 find exactly the recorded nonce and hash', async ({ page }) => {
    for (const v of HEADERS) {
      const r = await mine(page, { header: v.headerHex, start: v.nonce - 1000, count: 2000, backend: 'webgpu' });
      expect(r, `height ${v.height}`).toMatchObject({ found: 'true', nonce: String(v.nonce), hash: v.blockHash, hashes: '1001', backend: 'webgpu', verified: 'true' });
      expect(r.emulated).toBe('true');
    }
  });

  test('a range without the nonce reports none, with hashes = count and the wasm core’s best hash', async ({ page }) => {
    const range = { header: GENESIS.headerHex, start: GENESIS.nonce - 3001, count: 1999 };
    const gpu = await mine(page, { ...range, backend: 'webgpu' });
    expect(gpu).toMatchObject({ found: 'false', hashes: '1999', backend: 'webgpu' });
    expect(gpu.nonce).toBeUndefined();
    const wasm = await mine(page, { ...range, backend: 'wasm', threads: 1 });
    expect(books(gpu)).toEqual(books(wasm));
    // The best hash is the real SHA-256d at the best nonce.
    expect(gpu.bestHash).toBe(displayHash(GENESIS.headerHex, Number(gpu.bestNonce)));
  });

  test('shares, best hash and best nonce equal the wasm core’s over ranges of odd starts and lengths', async ({ page }) => {
    const h = HEADERS[2]!;
    const cases = [
      { header: GENESIS.headerHex, start: 12345, count: 1001 },
      { header: GENESIS.headerHex, start: 0, count: 9 },
      { header: h.headerHex, start: 3, count: 517 },
      { header: h.headerHex, start: h.nonce - 7777, count: 70001 }, // several dispatches, ends past the nonce
      // Easy targets: found early, so shares and best count only up to the solution.
      { header: GENESIS.headerHex, start: 999, count: 50_000, target: '00ff' + 'f'.repeat(60) },
      { header: h.headerHex, start: 77, count: 50_000, target: '007f' + 'f'.repeat(60) },
    ];
    let sharesSeen = 0;
    for (const c of cases) {
      const gpu = await mine(page, { ...c, share: SHARE, backend: 'webgpu' });
      const wasm = await mine(page, { ...c, share: SHARE, backend: 'wasm', threads: 1 });
      expect(books(gpu), JSON.stringify(c)).toEqual(books(wasm));
      expect(gpu.bestHash).toBe(displayHash(c.header, Number(gpu.bestNonce)));
      sharesSeen += Number(gpu.shares);
    }
    expect(sharesSeen, 'the ranges hold shares to count').toBeGreaterThan(100);
  });

  test('a hash exactly equal to the target is accepted, one below it is not', async ({ page }) => {
    const range = { header: GENESIS.headerHex, start: GENESIS.nonce - 1000, count: 2000, backend: 'webgpu' };
    const equal = await mine(page, { ...range, target: GENESIS.blockHash });
    expect(equal).toMatchObject({ found: 'true', nonce: String(GENESIS.nonce), hash: GENESIS.blockHash, hashes: '1001' });
    const below = (BigInt(`0x${GENESIS.blockHash}`) - 1n).toString(16).padStart(64, '0');
    const none = await mine(page, { ...range, target: below });
    expect(none).toMatchObject({ found: 'false', hashes: '2000' });
    expect(none.bestHash).toBe(GENESIS.blockHash);
  });

  test('the last nonce 2^32 − 1 is scanned and nothing wraps', async ({ page }) => {
    // The whole top of the range: the books agree with the wasm core's, and every nonce counted.
    const range = { header: GENESIS.headerHex, start: LAST_NONCE - 1002, count: 1003 };
    const gpu = await mine(page, { ...range, share: SHARE, backend: 'webgpu' });
    const wasm = await mine(page, { ...range, share: SHARE, backend: 'wasm', threads: 1 });
    expect(books(gpu)).toEqual(books(wasm));
    expect(gpu).toMatchObject({ found: 'false', hashes: '1003' });
    expect(Number(gpu.bestNonce)).toBeGreaterThanOrEqual(range.start);
    // The last nonce's own hash as the target over the last 7 nonces (fewer than one invocation's 8):
    // the first nonce at or below it, found by brute force here, is what the GPU must report; the
    // last nonce itself alone is found too.
    const last = displayHash(GENESIS.headerHex, LAST_NONCE);
    const tail = { header: GENESIS.headerHex, start: LAST_NONCE - 6, count: 7, target: last, backend: 'webgpu' };
    let expected = tail.start;
    while (BigInt(`0x${displayHash(GENESIS.headerHex, expected)}`) > BigInt(`0x${last}`)) expected++;
    const found = await mine(page, tail);
    expect(found).toMatchObject({ found: 'true', nonce: String(expected), hashes: String(expected - tail.start + 1) });
    const alone = await mine(page, { ...tail, start: LAST_NONCE, count: 1 });
    expect(alone).toMatchObject({ found: 'true', nonce: String(LAST_NONCE), hash: last, hashes: '1', bestNonce: String(LAST_NONCE) });
  });

  test('URL-driven runs: both backends give the powlab mine answer; bad parameters run nothing', async ({ page }) => {
    // Default target: the header's own nBits (0x1d00ffff).
    const range = { header: GENESIS.headerHex, start: GENESIS.nonce - 500, count: 1000 };
    const wasm = await mine(page, { ...range, backend: 'wasm' });
    const gpu = await mine(page, { ...range, backend: 'webgpu' });
    for (const r of [wasm, gpu]) expect(r).toMatchObject({ found: 'true', nonce: String(GENESIS.nonce), hash: GENESIS.blockHash, hashes: '501', verified: 'true' });
    expect(wasm.backend).toBe('wasm');
    expect(gpu.backend).toBe('webgpu');
    expect(gpu.adapter).toMatch(/swiftshader/i);
    await expect(page.getByTestId('mine-result-emulated')).toHaveText(/emulated on the CPU, not a GPU figure/);
    await page.getByTestId('mine-url-run').screenshot({ path: `${SHOTS}/mine-url-run.png` });

    for (const [bad, words] of [
      [{ ...range, header: GENESIS.headerHex.slice(2) }, /header/],
      [{ ...range, backend: 'cuda' }, /backend=cuda/],
      [{ ...range, start: LAST_NONCE, count: 2 }, /passes the last nonce/],
      [{ ...range, bits: '0x1d00ffff', target: GENESIS.blockHash }, /not both/],
    ] as const) {
      await page.goto(`/${runQuery(bad)}`);
      await expect(page.getByTestId('mine-url-error')).toHaveText(words);
      await expect(page.getByTestId('mine-result')).toBeHidden();
    }
  });

  test('Mine a block offers the GPU, labelled emulated, and a block mined on it is verified', async ({ page }) => {
    await page.goto('/#mine');
    const option = page.getByTestId('mine-gpu');
    await expect(option).toBeEnabled();
    await expect(page.getByTestId('mine-gpu-note')).toHaveText(/emulated on the CPU, not a GPU figure/);
    await page.getByTestId('mine-zero-bits').fill('8');
    // The GPU load applies to the GPU only, and a run at a quarter load still finds and verifies.
    await expect(page.getByTestId('mine-gpu-duty')).toBeDisabled();
    await option.check();
    await expect(page.getByTestId('mine-gpu-duty')).toBeEnabled();
    await page.getByTestId('mine-gpu-duty').selectOption('0.25');
    await page.getByTestId('mine-start-button').click();
    await expect(page.getByTestId('mine-gpu-duty')).toBeDisabled();
    const found = page.getByTestId('mine-found');
    await expect(found).toHaveAttribute('data-verified', 'yes', { timeout: 60_000 });
    const nonce = Number(await found.getAttribute('data-nonce'));
    const header = (await found.getAttribute('data-header-hex'))!;
    expect(await found.getAttribute('data-hash')).toBe(displayHash(header, nonce));
    await expect(page.getByTestId('mine-rate-note')).toHaveText(/emulated on the CPU, not a GPU figure/);
    await expect(page.getByTestId('mine-job')).toHaveText(/on the GPU \(google swiftshader\)/);
    for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId('mine-gpu').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/mine-gpu-${name}.png`, fullPage: false });
    }
  });
});

test.describe('without WebGPU (the flag off)', () => {
  test('the page says WebGPU is unavailable, keeps the CPU path, and a webgpu run is refused', async ({ playwright, baseURL }) => {
    const browser = await playwright.chromium.launch({ executablePath: '/usr/bin/chromium', args: configArgs });
    try {
      const page = await browser.newPage({ baseURL: baseURL! });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto('/#mine');
      await expect(page.getByTestId('mine-gpu')).toBeDisabled();
      await expect(page.getByTestId('mine-gpu-note')).toHaveText(/WebGPU is not available here/);
      await expect(page.getByTestId('mine-threads')).toBeEnabled();
      const range = { header: GENESIS.headerHex, start: GENESIS.nonce - 10, count: 20 };
      const wasm = await mine(page, { ...range, backend: 'wasm' });
      expect(wasm).toMatchObject({ found: 'true', nonce: String(GENESIS.nonce) });
      await page.goto(`/${runQuery({ ...range, backend: 'webgpu' })}`);
      await expect(page.getByTestId('mine-url-error')).toHaveText(/WebGPU is not available here/);
      await expect(page.getByTestId('mine-result')).toBeHidden();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
