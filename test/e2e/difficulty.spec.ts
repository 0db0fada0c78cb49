// The Difficulty screen on the built app, in real Chromium with a real simulation worker. Expected
// retarget figures come from Bitcoin Core's tests (shared/vectors/difficulty.json and pow_tests.cpp).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

async function openDifficulty(page: Page): Promise<void> {
  await page.goto('/#difficulty');
  await expect(page.getByTestId('rt-results')).toHaveAttribute('data-state', 'ready');
}

test('the retarget calculator reproduces Core’s cases', async ({ page }) => {
  await openDifficulty(page);
  // Default: block 32,256 (pow_tests.cpp get_next_work).
  await expect(page.getByTestId('rt-out-bits')).toHaveText('0x1d00d86a');
  await expect(page.getByTestId('rt-out-target')).toHaveText('00000000d86a0000000000000000000000000000000000000000000000000000');
  await expect(page.getByTestId('rt-out-timespan')).toContainText('1,022,578 s');
  await expect(page.getByTestId('rt-first-date')).toHaveText('2009-12-18 09:56:01 UTC');

  await page.getByTestId('rt-example-slow').click();
  await expect(page.getByTestId('rt-out-bits')).toHaveText('0x1d00e1fd');
  await expect(page.getByTestId('rt-out-clamped')).toContainText('4,838,400 s (lowered to 4 × two weeks)');
  await page.getByTestId('rt-example-fast').click();
  await expect(page.getByTestId('rt-out-bits')).toHaveText('0x1c0168fd');
  await expect(page.getByTestId('rt-note')).toContainText('4×');
  await page.getByTestId('rt-example-limit').click();
  await expect(page.getByTestId('rt-out-bits')).toHaveText('0x1d00ffff');
  await expect(page.getByTestId('rt-note')).toContainText('powLimit');
});

for (const [bits, says] of [
  ['0x01fedcba', /negative/],
  ['0x00000000', /zero/],
  ['0xff123456', /overflows/],
  ['0x1e00ffff', /above powLimit/],
  ['hello', /hex digits/],
] as const) {
  test(`nBits ${bits} shows an inline error and no result`, async ({ page }) => {
    await openDifficulty(page);
    const input = page.getByTestId('rt-bits');
    await input.fill(bits);
    await expect(page.getByTestId('rt-bits-error')).toHaveText(says);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('rt-results')).toHaveAttribute('data-state', 'invalid');
    await expect(page.getByTestId('rt-out-bits')).toHaveText('—');
    await input.fill('0x1d00ffff');
    await expect(page.getByTestId('rt-bits-error')).toBeEmpty();
    await expect(page.getByTestId('rt-out-bits')).toHaveText('0x1d00d86a');
  });
}

test('a last time before the first is refused inline', async ({ page }) => {
  await openDifficulty(page);
  await page.getByTestId('rt-last').fill('1261130160');
  await expect(page.getByTestId('rt-last-error')).toContainText('cannot come before the first');
  await expect(page.getByTestId('rt-out-bits')).toHaveText('—');
});

test('a simulation runs in a worker, shows every algorithm and finite charts', async ({ page }) => {
  await openDifficulty(page);
  await page.getByTestId('sim-blocks').fill('8064');
  await page.getByTestId('sim-at-days').fill('10');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('sim-status')).toContainText('Done: 32,256 blocks');
  const rows = page.getByTestId('sim-summary').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  for (const id of ['bitcoin', 'asert', 'lwma', 'sma']) {
    await expect(page.getByTestId(`sim-mean-${id}`)).toHaveText(/^\d+\.\d s$/);
    await expect(page.getByTestId(`sim-recovery-${id}`)).not.toHaveText(/NaN|undefined/);
  }
  // No NaN in any chart: the view marks each canvas with its point count and whether all are finite.
  for (const id of ['sim-chart-difficulty', 'sim-chart-interval', 'sim-chart-periods', 'luck-chart-cdf', 'luck-chart-poisson']) {
    const canvas = page.getByTestId(id);
    await expect(canvas, id).toHaveAttribute('data-finite', 'true');
    // The chart factories count what they leave out: nothing was dropped as non-finite.
    await expect(canvas, id).toHaveAttribute('data-dropped', '0');
    // The Poisson chart of a 5 MH/s device shows one bar (zero blocks, almost surely).
    expect(Number(await canvas.getAttribute('data-points')), id).toBeGreaterThan(id === 'luck-chart-poisson' ? 0 : 5);
  }
  await expect(page.locator('#view-difficulty')).not.toContainText('NaN');
});

test('the same seed gives the same results; another seed changes them', async ({ page }) => {
  await openDifficulty(page);
  await page.getByTestId('sim-scenario').selectOption('constant');
  await page.getByTestId('sim-blocks').fill('3000');
  for (const id of ['bitcoin', 'lwma', 'sma']) await page.getByTestId(`sim-algo-${id}`).uncheck();
  const run = async () => {
    await page.getByTestId('sim-run').click();
    await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'done');
    return page.getByTestId('sim-mean-asert').textContent();
  };
  const first = await run();
  expect(await run()).toBe(first);
  await page.getByTestId('sim-seed').fill('2');
  expect(await run()).not.toBe(first);
  await expect(page.getByTestId('sim-summary').locator('tbody tr')).toHaveCount(1);
});

test('a long simulation reports progress and can be cancelled', async ({ page }) => {
  await openDifficulty(page);
  await page.getByTestId('sim-blocks').fill('10000000');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-cancel')).toBeVisible();
  await expect(page.getByTestId('sim-progress')).toBeVisible();
  await expect(page.getByTestId('sim-status')).toContainText('%');
  await expect.poll(() => page.getByTestId('sim-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBeGreaterThan(0);
  await page.getByTestId('sim-cancel').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('sim-status')).toContainText('Cancelled');
  await expect(page.getByTestId('sim-cancel')).toBeHidden();
  await expect(page.getByTestId('sim-run')).toBeEnabled();
});

test('nonsense scenario parameters are refused inline and nothing runs', async ({ page }) => {
  await openDifficulty(page);
  await page.getByTestId('sim-factor').fill('0');
  await page.getByTestId('sim-blocks').fill('ten');
  await page.getByTestId('sim-hashrate').fill('fast');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-factor-error')).toContainText(/outside/i);
  await expect(page.getByTestId('sim-blocks-error')).toContainText(/not an integer/i);
  await expect(page.getByTestId('sim-hashrate-error')).toContainText(/expected a hashrate/i);
  await expect(page.getByTestId('sim-factor')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('sim-results')).toBeHidden();

  for (const id of ['bitcoin', 'asert', 'lwma', 'sma']) await page.getByTestId(`sim-algo-${id}`).uncheck();
  await expect(page.getByTestId('sim-algos-error')).toBeEmpty();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-algos-error')).toHaveText('Choose at least one algorithm.');

  await page.getByTestId('sim-scenario').selectOption('series');
  await page.getByTestId('sim-csv').fill('0,800 EH/s\n10,lots');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-csv-error')).toContainText('Line 2: expected a hashrate');
});

test('luck: the bundled difficulty, a typed hashrate, and inline errors', async ({ page }) => {
  await openDifficulty(page);
  await expect(page.getByTestId('luck-difficulty')).toHaveValue('110451907374649.52');
  await expect(page.getByTestId('luck-difficulty-source')).toContainText('2025-01-12');
  await expect(page.getByTestId('luck-hashrate-source')).toContainText('Not measured yet');
  // 2^32 / 600 H/s at difficulty 1: one block per 600 s on average.
  await page.getByTestId('luck-hashrate').fill(String(2 ** 32 / 600));
  await page.getByTestId('luck-difficulty').fill('1');
  await expect(page.getByTestId('luck-expected')).toHaveText('10 minutes');
  await expect(page.getByTestId('luck-p50')).toHaveText('6.93 minutes');
  await expect(page.getByTestId('luck-day')).toContainText('practically certain');
  await expect(page.getByTestId('luck-results')).toHaveAttribute('data-state', 'ready');

  await page.getByTestId('luck-hashrate').fill('0');
  await expect(page.getByTestId('luck-hashrate-error')).not.toBeEmpty();
  await expect(page.getByTestId('luck-results')).toHaveAttribute('data-state', 'invalid');
  await expect(page.getByTestId('luck-expected')).toHaveText('—');
  // Too large for a double: the message quotes what was typed, not "Infinity".
  await page.getByTestId('luck-hashrate').fill('1e400');
  await expect(page.getByTestId('luck-hashrate-error')).toHaveText('Must be at most 1e+27, got "1e400".');

  await page.getByTestId('luck-hashrate').fill('5 MH/s');
  await page.getByTestId('luck-difficulty-reset').click();
  await expect(page.getByTestId('luck-lifetime-odds')).toContainText('1 in');
  await expect(page.getByTestId('luck-expected')).toContainText('billion years');
  await expect(page.getByTestId('toy-hashes')).toHaveText('2^20 = 1.05 million');
  await expect(page.getByTestId('toy-time')).toHaveText('210 ms');
});

test('luck uses the hashrate measured by the Benchmark screen', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('powlab.lastHashrate', JSON.stringify({ hashrate: 12_345_678, threads: 4, date: '2025-06-01T10:00:00Z' }));
  });
  await openDifficulty(page);
  await expect(page.getByTestId('luck-hashrate')).toHaveValue('12345678');
  await expect(page.getByTestId('luck-hashrate-source')).toContainText('4 threads');
  await expect(page.getByTestId('luck-hashrate-source')).toContainText('12.3 MH/s');
});

test('luck follows a benchmark that ends in the same tab', async ({ page }) => {
  test.setTimeout(60_000);
  await openDifficulty(page);
  await expect(page.getByTestId('luck-hashrate-source')).toContainText('Not measured yet');
  // A URL-driven benchmark in this same page: the router opens the Benchmark screen and runs it,
  // while the Difficulty screen stays mounted (hidden) and must hear of the result.
  await page.evaluate(() => {
    history.pushState(null, '', '/?bench=run&seconds=2&threads=1&warmup=0.5');
    dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await expect(page.getByTestId('bench-result')).toHaveAttribute('data-hashrate', /\d/, { timeout: 30_000 });
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('powlab.lastHashrate') ?? 'null') as { hashrate: number } | null);
  expect(stored?.hashrate).toBeGreaterThan(0);

  await page.evaluate(() => {
    history.pushState(null, '', '/#difficulty');
    dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await expect(page.getByTestId('luck-panel')).toBeVisible();
  await expect(page.getByTestId('luck-hashrate')).toHaveValue(String(stored!.hashrate));
  await expect(page.getByTestId('luck-hashrate-source')).toContainText('Measured by the Benchmark screen in this browser on 1 thread');
  await expect(page.getByTestId('luck-results')).toHaveAttribute('data-state', 'ready');
});

test('a config the worker refuses is marked beside its field, and nothing is shown', async ({ page }) => {
  await openDifficulty(page);
  // Each field is fine on its own; 1 H/s halved is below the 1 H/s the simulation accepts.
  await page.getByTestId('sim-hashrate').fill('1');
  await page.getByTestId('sim-factor').fill('0.5');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-factor-error')).toHaveText('Must be at least 1, got 0.5.');
  await expect(page.getByTestId('sim-factor')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sim-status')).toHaveText('Fix the marked fields, then run again.');
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('sim-results')).toBeHidden();
  await expect(page.getByTestId('sim-error')).toBeHidden();
  await expect(page.getByTestId('sim-run')).toBeEnabled();

  await page.getByTestId('sim-hashrate').fill('790 EH/s');
  await page.getByTestId('sim-blocks').fill('3000');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('sim-factor-error')).toBeEmpty();
});

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const) {
  test(`screenshots and no sideways scrolling at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openDifficulty(page);
    await page.getByTestId('sim-blocks').fill('20160');
    await page.getByTestId('sim-run').click();
    await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    await page.waitForTimeout(200);
    // A late progress message must not overwrite the final status.
    await expect(page.getByTestId('sim-status')).toContainText('Done:');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: `test-results/screens/difficulty-${size.name}.png` });
    await page.screenshot({ path: `test-results/screens/difficulty-${size.name}-full.png`, fullPage: true });
    await page.getByTestId('sim-panel').screenshot({ path: `test-results/screens/difficulty-${size.name}-sim.png` });
    await page.getByTestId('luck-panel').screenshot({ path: `test-results/screens/difficulty-${size.name}-luck.png` });
  });
}

test('the “What you measured” table tolerates a corrupted log and shows the empty state', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('powlab.mineLog', '[{"bits":"x"},'));
  await openDifficulty(page);
  await expect(page.getByTestId('minelog')).toHaveAttribute('data-state', 'empty');
  await expect(page.getByTestId('minelog-empty')).toContainText('16 to 20 zero bits');
  await expect(page.getByTestId('minelog-clear')).toBeDisabled();
});
