// The Pools & profit screen on the built app in real Chromium: schemes simulated in a worker with
// progress and cancel, formulas beside the figures, inline errors, the hopping experiment, the
// profitability figures and the ledger. Expected figures are recomputed here, not copied from the app.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const SCREENS = 'test-results/screens';

async function openPools(page: Page): Promise<void> {
  await page.goto('/#pools');
  await expect(page.getByTestId('pl-panel')).toBeVisible();
}

// Figures for the break-even luck and staking tables, computed here from the published formulas
// (Rosenfeld 2011, arXiv:1112.4980, sections 1.1 and 1.3; ../shared/reference/payouts.md), not with
// the app's functions. A rig of h H/s finds h 86400 / (2^32 D) blocks a day; in a pool of H H/s the
// pool finds H 86400 / (2^32 D) a day and pays the rig q = h / H of each, less the fee. Counts of
// blocks over a period are Poisson, so the luck table's quantiles are a Poisson count's, not a normal's.
const DAY = 86_400;
const blocksPerDay = (hashrate: number, difficulty: number) => (hashrate * DAY) / (2 ** 32 * difficulty);

/** ln k! by summing (counts here stay in the tens). */
function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
}

/** P(X <= k) for X ~ Poisson(lambda). */
function poissonCdf(k: number, lambda: number): number {
  let sum = 0;
  for (let j = 0; j <= k; j++) sum += Math.exp(j * Math.log(lambda) - lambda - logFactorial(j));
  return sum;
}

/**
 * The smallest k with P(X <= k) >= prob, after checking that the simulated quantile of n trials
 * cannot land on another count: P(X <= k - 1) and P(X <= k) are each more than 4 standard errors
 * sqrt(prob (1 - prob) / n) of an estimated fraction from prob (each side a 3e-5 chance otherwise).
 */
function settledPoissonQuantile(lambda: number, prob: number, n: number): number {
  let k = 0;
  while (poissonCdf(k, lambda) < prob) k++;
  const margin = 4 * Math.sqrt((prob * (1 - prob)) / n);
  expect(poissonCdf(k, lambda) - prob, `P(X <= ${k}) clears ${prob} by 4 sigma (lambda ${lambda})`).toBeGreaterThan(margin);
  expect(prob - (k === 0 ? 0 : poissonCdf(k - 1, lambda)), `P(X <= ${k - 1}) stays under ${prob} by 4 sigma (lambda ${lambda})`).toBeGreaterThan(margin);
  return k;
}

/** The app's money text ("1,234", "-3,083", "4.20") as a number; it shows cents below 10, whole units above. */
function money(text: string): number {
  expect(text).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d\d)?$/);
  return Number(text.replace(/,/g, ''));
}

/** A money cell shows `expected` to its displayed precision: half a cent below 10, half a unit above. */
function expectMoney(text: string, expected: number): void {
  expect(Math.abs(money(text) - expected), `${text} shows ${expected}`).toBeLessThanOrEqual((Math.abs(expected) < 10 ? 0.005 : 0.5) + 1e-12 * Math.abs(expected));
}

async function cellTexts(page: Page, body: string): Promise<string[][]> {
  return page.getByTestId(body).locator('tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (c) => c.textContent ?? '')));
}

/** Types a whole rig into the profit form, every field named (no default, no date-dependent halving). */
async function fillRig(page: Page, rig: Record<string, string>): Promise<void> {
  await page.getByTestId('pf-hashrate-unit').selectOption({ label: 'TH/s' });
  for (const [id, value] of Object.entries(rig)) await page.getByTestId(id).fill(value);
  await expect(page.getByTestId('pf-results')).toHaveAttribute('data-state', 'ready');
}

async function noHorizontalScroll(page: Page): Promise<void> {
  // Charts resize on their own a moment after the viewport changes.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test('simulates every scheme with the formulas beside the figures and a histogram each', async ({ page }) => {
  await openPools(page);
  await expect(page.getByTestId('pl-explanations')).toContainText('PPLNS');
  await expect(page.getByTestId('pl-explanations')).toContainText('SCORE');
  // Rosenfeld's example: 1 GH/s alone at difficulty 1,690,906 for a day, 50-coin blocks.
  await page.getByTestId('pl-hashrate').fill('1');
  await page.getByTestId('pl-hashrate-unit').selectOption({ label: 'GH/s' });
  await page.getByTestId('pl-pool').fill('100');
  await page.getByTestId('pl-pool-unit').selectOption({ label: 'GH/s' });
  await page.getByTestId('pl-difficulty').fill('1690906');
  await page.getByTestId('pl-subsidy').fill('50');
  await page.getByTestId('pl-fees').fill('0');
  await page.getByTestId('pl-fee').fill('0');
  await page.getByTestId('pl-days').fill('1');
  await page.getByTestId('pl-trials').fill('5000');
  await page.getByTestId('pl-run').click();
  const results = page.getByTestId('pl-results');
  await expect(results).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const solo = page.getByTestId('pl-row-solo');
  // Closed form: 0.5948 coins a day, stdev 5.454, 98.8% of days pay nothing.
  await expect(solo).toContainText('(0.5948)');
  await expect(solo).toContainText('(5.454)');
  await expect(solo).toContainText('(98.8%)');
  // SCORE expects PROP's mean, 0.5948 less nothing: the same closed form.
  await expect(page.getByTestId('pl-row-score')).toContainText('(0.5948)');
  await expect(page.getByTestId('pl-extra')).toContainText("SCORE's decay of 0.05");
  for (const id of ['solo', 'prop', 'pps', 'fpps', 'pplns', 'score']) {
    await expect(page.getByTestId(`pl-row-${id}`)).toBeVisible();
    await expect(page.getByTestId(`pl-chart-${id}`)).toBeVisible();
  }
  await expect(page.locator('[data-testid="pl-results-body"]')).not.toContainText('NaN');
  // With no fee the PPS operator has no edge: ruin ever is certain.
  await expect(page.getByTestId('pl-operator')).toContainText('Chance of ruin ever: 100.0%');
});

test('cancel stops a long run; bad fields get inline errors', async ({ page }) => {
  await openPools(page);
  await page.getByTestId('pl-difficulty').fill('1e6');
  await page.getByTestId('pl-days').fill('365');
  await page.getByTestId('pl-trials').fill('200000');
  await page.getByTestId('pl-hashrate').fill('1');
  await page.getByTestId('pl-hashrate-unit').selectOption({ label: 'GH/s' });
  await page.getByTestId('pl-pool').fill('1');
  await page.getByTestId('pl-pool-unit').selectOption({ label: 'TH/s' });
  await page.getByTestId('pl-run').click();
  // Too much work for one run is refused before it starts, next to the trials field.
  await expect(page.getByTestId('pl-trials-error')).toContainText('too much work');

  await page.getByTestId('pl-trials').fill('20000');
  await page.getByTestId('pl-days').fill('60');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-results')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('pl-progress')).toBeVisible();
  await page.getByTestId('pl-cancel').click();
  await expect(page.getByTestId('pl-results')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('pl-status')).toHaveText('Cancelled.');

  await page.getByTestId('pl-hashrate').fill('-5');
  await page.getByTestId('pl-fee').fill('150');
  await page.getByTestId('pl-difficulty').fill('0');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-hashrate-error')).not.toBeEmpty();
  await expect(page.getByTestId('pl-fee-error')).not.toBeEmpty();
  await expect(page.getByTestId('pl-difficulty-error')).not.toBeEmpty();
  await expect(page.getByTestId('pl-hashrate')).toHaveAttribute('aria-invalid', 'true');

  await page.getByTestId('pl-hashrate').fill('2');
  await page.getByTestId('pl-hashrate-unit').selectOption({ label: 'TH/s' });
  await page.getByTestId('pl-fee').fill('2');
  await page.getByTestId('pl-difficulty').fill('1e6');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-pool-error')).toContainText('cannot be smaller');
});

test('numbers past a double or past any chain get inline errors, never Infinity or NaN', async ({ page }) => {
  await openPools(page);
  const noBadFigures = async () => {
    for (const id of ['pl-results', 'pf-results', 'pf-cloud']) await expect(page.getByTestId(id)).not.toContainText(/Infinity|NaN|e\+\d{3}/);
  };
  // 1e300 TH/s overflows a double once the unit is applied.
  await page.getByTestId('pl-hashrate').fill('1e300');
  await page.getByTestId('pl-subsidy').fill('1e300');
  await page.getByTestId('pl-difficulty').fill('1e300');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-hashrate-error')).toHaveText('Too large to work with.');
  await expect(page.getByTestId('pl-status')).toHaveText('Fix the marked fields.');
  await page.getByTestId('pl-hashrate').fill('200');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-difficulty-error')).toContainText('expected a difficulty from');
  await page.getByTestId('pl-difficulty').fill('1.1e14');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-subsidy-error')).toContainText('at most');
  await expect(page.getByTestId('pl-subsidy')).toHaveAttribute('aria-invalid', 'true');
  await noBadFigures();

  for (const id of ['pf-price', 'pf-subsidy', 'pf-watts', 'pf-difficulty']) {
    const before = await page.getByTestId(id).inputValue();
    await page.getByTestId(id).fill('1e300');
    await expect(page.getByTestId(`${id}-error`)).not.toBeEmpty();
    await expect(page.getByTestId('pf-results')).toHaveAttribute('data-state', 'error');
    await noBadFigures();
    await page.getByTestId(id).fill(before);
    await expect(page.getByTestId('pf-results')).toHaveAttribute('data-state', 'ready');
  }

  // A day that does not exist is refused, not rolled over into the next month.
  await page.getByTestId('pf-ledger-start').fill('2026-02-30');
  await expect(page.getByTestId('pf-ledger-start-error')).toHaveText('There is no 2026-02-30: that month is shorter.');
  await expect(page.getByTestId('pf-ledger-start')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('pf-ledger-start').fill('2024-02-29');
  await expect(page.getByTestId('pf-ledger-start-error')).toBeEmpty();
  await expect(page.getByTestId('pf-ledger-csv')).toContainText('2024-02-29,');
});

test('the hopping experiment: PROP pays the hopper ~1.8x, PPLNS and PPS ~1, SCORE ~1.09', async ({ page }) => {
  await openPools(page);
  await page.getByTestId('pl-hop-run').click();
  await expect(page.getByTestId('pl-hop-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const rows = page.getByTestId('pl-hop-body').locator('tr');
  await expect(rows).toHaveCount(4);
  const prop = Number(await rows.nth(0).locator('td').nth(0).textContent());
  const pplns = Number(await rows.nth(1).locator('td').nth(0).textContent());
  expect(prop).toBeGreaterThan(1.75);
  expect(prop).toBeLessThan(1.85);
  expect(Math.abs(pplns - 1)).toBeLessThan(0.02);
  // SCORE with r = 0.05 D: 1.087 in closed form.
  await expect(rows.nth(3).locator('th')).toContainText('SCORE');
  const score = Number(await rows.nth(3).locator('td').nth(0).textContent());
  expect(score).toBeGreaterThan(1.06);
  expect(score).toBeLessThan(1.11);
  await expect(page.getByTestId('pl-hop-status')).toContainText('1.087× under SCORE');
  await expect(page.getByTestId('pl-hop-chart')).toBeVisible();
});

test('profitability: an S21 by default, figures recomputed as fields change, luck, ledger', async ({ page }) => {
  await openPools(page);
  await expect(page.getByTestId('pf-results')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('pf-device-source')).toContainText('ViaBTC');
  await page.getByTestId('pf-electricity').fill('0.05');
  await page.getByTestId('pf-pool-fee').fill('0');
  await page.getByTestId('pf-fees').fill('0');
  // 200 TH/s at 1.1e14: 200e12 * 86400 * 3.125 / (2^32 * 1.1e14) coins a day.
  const coins = (200e12 * 86_400 * 3.125) / (2 ** 32 * 1.1e14);
  await expect(page.getByTestId('pf-coins')).toHaveText(Number(coins.toPrecision(4)).toString());
  await expect(page.getByTestId('pf-power')).toHaveText('4.20');
  await page.getByTestId('pf-watts').fill('-1');
  await expect(page.getByTestId('pf-watts-error')).not.toBeEmpty();
  await expect(page.getByTestId('pf-results')).toHaveAttribute('data-state', 'error');
  await page.getByTestId('pf-watts').fill('3500');
  await expect(page.getByTestId('pf-results')).toHaveAttribute('data-state', 'ready');

  await page.getByTestId('pf-luck-run').click();
  await expect(page.getByTestId('pf-luck')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  // Three rows; their figures are checked against the Poisson figures in "break-even luck" below.
  await expect(page.getByTestId('pf-luck-body').locator('tr')).toHaveCount(3);

  await page.getByTestId('pf-ledger-start').fill('2025-01-01');
  await page.getByTestId('pf-ledger-days').fill('3');
  const sats = Math.round(coins * 1e8);
  await expect(page.getByTestId('pf-ledger-csv')).toContainText(`date,coins,value\n2025-01-01,0.${String(sats).padStart(8, '0')},`);
  await expect(page.getByTestId('pf-cloud')).toContainText('breaks even at');
  // Three rows; their figures are checked in "mining or staking" below.
  await expect(page.getByTestId('pf-staking-body').locator('tr')).toHaveCount(3);
});

test('uses the hashrate measured on the Benchmark screen when there is one', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('powlab.lastHashrate', JSON.stringify({ hashrate: 4_500_000, threads: 2, date: '2025-02-01T10:00:00Z' })));
  await openPools(page);
  await page.getByTestId('pl-use-measured').click();
  await expect(page.getByTestId('pl-hashrate')).toHaveValue('4.5');
  await expect(page.getByTestId('pl-hashrate-unit')).toHaveValue(String(1e6));
});

test('screenshots: desktop and phone; no horizontal scroll at 360 px', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPools(page);
  await page.getByTestId('pl-trials').fill('2000');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-results')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.getByTestId('pl-hop-run').click();
  await expect(page.getByTestId('pl-hop-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await page.screenshot({ path: `${SCREENS}/pools-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await noHorizontalScroll(page);
  await page.screenshot({ path: `${SCREENS}/pools-phone.png`, fullPage: true });
  await page.getByTestId('pl-results').screenshot({ path: `${SCREENS}/pools-phone-results.png` });
  await page.getByTestId('pl-hop-panel').screenshot({ path: `${SCREENS}/pools-phone-hopping.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('pl-results').screenshot({ path: `${SCREENS}/pools-desktop-results.png` });
  await page.getByTestId('pf-panel').screenshot({ path: `${SCREENS}/pools-desktop-profit.png` });
});

test('at phone width the contents jumps to every panel, each starting below the sticky contents', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPools(page);
  const contents = page.getByTestId('screen-contents');
  await expect(contents).toBeVisible();
  const panels: [string, string][] = [
    ['Payouts', 'pl-panel'],
    ['Hopping', 'pl-hop-panel'],
    ['Profit', 'pf-panel'],
    ['Luck', 'pf-luck-panel'],
    ['Staking', 'pf-staking-panel'],
    ['Cloud mining', 'pf-cloud-panel'],
    ['Ledger', 'pf-ledger-panel'],
  ];
  await expect(contents.getByRole('link')).toHaveText(panels.map(([label]) => label));
  for (const [label, id] of panels) {
    await contents.getByRole('link', { name: label, exact: true }).click();
    await expect(page.getByTestId(id).locator('h2')).toBeInViewport();
    // The heading is not hidden behind the contents that sticks to the top.
    const [heading, bar] = await Promise.all([page.getByTestId(id).locator('h2').boundingBox(), contents.boundingBox()]);
    expect(heading!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
  }
  await noHorizontalScroll(page);
});

test('the contents is hidden on a desktop', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPools(page);
  await expect(page.getByTestId('screen-contents')).toBeHidden();
});

test('luck: a pool smaller than the rig is refused by the worker, beside the pool field', async ({ page }) => {
  await openPools(page);
  await expect(page.getByTestId('pf-results')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('pf-scheme').selectOption('prop');
  await page.getByTestId('pf-pool').fill('1');
  await page.getByTestId('pf-pool-unit').selectOption({ label: 'TH/s' });
  await page.getByTestId('pf-luck-run').click();
  await expect(page.getByTestId('pf-pool-error')).toHaveText('The pool cannot be smaller than your own hashrate.');
  await expect(page.getByTestId('pf-pool')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('pf-luck')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('pf-luck-status')).toHaveText('Fix the marked fields.');
  await page.getByTestId('pf-pool-unit').selectOption({ label: 'EH/s' });
  await page.getByTestId('pf-luck-run').click();
  await expect(page.getByTestId('pf-luck')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('pf-pool-error')).toBeEmpty();
  await expect(page.getByTestId('pf-luck-status')).toContainText('PROP');
});

test('every figure and chart point after a full run is a finite number', async ({ page }) => {
  await openPools(page);
  await page.getByTestId('pl-trials').fill('2000');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-results')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('pl-operator')).toContainText('Chance of ruin ever');
  await page.getByTestId('pl-hop-run').click();
  await expect(page.getByTestId('pl-hop-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await page.getByTestId('pf-luck-run').click();
  await expect(page.getByTestId('pf-luck')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  for (const id of ['solo', 'prop', 'pps', 'fpps', 'pplns', 'score']) await expect(page.getByTestId(`pl-chart-${id}`)).toHaveAttribute('data-finite', 'true');
  await expect(page.getByTestId('pl-hop-chart')).toHaveAttribute('data-finite', 'true');
  // No formatter was handed NaN or Infinity anywhere on the screen (shared/format.ts counts them).
  expect(await page.evaluate(() => document.documentElement.dataset['nonFinite'] ?? '0')).toBe('0');
});

test('the hopping experiment shows progress and can be cancelled; break-even luck has the same controls', async ({ page }) => {
  await openPools(page);
  // 5,000,000 rounds: the largest experiment the form takes, seconds of work in the worker.
  await page.getByTestId('pl-hop-rounds').fill('5000000');
  await page.getByTestId('pl-hop-run').click();
  await expect(page.getByTestId('pl-hop-run')).toBeDisabled();
  const bar = page.getByTestId('pl-hop-progress');
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.evaluate((p) => (p as HTMLProgressElement).value)), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.getByTestId('pl-hop-cancel').click();
  await expect(page.getByTestId('pl-hop-results')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('pl-hop-status')).toHaveText('Cancelled.');
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('pl-hop-run')).toBeEnabled();
  await expect(page.getByTestId('status-hashing')).toHaveText('nothing');
  // Break-even luck has the same controls; its run is too short here to cancel it reliably.
  await expect(page.getByTestId('pf-luck-cancel')).toBeDisabled();
  await expect(page.getByTestId('pf-luck-progress')).toBeHidden();
});

test('the PPS operator run after a comparison shows its progress bar while it runs and ends with its figures', async ({ page }) => {
  await openPools(page);
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('pl-operator')).toContainText('went bankrupt', { timeout: 20_000 });
  await expect(page.getByTestId('pl-operator-progress')).toBeHidden();
  await expect(page.getByTestId('pl-operator-cancel')).toBeDisabled();
});

test('break-even luck: the chance and p10 / median / p90 of each row are the Poisson figures computed here', async ({ page }) => {
  await openPools(page);
  // 200 TH/s in a 45 PH/s pool (q = 1/225) at D = 1.1e14: the pool finds about 3.00 blocks a year,
  // each paying the rig (1 - 2%) x 3.125 coins x 90,000 / 225 = 1,225. Electricity 4.20 a day, no
  // growth, no halving ahead: the rig runs every day, so its net after n years is 1,225 K - 1,533 n
  // - 4,000 with K ~ Poisson(n lambda).
  const rig = { 'pf-hashrate': '200', 'pf-watts': '3500', 'pf-electricity': '0.05', 'pf-price': '90000', 'pf-difficulty': '1.1e14', 'pf-subsidy': '3.125', 'pf-fees': '0', 'pf-pool-fee': '2', 'pf-cost': '4000', 'pf-growth': '0', 'pf-halving': '' };
  await fillRig(page, rig);
  await page.getByTestId('pf-scheme').selectOption('prop');
  await page.getByTestId('pf-pool').fill('45');
  await page.getByTestId('pf-pool-unit').selectOption({ label: 'PH/s' });

  const trials = 20_000; // the luck panel's own count (its status line says so below)
  const expectLuckRows = async (fee: number, electricityPerDay: number, cost: number) => {
    await page.getByTestId('pf-luck-run').click();
    await expect(page.getByTestId('pf-luck')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    await expect(page.getByTestId('pf-luck-status')).toContainText(`${trials.toLocaleString('en')} trials`);
    const rows = await cellTexts(page, 'pf-luck-body');
    expect(rows.map((r) => r[0])).toEqual(['1 year', '2 years', '3 years']);
    const lambdaPerDay = blocksPerDay(45e15, 1.1e14);
    const perBlock = (1 - fee) * 3.125 * 90_000 * (200e12 / 45e15);
    for (const [i, row] of rows.entries()) {
      const days = 365 * (i + 1);
      const lambda = lambdaPerDay * days;
      const spent = electricityPerDay * days + cost;
      // Broken even when K >= spent / perBlock: P = 1 - P(K <= k - 1) for the least such whole k.
      // The table shows it to 0.1%; the simulation's fraction is within 4 of its standard errors.
      const need = Math.ceil(spent / perBlock - 1e-9);
      const p = need === 0 ? 1 : 1 - poissonCdf(need - 1, lambda);
      const shown = Number(row[1]!.replace('%', '')) / 100;
      expect(row[1]).toMatch(/^\d+\.\d%$/);
      expect(Math.abs(shown - p), `${row[0]}: ${row[1]} against ${p}`).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / trials) + 0.0005 + 1e-12);
      expect(row[2]).toBe(lambda * perBlock - spent >= 0 ? 'broken even' : 'not yet');
      const quantiles = row[3]!.split(' / ');
      expect(quantiles).toHaveLength(3);
      for (const [j, prob] of [0.1, 0.5, 0.9].entries()) expectMoney(quantiles[j]!, settledPoissonQuantile(lambda, prob, trials) * perBlock - spent);
    }
    return rows;
  };

  const rows = await expectLuckRows(0.02, 4.2, 4000);
  // What the Poisson figures are, so a reader can see the table is not a normal's: 1 year needs 5
  // blocks (P 18.5%, net p10 / median / p90 at 1, 3, 5 blocks); by 2 years the expected path has
  // broken even, by 3 years more than half the trials have.
  expect(rows.map((r) => r[2])).toEqual(['not yet', 'broken even', 'broken even']);
  expect(rows[0]![3]).toBe('-4,308 / -1,858 / 592');

  // The edge: no pool fee, free electricity, no hardware: every trial has broken even (100.0%, not
  // ">99.9%"), and the quantiles are whole blocks at 1,250 each.
  await fillRig(page, { 'pf-pool-fee': '0', 'pf-electricity': '0', 'pf-cost': '0' });
  const free = await expectLuckRows(0, 0, 0);
  expect(free.map((r) => r[1])).toEqual(['100.0%', '100.0%', '100.0%']);
  expect(free[0]![3]).toBe('1,250 / 3,750 / 6,250');
  await expect(page.getByTestId('pf-luck-body')).not.toContainText(/NaN|Infinity|—/);
  expect(await page.evaluate(() => document.documentElement.dataset['nonFinite'] ?? '0')).toBe('0');
});

test('mining or staking: each row is profit less hardware, and the hardware money compounded, computed here', async ({ page }) => {
  await openPools(page);
  const rig = { 'pf-hashrate': '200', 'pf-watts': '3500', 'pf-electricity': '0.05', 'pf-price': '90000', 'pf-difficulty': '1.1e14', 'pf-subsidy': '3.125', 'pf-fees': '0.05', 'pf-pool-fee': '2', 'pf-cost': '4000', 'pf-growth': '0', 'pf-halving': '' };
  await fillRig(page, rig);
  await page.getByTestId('pf-yield').fill('4');
  // Revenue a day (1 - f) h 86400 (B + F) / (2^32 D) x price, electricity 3500 W x 24 h x 0.05 a kWh.
  const revenue = 0.98 * blocksPerDay(200e12, 1.1e14) * (3.125 + 0.05) * 90_000;
  const electricity = (3500 * 24 * 0.05) / 1000;
  const expectStaking = async (expected: (years: number) => [mining: number, staking: number]) => {
    const rows = await cellTexts(page, 'pf-staking-body');
    expect(rows.map((r) => r[0])).toEqual(['1 year', '2 years', '3 years']);
    for (const [i, row] of rows.entries()) {
      const [mining, staking] = expected(i + 1);
      expectMoney(row[1]!, mining);
      expectMoney(row[2]!, staking);
      // Holding the coin at a constant price gains nothing.
      expect(row[3]).toBe('0.00');
    }
    await expect(page.getByTestId('pf-staking-body')).not.toContainText(/NaN|Infinity|—/);
    return rows;
  };

  // No growth, no halving: mining is 365 n (revenue - electricity) - cost; staking the cost at y a
  // year, compounded, gains cost ((1 + y)^n - 1).
  const flat = await expectStaking((n) => [365 * n * (revenue - electricity) - 4000, 4000 * (1.04 ** n - 1)]);
  expect(flat.map((r) => r[2])).toEqual(['160', '326', '499']);

  // A halving in 14,400 blocks (100 days at 144 a day): from day 100 the subsidy is half, fees stay.
  await page.getByTestId('pf-halving').fill('14400');
  const halved = 0.98 * blocksPerDay(200e12, 1.1e14) * (3.125 / 2 + 0.05) * 90_000;
  expect(halved).toBeGreaterThan(electricity); // the rig keeps running after it
  await expectStaking((n) => [100 * (revenue - electricity) + (365 * n - 100) * (halved - electricity) - 4000, 4000 * (1.04 ** n - 1)]);

  // Difficulty growing 1% a month, compounded daily over an average month (365.2425 / 12 days):
  // day d earns revenue x^d with x = 1.01^(-12 / 365.2425), a geometric series. The rig stays on,
  // since revenue x^1094 is still above the electricity (checked).
  await page.getByTestId('pf-halving').fill('');
  await page.getByTestId('pf-growth').fill('1');
  const x = 1.01 ** (-12 / 365.2425);
  expect(revenue * x ** 1094).toBeGreaterThan(electricity);
  await expectStaking((n) => [(revenue * (1 - x ** (365 * n))) / (1 - x) - electricity * 365 * n - 4000, 4000 * (1.04 ** n - 1)]);

  // Edges: no hardware cost gains nothing staked (0.00) whatever the yield; a huge cost at the
  // largest yield the field takes (1,000% a year) compounds to cost (11^n - 1), and mining loses it.
  await page.getByTestId('pf-growth').fill('0');
  await page.getByTestId('pf-cost').fill('0');
  await page.getByTestId('pf-yield').fill('1000');
  const zero = await expectStaking((n) => [365 * n * (revenue - electricity), 0]);
  expect(zero.map((r) => r[2])).toEqual(['0.00', '0.00', '0.00']);
  await page.getByTestId('pf-cost').fill('1e9');
  const huge = await expectStaking((n) => [365 * n * (revenue - electricity) - 1e9, 1e9 * (11 ** n - 1)]);
  expect(huge.map((r) => r[2])).toEqual(['10,000,000,000', '120,000,000,000', '1,330,000,000,000']);
  expect(await page.evaluate(() => document.documentElement.dataset['nonFinite'] ?? '0')).toBe('0');
});
