// The save buttons on the built app in real Chromium: a chart's PNG (the PNG signature, twice the
// canvas's width and height plus a title strip in its IHDR, and no transparent pixel: it is drawn on the colour behind the
// chart) and tables' CSV (parsed back, the rows equal the table's as the page shows them), from a
// static table and from tables filled by a computation; every table and every drawn chart of every
// screen has its button, right under it; a button is disabled, saying why, while there is nothing
// to save. The CSV and PNG are read here with code of this file, not the app's.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const SCREENS = 'test-results/screens';
mkdirSync(SCREENS, { recursive: true });

const DAY = /\d{4}-\d{2}-\d{2}/.source;
/** A saved chart's title strip, in the PNG's pixels: 36 CSS pixels at the PNG's 2×. */
const TITLE_STRIP = 72;

/** The size of a saved chart whose canvas is laid out at `css` pixels: twice that (as Chart.js rounds it, down), and the title strip above. */
function slideSize(css: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.floor(2 * css.width), height: Math.floor(2 * css.height) + TITLE_STRIP };
}

/** A canvas's laid-out size in CSS pixels (fractional where its box is). */
const cssSize = (c: HTMLCanvasElement) => {
  const box = c.getBoundingClientRect();
  return { width: box.width, height: box.height };
};

interface Saved {
  name: string;
  bytes: Buffer;
}

/** Presses `button` (by click, or Enter once focused) and returns the file the browser saved. */
async function save(page: Page, button: Locator, by: 'click' | 'keyboard' = 'click'): Promise<Saved> {
  const download = page.waitForEvent('download');
  if (by === 'click') await button.click();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** CSV records (RFC 4180), split by a tokenizer: a quoted field, or a run of anything but comma, quote, CR and LF. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  const token = /"((?:[^"]|"")*)"|([^",\r\n]*)/y;
  let at = 0;
  for (;;) {
    token.lastIndex = at;
    const m = token.exec(text)!;
    record.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    at = token.lastIndex;
    if (text[at] === ',') {
      at++;
      continue;
    }
    expect(text.slice(at, at + 2), `a record ends in CRLF at ${at}`).toBe('\r\n');
    records.push(record);
    record = [];
    at += 2;
    if (at === text.length) return records;
  }
}

/** The saved CSV as rows: UTF-8 with a byte-order mark (for Excel), CRLF line ends. */
function csvRows(saved: Saved): string[][] {
  expect([...saved.bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
  return csvRecords(saved.bytes.subarray(3).toString('utf8'));
}

/**
 * The table's header and body rows as the page renders them (innerText: what is laid out, so no
 * closed disclosure's body and no CSS arrow), with a spreadsheet formula's first character marked
 * text (a leading ') as OWASP asks, unless the cell is a plain number.
 */
async function shownRows(table: Locator): Promise<string[][]> {
  const rows = await table.evaluate((t: HTMLTableElement) =>
    [...(t.tHead ? [...t.tHead.rows] : []), ...[...t.tBodies].flatMap((b) => [...b.rows])].map((row) => [...row.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim())),
  );
  return rows.map((row) => row.map((c) => (/^[=+\-@]/.test(c) && !/^[+-]?[\d,]*\.?\d+(e[+-]?\d+)?%?$/i.test(c) ? `'${c}` : c)));
}

interface Png {
  width: number;
  height: number;
  /** RGBA, 8 bits a channel. */
  pixels: Uint8Array;
}

/** Decodes a non-interlaced 8-bit RGB or RGBA PNG (what canvas.toBlob writes): chunks, inflate, unfilter. */
function decodePng(bytes: Buffer): Png {
  expect([...bytes.subarray(0, 8)], 'PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16), 'the first chunk').toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colorType, , , interlace] = bytes.subarray(24, 29);
  expect({ depth, interlace }).toEqual({ depth: 8, interlace: 0 });
  expect([2, 6]).toContain(colorType);
  const channels = colorType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const data = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    const line = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? raw[y * stride + x - channels]! : 0;
      const up = y > 0 ? raw[(y - 1) * stride + x]! : 0;
      const corner = x >= channels && y > 0 ? raw[(y - 1) * stride + x - channels]! : 0;
      const p = left + up - corner;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
      const predictor = [0, left, up, (left + up) >> 1, pa <= pb && pa <= pc ? left : pb <= pc ? up : corner][filter]!;
      raw[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    pixels.set(raw.subarray(i * channels, i * channels + 3), i * 4);
    pixels[i * 4 + 3] = channels === 4 ? raw[i * channels + 3]! : 255;
  }
  return { width, height, pixels };
}

/** The colour most pixels have: the background, on a chart. */
function commonest(png: Png): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < png.pixels.length; i += 4) {
    const key = Array.from(png.pixels.subarray(i, i + 4)).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

async function runSimulation(page: Page): Promise<void> {
  await page.goto('/#difficulty');
  await expect(page.getByTestId('rt-results')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('sim-blocks').fill('8064');
  await page.getByTestId('sim-at-days').fill('10');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
}

test('a chart with no points cannot be saved, and says why', async ({ page }) => {
  await page.goto('/#difficulty');
  const button = page.getByRole('button', { name: 'Save chart as PNG: Probability of at least one block by time' });
  await page.getByTestId('luck-hashrate').fill('5 MH/s');
  await expect(button).toBeEnabled();
  await expect(button).not.toHaveAttribute('title', /./);
  // A hashrate the screen refuses clears the luck charts.
  await page.getByTestId('luck-hashrate').fill('fast');
  await expect(page.getByTestId('luck-chart-cdf')).toHaveAttribute('data-points', '0');
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute('title', 'Nothing to save yet: the chart has no points.');
  await page.getByTestId('luck-hashrate').fill('5 MH/s');
  await expect(button).toBeEnabled();
});

test('a chart saves as a PNG of its canvas, on the colour behind it', async ({ page }) => {
  await page.goto('/#difficulty');
  const button = page.getByRole('button', { name: 'Save chart as PNG: Difficulty over time for each algorithm' });
  // Before the simulation the chart is hidden with its results, and has no points to save.
  await expect(button).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save chart as PNG: Difficulty over time for each algorithm', includeHidden: true })).toBeDisabled();
  await runSimulation(page);
  await expect(button).toBeEnabled();
  await expect(button).not.toHaveAttribute('title', /./);

  const canvas = page.getByTestId('sim-chart-difficulty');
  const size = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
  expect(size.width).toBeGreaterThan(100);
  const saved = await save(page, button);
  expect(saved.name).toMatch(new RegExp(`^powlab-sim-chart-difficulty-${DAY}\\.png$`));
  // Kept for people to look at, as a slide would show it.
  writeFileSync(`${SCREENS}/export-saved-chart.png`, saved.bytes);
  const png = decodePng(saved.bytes);
  // Drawn again at twice the pixels (headless Chromium's screen is 1×), under a title strip.
  expect({ width: png.width, height: png.height }).toEqual(slideSize(await canvas.evaluate(cssSize)));
  // The chart on screen is back at its own pixels.
  expect(await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }))).toEqual(size);
  // The strip carries the title: some of its pixels are not the background.
  let inked = 0;
  for (let i = 0; i < png.width * TITLE_STRIP; i++) if (png.pixels[i * 4] !== 255 || png.pixels[i * 4 + 1] !== 255 || png.pixels[i * 4 + 2] !== 255) inked++;
  expect(inked).toBeGreaterThan(200);
  // No pixel is transparent, and the background is the panel's: white in the light theme.
  for (let i = 3; i < png.pixels.length; i += 4) if (png.pixels[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} has alpha ${png.pixels[i]}`);
  expect(commonest(png)).toBe('255,255,255,255');
  // Something is drawn on it: the lines and the axes' text.
  expect(new Set(Array.from({ length: png.width * png.height }, (_, i) => png.pixels[i * 4]! * 65536 + png.pixels[i * 4 + 1]! * 256 + png.pixels[i * 4 + 2]!)).size).toBeGreaterThan(20);
});

test('in the dark theme the PNG carries the dark background its light text was drawn for', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await runSimulation(page);
  const saved = await save(page, page.getByRole('button', { name: 'Save chart as PNG: Average block interval over time' }));
  expect(saved.name).toMatch(new RegExp(`^powlab-sim-chart-interval-${DAY}\\.png$`));
  const behind = await page.getByTestId('sim-chart-interval').evaluate((c) => {
    for (let at: Element | null = c; at; at = at.parentElement) {
      const color = getComputedStyle(at).backgroundColor;
      if (color !== 'rgba(0, 0, 0, 0)') return color.match(/\d+/g)!.slice(0, 3).join(',');
    }
    return '';
  });
  expect(behind).not.toBe('255,255,255');
  expect(commonest(decodePng(saved.bytes))).toBe(`${behind},255`);
});

test('a table filled by a simulation saves as CSV rows equal to the rows shown (Enter on the focused button)', async ({ page }) => {
  await page.goto('/#difficulty');
  const button = page.getByRole('button', { name: 'Save table as CSV: Summary per algorithm' });
  const before = page.getByRole('button', { name: 'Save table as CSV: Summary per algorithm', includeHidden: true });
  await expect(before).toBeDisabled();
  await expect(before).toHaveAttribute('title', 'Nothing to save yet: the table has no rows.');
  await runSimulation(page);
  await expect(button).toBeEnabled();
  const saved = await save(page, button, 'keyboard');
  expect(saved.name).toMatch(new RegExp(`^powlab-sim-summary-${DAY}\\.csv$`));
  const rows = csvRows(saved);
  expect(rows).toHaveLength(5); // the header and the four algorithms
  expect(rows[0]).toEqual(['Algorithm', 'Mean interval', 'Std dev', 'Longest', 'Worst 2016-block period', 'Back to 600 s', 'Difficulty start → end']);
  expect(rows).toEqual(await shownRows(page.getByTestId('sim-summary')));
});

test('the payout comparison table saves as CSV, and each histogram as a PNG', async ({ page }) => {
  await page.goto('/#pools');
  await page.getByTestId('pl-trials').fill('2000');
  await page.getByTestId('pl-run').click();
  await expect(page.getByTestId('pl-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const saved = await save(page, page.getByRole('button', { name: 'Save table as CSV: Earnings over the period: simulated (formula in brackets)' }));
  expect(saved.name).toMatch(new RegExp(`^powlab-pl-results-${DAY}\\.csv$`));
  const rows = csvRows(saved);
  expect(rows.map((r) => r[0])).toEqual(['Scheme', 'Solo', 'PROP', 'PPS', 'FPPS', 'PPLNS', 'SCORE']);
  expect(rows).toEqual(await shownRows(page.getByTestId('pl-results')));

  const histogram = await save(page, page.getByRole('button', { name: 'Save chart as PNG: Histogram of PPLNS (pay per last N shares) earnings' }));
  expect(histogram.name).toMatch(new RegExp(`^powlab-pl-chart-pplns-${DAY}\\.png$`));
  const png = decodePng(histogram.bytes);
  expect({ width: png.width, height: png.height }).toEqual(slideSize(await page.getByTestId('pl-chart-pplns').evaluate(cssSize)));
});

test('a static table with sort buttons and disclosures saves the names and figures shown', async ({ page }) => {
  await page.goto('/#devices');
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
  // Sorted by hashrate (the header's arrow is CSS, the name cell's source is a closed disclosure).
  await page.getByTestId('dv-sort-hashrate').click();
  const saved = await save(page, page.getByRole('button', { name: /^Save table as CSV: Every device's figures/ }));
  expect(saved.name).toMatch(new RegExp(`^powlab-device-table-${DAY}\\.csv$`));
  const rows = csvRows(saved);
  expect(rows[0]).toEqual(['Device', 'Kind', 'Hashrate', 'Power', 'J/TH', 'Released']);
  const shown = await shownRows(page.getByTestId('device-table'));
  expect(shown.length).toBeGreaterThan(20);
  expect(rows).toEqual(shown);
  // An opened disclosure is seen, so it is saved too; the others stay their summary.
  const first = page.getByTestId('device-table').locator('tbody tr').first();
  await first.locator('summary').click();
  const opened = csvRows(await save(page, page.getByRole('button', { name: /^Save table as CSV: Every device's figures/ })));
  expect(opened[1]![0]).toContain('Source');
  expect(opened[2]![0]).toBe(rows[2]![0]);
});

test('a rig’s tables save without their buttons and inputs as controls: the counts typed, no empty Actions column', async ({ page }) => {
  await page.goto('/#devices');
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
  const rig = page.getByTestId('dv-rig').first();
  const rows = csvRows(await save(page, rig.getByRole('button', { name: /^Save table as CSV: machines of / })));
  const counts = await rig.locator('tbody input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const names = await rig.locator('table.dv-rig-items tbody th').allInnerTexts();
  expect(rows).toEqual([['Machine', 'How many'], ...names.map((n, i) => [n, counts[i]!])]);
  const economics = csvRows(await save(page, rig.getByRole('button', { name: /, a day$/ })));
  expect(economics[0]).toEqual(['Coins a day', 'Revenue a day', 'Electricity a day', 'Profit a day']);
  expect(economics).toEqual(await shownRows(rig.getByTestId('dv-rig-economics')));
});

/** Tables and drawn charts under `view`, each with whether its save button is right under it, and the save buttons. */
async function census(page: Page, view: string) {
  return page.locator(view).evaluate((root) => {
    const barAfter = (el: Element, kind: string) => {
      const next = el.nextElementSibling;
      return next?.classList.contains('export-bar') === true && next.querySelector(`button[data-export="${kind}"]`) !== null;
    };
    const tables = [...root.querySelectorAll('table')].map((t) => barAfter(t.parentElement?.classList.contains('table-wrap') ? t.parentElement : t, 'csv'));
    const canvases = [...root.querySelectorAll('canvas')];
    const charts = canvases.filter((c) => c.dataset['points'] !== undefined).map((c) => barAfter(c.parentElement!, 'png'));
    const notDrawn = canvases.filter((c) => c.dataset['points'] === undefined).map((c) => c.getAttribute('data-testid') ?? c.closest('[data-testid]')?.getAttribute('data-testid') ?? '?');
    return {
      tables,
      charts,
      notDrawn,
      csvButtons: root.querySelectorAll('button[data-export="csv"]').length,
      pngButtons: root.querySelectorAll('button[data-export="png"]').length,
    };
  });
}

test('every table and every chart of every screen has its save button, right under it', async ({ page }) => {
  const seen: Record<string, { tables: number; charts: number }> = {};
  for (const [screen, prepare, lazy] of [
    ['hash', async () => undefined, []],
    ['mine', async () => undefined, []],
    // The Benchmark draws its three charts when it has something to draw: a run, a sweep, a result.
    ['bench', async () => undefined, ['bench-live-chart', 'bench-scaling-chart', 'bench-compare-chart']],
    ['difficulty', async () => runSimulation(page), []],
    ['devices', async () => expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true'), []],
    [
      'pools',
      async () => {
        await page.getByTestId('pl-trials').fill('2000');
        await page.getByTestId('pl-run').click();
        await expect(page.getByTestId('pl-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
        await page.getByTestId('pl-hop-rounds').fill('2000');
        await page.getByTestId('pl-hop-run').click();
        await expect(page.getByTestId('pl-hop-results')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
      },
      [],
    ],
  ] as const) {
    await page.goto(`/#${screen}`);
    await expect(page.locator(`#view-${screen}`)).toBeVisible();
    await prepare();
    const c = await census(page, `#view-${screen}`);
    expect(c.tables.every(Boolean), `${screen}: a table without its button under it`).toBe(true);
    expect(c.charts.every(Boolean), `${screen}: a chart without its button under it`).toBe(true);
    expect(c.csvButtons, `${screen}: CSV buttons`).toBe(c.tables.length);
    expect(c.pngButtons, `${screen}: PNG buttons`).toBe(c.charts.length);
    expect(c.notDrawn, `${screen}: canvases with no chart yet`).toEqual([...lazy]);
    seen[screen] = { tables: c.tables.length, charts: c.charts.length };
  }
  // Every table and chart the screens have today, so a new one without a button cannot go unnoticed.
  expect(seen).toEqual({
    hash: { tables: 0, charts: 0 },
    mine: { tables: 0, charts: 0 },
    bench: { tables: 2, charts: 0 },
    difficulty: { tables: 2, charts: 5 },
    devices: { tables: 6, charts: 2 },
    pools: { tables: 4, charts: 7 },
  });
});

test('a hidden table’s button hides with it, and a table that empties disables its button', async ({ page }) => {
  await page.goto('/#devices');
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
  // No devices of your own: the table is hidden, and so is its button.
  const own = page.locator('[data-testid="dv-ud-table"]').locator('xpath=..').locator('xpath=following-sibling::div[1]');
  await expect(own).toHaveClass(/export-bar/);
  await expect(own).toBeHidden();
  // A filter that matches nothing empties the device table: nothing to save.
  const devices = page.getByRole('button', { name: /^Save table as CSV: Every device's figures/ });
  await expect(devices).toBeEnabled();
  await page.getByTestId('dv-filter').fill('no such device anywhere');
  await expect(devices).toBeDisabled();
  await expect(devices).toHaveAttribute('title', /Nothing to save yet/);
  await page.getByTestId('dv-filter').fill('');
  await expect(devices).toBeEnabled();
});

for (const [width, height] of [
  [1280, 900],
  [390, 844],
] as const) {
  test(`screenshots of a chart and a table with their buttons at ${width} px; nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await runSimulation(page);
    await page.getByTestId('sim-summary').locator('xpath=../following-sibling::div[1]').scrollIntoViewIfNeeded();
    await page.getByTestId('sim-results').screenshot({ path: `${SCREENS}/export-difficulty-${width}.png` });
    await page.locator('.diff-chart').first().screenshot({ path: `${SCREENS}/export-chart-${width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.goto('/#pools');
    await expect(page.getByTestId('pf-staking-body').locator('tr').first()).toBeVisible();
    await page.getByTestId('pf-staking-panel').screenshot({ path: `${SCREENS}/export-table-${width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
