// The Devices screen on the built app, in real Chromium with real workers: the catalogue's charts
// and table, this browser's measured row (from a benchmark run in the same tab, or "measure now"),
// benchmark files from other devices, the learner's own devices (form, storage, JSON round trip,
// bad values inline), odds, economics, rigs, and phone width. Expected figures come from the same
// pure modules the screen uses (the catalogue, the formulas, the one formatter).
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEVICES, deviceById } from '../../src/model/devices.js';
import { deviceFigures, defaultEconomics } from '../../src/sim/device-economics.js';
import { BUNDLED_DIFFICULTY } from '../../src/sim/luck.js';
import { formatBigNumber, formatDuration, formatMoney, formatPower, formatRate } from '../../src/ui/shared/format.js';
import { expect, test } from './fixtures.js';

const SCREENS = 'test-results/screens';
mkdirSync(SCREENS, { recursive: true });

const USER_KEY = 'powlab.devices.user';
const table = (page: Page) => page.locator('[data-testid="device-table"] tbody tr[data-device-id]');
const tableRow = (page: Page, id: string) => page.locator(`[data-testid="device-table"] tr[data-device-id="${id}"]`);
/** The row's cells after its name: kind, hashrate, power, J/TH, released. */
const cellOf = (page: Page, id: string, column: 'kind' | 'hashrate' | 'power' | 'efficiency' | 'released') =>
  tableRow(page, id).locator('td').nth(['kind', 'hashrate', 'power', 'efficiency', 'released'].indexOf(column));
const withWatts = DEVICES.filter((d) => d.watts !== null);

async function openDevices(page: Page): Promise<void> {
  await page.goto('/#devices');
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
}

/** Writes storage keys (JSON) and reloads, as if an earlier visit had left them. */
async function seed(page: Page, entries: Record<string, unknown>): Promise<void> {
  await page.evaluate((e) => {
    for (const [key, value] of Object.entries(e)) localStorage.setItem(key, JSON.stringify(value));
  }, entries);
  await page.reload();
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
}

async function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])));
}

/** No formatter was handed a non-finite value, no text says NaN or Infinity, no chart dropped a point. */
async function expectHonest(page: Page): Promise<void> {
  const view = page.locator('#view-devices');
  expect(await view.innerText()).not.toMatch(/NaN|Infinity|undefined/);
  expect(await view.evaluate((v) => v.textContent)).not.toMatch(/NaN|Infinity|undefined/);
  expect(await page.evaluate(() => document.documentElement.dataset['nonFinite'] ?? null)).toBeNull();
  for (const canvas of await view.locator('canvas').all()) await expect(canvas).toHaveAttribute('data-dropped', '0');
}

interface Own {
  name: string;
  kind: string;
  hashrate: string;
  unit: string;
  watts: string;
  note: string;
}

async function addOwnDevice(page: Page, d: Own): Promise<void> {
  await page.getByTestId('dv-ud-name').fill(d.name);
  await page.getByTestId('dv-ud-kind').selectOption(d.kind);
  await page.getByTestId('dv-ud-hashrate').fill(d.hashrate);
  await page.getByTestId('dv-ud-hashrate-unit').selectOption(d.unit);
  await page.getByTestId('dv-ud-watts').fill(d.watts);
  await page.getByTestId('dv-ud-note').fill(d.note);
  await page.getByTestId('dv-ud-save').click();
  await expect(page.getByTestId('dv-ud-status')).toContainText(d.name);
}

const MEASURED = { hashrate: 5e6, threads: 2, date: '2026-11-30T10:00:00.000Z' };

test('the screen draws the hashrate and efficiency charts and a table row per device, sortable, filterable, sourced', async ({ page }) => {
  await openDevices(page);
  await expect(table(page)).toHaveCount(DEVICES.length);
  await expect(page.locator('[data-testid="device-table"] tr[data-measured="true"]')).toHaveCount(0);
  const bars = page.getByTestId('dv-hashrate-chart');
  await expect(bars).toHaveAttribute('data-points', String(DEVICES.length));
  const efficiency = page.getByTestId('dv-efficiency-chart');
  await expect(efficiency).toHaveAttribute('data-points', String(withWatts.length));
  // A device the chart cannot place (no watts in its source) is named, not silently left out.
  for (const d of DEVICES.filter((x) => x.watts === null)) await expect(page.getByTestId('dv-efficiency-note')).toContainText(d.name);
  await expect(page.getByTestId('dv-efficiency-note')).toContainText(`${withWatts.length} of ${DEVICES.length} devices plotted`);

  // Sorted by hashrate, fastest first; a second click turns it round.
  const byRate = [...DEVICES].sort((a, b) => b.hashrate - a.hashrate);
  await expect(table(page).first()).toHaveAttribute('data-device-id', byRate[0]!.id);
  await page.getByTestId('dv-sort-hashrate').click();
  await expect(table(page).first()).toHaveAttribute('data-device-id', byRate[byRate.length - 1]!.id);
  await expect(page.locator('th[data-sort-key="hashrate"]')).toHaveAttribute('aria-sort', 'ascending');
  await page.getByTestId('dv-sort-released').click();
  const dates = await table(page).evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[5]!.textContent!));
  expect(dates).toEqual([...dates].sort().reverse());
  await page.getByTestId('dv-sort-efficiency').click();
  await expect(table(page).first()).toHaveAttribute('data-device-id', [...withWatts].sort((a, b) => a.watts! / a.hashrate - b.watts! / b.hashrate)[0]!.id);

  // Filters: by name, by kind.
  await page.getByTestId('dv-filter').fill('s21');
  const s21s = DEVICES.filter((d) => `${d.name} ${d.maker}`.toLowerCase().includes('s21'));
  await expect(table(page)).toHaveCount(s21s.length);
  await expect(page.getByTestId('dv-table-count')).toHaveText(`${s21s.length} of ${DEVICES.length} devices match the filter.`);
  await page.getByTestId('dv-filter').fill('');
  await page.getByTestId('dv-filter-kind').selectOption('gpu');
  await expect(table(page)).toHaveCount(DEVICES.filter((d) => d.kind === 'gpu').length);
  for (const kind of await table(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))) expect(kind).toBe('gpu');
  await page.getByTestId('dv-filter-kind').selectOption('all');
  await expect(table(page)).toHaveCount(DEVICES.length);

  // Each figure's source, date, confidence and basis on demand.
  const s21 = deviceById('s21')!;
  const about = tableRow(page, 's21').locator('.dv-about');
  await expect(about).toBeHidden();
  await tableRow(page, 's21').locator('summary').click();
  await expect(about).toBeVisible();
  await expect(about).toContainText(s21.source);
  await expect(about).toContainText(s21.released);
  await expect(about).toContainText(s21.confidence);
  await expect(about).toContainText(s21.basis!);
  await expectHonest(page);
});

test('a benchmark run in the same tab appears as the measured row; its watts are typed, never invented', async ({ page }) => {
  test.setTimeout(90_000);
  await openDevices(page);
  await expect(page.getByTestId('dv-sentence-wait')).toContainText('Press Measure now');
  // Run the Benchmark in this tab while the Devices screen is mounted.
  await page.getByTestId('nav-bench').click();
  await page.getByTestId('bench-preset-custom').check();
  await page.getByTestId('bench-seconds').fill('1');
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-start').click();
  const result = page.getByTestId('bench-result');
  await expect(result).toHaveAttribute('data-hashrate', /\d/, { timeout: 30_000 });
  const hashrate = Number(await result.getAttribute('data-hashrate'));
  await page.getByTestId('nav-devices').click();

  const row = tableRow(page, 'this-browser');
  await expect(row).toHaveAttribute('data-measured', 'true');
  await expect(row).toHaveAttribute('data-hashrate', String(hashrate));
  await expect(cellOf(page, 'this-browser', 'hashrate')).toHaveText(formatRate(hashrate));
  await expect(page.getByTestId('dv-hashrate-chart')).toHaveAttribute('data-points', String(DEVICES.length + 1));
  await expect(page.getByTestId('dv-measured-row')).toHaveCount(1);
  // No watts until typed: "enter watts" in the table, the measured list and the sentences.
  await expect(cellOf(page, 'this-browser', 'power')).toHaveText('enter watts');
  await expect(cellOf(page, 'this-browser', 'efficiency')).toHaveText('enter watts');
  await expect(page.getByTestId('dv-measured-efficiency')).toHaveText('enter watts');
  await expect(page.getByTestId('dv-efficiency-chart')).toHaveAttribute('data-points', String(withWatts.length));
  await expect(page.getByTestId('dv-watts-this-browser-hint')).toContainText('Typical, not measured');
  const D = BUNDLED_DIFFICULTY.difficulty;
  await expect(page.getByTestId('dv-sentence-wait')).toHaveText(
    `Alone, this browser would wait about ${formatDuration((D * 2 ** 32) / hashrate)} for a block; one ${deviceById('s23hyd')!.name} about ${formatDuration((D * 2 ** 32) / deviceById('s23hyd')!.hashrate)}.`,
  );
  const copies = deviceById('s21')!.hashrate / hashrate;
  await expect(page.getByTestId('dv-sentence-match')).toContainText(`takes ${formatBigNumber(copies)} copies of this browser, enter watts`);

  // A bad figure is refused beside its field; a good one fills every figure in.
  const watts = page.getByTestId('dv-watts-this-browser');
  await watts.fill('-20');
  await expect(page.getByTestId('dv-watts-this-browser-error')).toContainText('cannot be negative');
  await expect(watts).toHaveAttribute('aria-invalid', 'true');
  await expect(cellOf(page, 'this-browser', 'power')).toHaveText('enter watts');
  await watts.fill('30');
  await expect(page.getByTestId('dv-watts-this-browser-error')).toBeEmpty();
  await expect(cellOf(page, 'this-browser', 'power')).toHaveText('30 W');
  await expect(cellOf(page, 'this-browser', 'efficiency')).toHaveText(/ J\/TH$/);
  await expect(watts).toBeFocused();
  await expect(page.getByTestId('dv-efficiency-chart')).toHaveAttribute('data-points', String(withWatts.length + 1));
  await expect(page.getByTestId('dv-sentence-match')).toContainText(`takes ${formatBigNumber(copies)} copies of this browser, drawing about ${formatBigNumber((copies * 30) / 1000)} kW`);
  await expectHonest(page);
});

test('measure now runs in place with progress and saves the figure; cancel saves nothing', async ({ page }) => {
  test.setTimeout(60_000);
  await openDevices(page);
  await page.getByTestId('dv-threads').fill('1');
  await page.getByTestId('dv-seconds').selectOption('3');
  await page.getByTestId('dv-measure').click();
  const status = page.getByTestId('dv-measure-status');
  await expect(page.getByTestId('dv-measure-cancel')).toBeEnabled();
  await expect(page.getByTestId('status-hashing')).toContainText('devices measurement');
  await expect(status).toContainText('Measuring with 1 thread');
  await expect.poll(() => page.getByTestId('dv-measure-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBeGreaterThan(0.3);
  await expect(status).toContainText('Done:', { timeout: 20_000 });
  const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('powlab.lastHashrate')))!) as typeof MEASURED;
  expect(saved.threads).toBe(1);
  expect(saved.hashrate).toBeGreaterThan(0);
  await expect(tableRow(page, 'this-browser')).toHaveAttribute('data-hashrate', String(saved.hashrate));
  await expect(page.getByTestId('dv-browser-status')).toContainText(formatRate(saved.hashrate));

  await page.getByTestId('dv-measure').click();
  await expect(page.getByTestId('dv-measure-cancel')).toBeEnabled();
  await page.getByTestId('dv-measure-cancel').click();
  await expect(status).toContainText('Cancelled: nothing was saved.');
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('powlab.lastHashrate')))!)).toEqual(saved);
  await expect(page.getByTestId('status-hashing')).toHaveText('nothing');
  await expect(page.getByTestId('dv-measure')).toBeEnabled();
});

test('measure now is refused while the Benchmark hashes, naming it, and starts nothing', async ({ page }) => {
  test.setTimeout(60_000);
  await openDevices(page);
  await page.getByTestId('nav-bench').click();
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-stop')).toBeEnabled();
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('dv-measure').click();
  const notice = page.getByTestId('dv-busy').getByTestId('busy-notice');
  await expect(notice).toContainText('The benchmark is using the processor');
  await expect(page.getByTestId('dv-measure-cancel')).toBeDisabled();
  await expect(page.getByTestId('dv-measure-status')).not.toContainText('Measuring');
  await notice.getByTestId('busy-stop').click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('status-hashing')).toHaveText('nothing');
  expect(await page.evaluate(() => localStorage.getItem('powlab.lastHashrate'))).toBeNull();
});

test('a benchmark result file from another device becomes a measured row under its name', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#bench');
  await page.getByTestId('bench-label').fill('office laptop');
  await page.getByTestId('bench-preset-custom').check();
  await page.getByTestId('bench-seconds').fill('1');
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-result')).toHaveAttribute('data-hashrate', /\d/, { timeout: 30_000 });
  const hashrate = await page.getByTestId('bench-result').getAttribute('data-hashrate');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('bench-download').click();
  const file = await (await downloading).path();
  await page.getByTestId('nav-devices').click();
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');

  await page.getByTestId('dv-bench-file').setInputFiles(file);
  await expect(page.getByTestId('dv-bench-file-status')).toContainText('Added "office laptop"');
  await expect(page.getByTestId('dv-bench-file-status')).toContainText('checksum confirmed here');
  const row = page.locator('[data-testid="device-table"] tr[data-device-id^="measured-office-laptop-"]');
  await expect(row).toHaveAttribute('data-measured', 'true');
  await expect(row).toHaveAttribute('data-hashrate', hashrate!);
  await expect(row.locator('summary')).toHaveText('office laptop');
  await expect(page.locator('[data-testid="device-table"] tr[data-measured="true"]')).toHaveCount(2);
  const id = (await row.getAttribute('data-device-id'))!;
  await page.getByTestId(`dv-watts-${id}`).fill('15');
  await expect(cellOf(page, id, 'power')).toHaveText('15 W');
  // Kept across a reload, with its watts.
  await page.reload();
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
  await expect(cellOf(page, id, 'power')).toHaveText('15 W');
  // A file that is not a result is refused beside the field and adds nothing.
  await page.getByTestId('dv-bench-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
  await expect(page.getByTestId('dv-bench-file-error')).toContainText('notes.json is not a benchmark result');
  await expect(page.locator('[data-testid="device-table"] tr[data-measured="true"]')).toHaveCount(2);
  // The same file with its checksum altered: this device computes another, so no row is made.
  const tampered = JSON.parse(readFileSync(file, 'utf8'));
  tampered.label = 'tampered laptop';
  tampered.runs[0].evidence.checksum.value = 'f'.repeat(64);
  await page.getByTestId('dv-bench-file').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await expect(page.getByTestId('dv-bench-file-error')).toContainText('tampered.json: checksum mismatch');
  await expect(page.locator('[data-testid="device-table"] tr[data-measured="true"]')).toHaveCount(2);
  await page.locator(`[data-testid="dv-measured-row"][data-device-id="${id}"]`).getByTestId('dv-measured-remove').click();
  await expect(row).toHaveCount(0);
  await expectHonest(page);
});

test('a device of your own is added, survives a reload, is edited and deleted', async ({ page }) => {
  await openDevices(page);
  await addOwnDevice(page, { name: 'Garage Bitaxe clone', kind: 'home', hashrate: '1.2', unit: 'TH/s', watts: '18', note: 'from its sheet' });
  const own = page.getByTestId('dv-ud-row');
  await expect(own).toHaveCount(1);
  const id = (await own.getAttribute('data-device-id'))!;
  await expect(tableRow(page, id)).toHaveAttribute('data-hashrate', '1200000000000');
  await expect(cellOf(page, id, 'kind')).toHaveText('home miner, yours');
  await expect(cellOf(page, id, 'power')).toHaveText('18 W');
  await expect(cellOf(page, id, 'efficiency')).toHaveText('15.0 J/TH');
  await expect(page.getByTestId('dv-hashrate-chart')).toHaveAttribute('data-points', String(DEVICES.length + 1));

  await page.reload();
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('dv-ud-row')).toHaveCount(1);
  await expect(tableRow(page, id)).toHaveAttribute('data-hashrate', '1200000000000');
  await tableRow(page, id).locator('summary').click();
  await expect(tableRow(page, id).locator('.dv-about')).toContainText('from its sheet');

  await own.getByTestId('dv-ud-edit').click();
  await expect(page.getByTestId('dv-ud-name')).toHaveValue('Garage Bitaxe clone');
  await expect(page.getByTestId('dv-ud-hashrate')).toHaveValue('1.2');
  await expect(page.getByTestId('dv-ud-hashrate-unit')).toHaveValue('TH/s');
  await page.getByTestId('dv-ud-hashrate').fill('1500');
  await page.getByTestId('dv-ud-hashrate-unit').selectOption('GH/s');
  await page.getByTestId('dv-ud-save').click();
  await expect(page.getByTestId('dv-ud-row')).toHaveCount(1);
  await expect(tableRow(page, id)).toHaveAttribute('data-hashrate', '1500000000000');
  await expect(page.getByTestId('dv-ud-save')).toHaveText('Add device');

  await own.getByTestId('dv-ud-delete').click();
  await expect(page.getByTestId('dv-ud-row')).toHaveCount(0);
  await expect(tableRow(page, id)).toHaveCount(0);
  expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), USER_KEY))!)).toEqual([]);
});

test('bad values of your own device get an inline error beside the field and store nothing', async ({ page }) => {
  await openDevices(page);
  await page.getByTestId('dv-ud-name').fill('Test rig');
  const hashrate = page.getByTestId('dv-ud-hashrate');
  const error = page.getByTestId('dv-ud-hashrate-error');
  for (const [text, says] of [
    ['-5', /cannot be negative/],
    ['0', /must be above 0/],
    ['NaN', /not a number/i],
    ['1e400', /too large/i],
    ['fast', /not a number/i],
    ['', /enter a hashrate/i],
  ] as const) {
    await hashrate.fill(text);
    await page.getByTestId('dv-ud-save').click();
    await expect(error, text).toHaveText(says);
    await expect(hashrate).toHaveAttribute('aria-invalid', 'true');
  }
  // A unit the model does not know (a crafted select) is refused too.
  await hashrate.fill('5');
  await page.getByTestId('dv-ud-hashrate-unit').evaluate((s) => s.append(new Option('ZH/s', 'ZH/s')));
  await page.getByTestId('dv-ud-hashrate-unit').selectOption('ZH/s');
  await page.getByTestId('dv-ud-save').click();
  await expect(error).toContainText('Unknown unit "ZH/s"');
  await page.getByTestId('dv-ud-hashrate-unit').selectOption('TH/s');
  for (const [text, says] of [
    ['-3', /cannot be negative/],
    ['lots', /not a number/i],
    ['1e400', /too large/i],
    ['0', /must be above 0/],
  ] as const) {
    await page.getByTestId('dv-ud-watts').fill(text);
    await page.getByTestId('dv-ud-save').click();
    await expect(page.getByTestId('dv-ud-watts-error'), text).toHaveText(says);
  }
  await page.getByTestId('dv-ud-watts').fill('');
  await page.getByTestId('dv-ud-name').fill('  ');
  await page.getByTestId('dv-ud-save').click();
  await expect(page.getByTestId('dv-ud-name-error')).toHaveText(/must not be empty/i);
  await expect(page.getByTestId('dv-ud-row')).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), USER_KEY)).toBeNull();
  await expect(table(page)).toHaveCount(DEVICES.length);

  await page.getByTestId('dv-ud-name').fill('Test rig');
  await page.getByTestId('dv-ud-save').click();
  await expect(page.getByTestId('dv-ud-row')).toHaveCount(1);
  for (const id of ['dv-ud-name', 'dv-ud-hashrate', 'dv-ud-watts']) await expect(page.getByTestId(`${id}-error`)).toBeEmpty();
  await expectHonest(page);
});

test('export then import your devices: the same devices come back', async ({ page }) => {
  await openDevices(page);
  await addOwnDevice(page, { name: 'Basement S9', kind: 'asic', hashrate: '13.5', unit: 'TH/s', watts: '1323', note: 'second hand' });
  await addOwnDevice(page, { name: 'Old laptop', kind: 'cpu', hashrate: '3.2', unit: 'MH/s', watts: '', note: '' });
  const stored = (await storage(page))[USER_KEY]!;
  const downloading = page.waitForEvent('download');
  await page.getByTestId('dv-ud-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('powlab-devices.json');
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; version: number; devices: unknown[] };
  expect(file.format).toBe('powlab-devices');
  expect(file.version).toBe(1);
  expect(file.devices).toEqual(JSON.parse(stored));

  for (let n = 2; n > 0; n--) {
    await page.getByTestId('dv-ud-row').first().getByTestId('dv-ud-delete').click();
    await expect(page.getByTestId('dv-ud-row')).toHaveCount(n - 1);
  }
  await page.getByTestId('dv-ud-import').setInputFiles((await download.path())!);
  await expect(page.getByTestId('dv-ud-import-status')).toContainText('Loaded 2 devices');
  await expect(page.getByTestId('dv-ud-row')).toHaveCount(2);
  expect(JSON.parse((await storage(page))[USER_KEY]!)).toEqual(JSON.parse(stored));
  for (const d of file.devices as { id: string; hashrate: number }[]) await expect(tableRow(page, d.id)).toHaveAttribute('data-hashrate', String(d.hashrate));
  await expect(cellOf(page, (file.devices[1] as { id: string }).id, 'power')).toHaveText('unknown');
});

test('an imported file with a bad entry loads the rest, names the bad one, and changes nothing else in storage', async ({ page }) => {
  await openDevices(page);
  await seed(page, { 'powlab.lastHashrate': MEASURED, 'powlab.devices.watts': { 'this-browser': 25 } });
  const before = await storage(page);
  const entry = (id: string, name: string, hashrate: unknown) => ({ id, name, kind: 'gpu', hashrate, watts: 300, note: '' });
  const file = { format: 'powlab-devices', version: 1, devices: [entry('good-1', 'Good one', 1e9), entry('broken', 'Broken', -5), entry('good-2', 'Good two', 2e9)] };
  await page.getByTestId('dv-ud-import').setInputFiles({ name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('dv-ud-import-status')).toContainText('Loaded 2 devices from mixed.json');
  const problems = page.getByTestId('dv-ud-import-problems');
  await expect(problems.locator('li')).toHaveCount(1);
  await expect(problems).toContainText('entry 2 ("Broken")');
  await expect(problems).toContainText('hashrate');
  await expect(tableRow(page, 'good-1')).toHaveCount(1);
  await expect(tableRow(page, 'good-2')).toHaveCount(1);
  await expect(tableRow(page, 'broken')).toHaveCount(0);
  const after = await storage(page);
  expect(Object.keys(after).sort()).toEqual([...Object.keys(before), USER_KEY].sort());
  for (const key of Object.keys(before)) expect(after[key], key).toBe(before[key]);
  expect((JSON.parse(after[USER_KEY]!) as { id: string }[]).map((d) => d.id)).toEqual(['good-1', 'good-2']);

  // A file that is not a devices file (or not JSON) is refused beside the field; nothing changes.
  for (const [text, says] of [
    ['{"format":"powlab-bench-result","version":1}', /not a PoW Lab devices file/i],
    ['devices, please', /not JSON/i],
    ['{"format":"powlab-devices","version":2,"devices":[]}', /version 2 is not supported/i],
  ] as const) {
    await page.getByTestId('dv-ud-import').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('dv-ud-import-error')).toContainText(says);
    await expect(page.getByTestId('dv-ud-import')).toHaveAttribute('aria-invalid', 'true');
    expect(await storage(page)).toEqual(after);
  }
});

test('solo odds and economics follow the difficulty and prices the learner sets', async ({ page }) => {
  await openDevices(page);
  const s21 = deviceById('s21')!;
  const odds = page.locator('[data-testid="dv-odds-body"] tr[data-device-id="s21"] td');
  const D = BUNDLED_DIFFICULTY.difficulty;
  const at = (difficulty: number) => deviceFigures(s21, { ...defaultEconomics(), difficulty });
  await expect(odds.nth(1)).toHaveText(formatDuration(at(D).expectedSecondsToBlock));
  await expect(odds.nth(3)).toHaveText(`1 in ${formatBigNumber(at(D).oneInNPerDay)}`);
  // The table starts with the key devices; the box shows all of them.
  const shown = await page.locator('[data-testid="dv-odds-body"] tr').count();
  expect(shown).toBeLessThan(DEVICES.length);
  await page.getByTestId('dv-odds-all').check();
  await expect(page.locator('[data-testid="dv-odds-body"] tr')).toHaveCount(DEVICES.length);

  const difficulty = page.getByTestId('dv-difficulty');
  await difficulty.fill('1e12');
  await expect(odds.nth(1)).toHaveText(formatDuration(at(1e12).expectedSecondsToBlock));
  for (const [text, says] of [
    ['abc', /not a number/],
    ['-1', /above 0/],
    ['0', /above 0/],
    ['1e400', /too large/i],
  ] as const) {
    await difficulty.fill(text);
    await expect(page.getByTestId('dv-difficulty-error')).toHaveText(says);
    await expect(odds.nth(1)).toHaveText(formatDuration(at(1e12).expectedSecondsToBlock));
  }
  await page.getByTestId('dv-difficulty-bundled').click();
  await expect(page.getByTestId('dv-difficulty-error')).toBeEmpty();
  await expect(odds.nth(1)).toHaveText(formatDuration(at(D).expectedSecondsToBlock));

  const money = page.locator('[data-testid="dv-economics-body"] tr[data-device-id="s21"] td');
  await expect(money.nth(1)).toHaveText('needs a price');
  await page.getByTestId('dv-price').fill('100000');
  await page.getByTestId('dv-electricity').fill('0.08');
  await page.getByTestId('dv-pool-fee').fill('2');
  const input = { ...defaultEconomics(), price: 100000, electricity: 0.08, poolFee: 0.02 };
  const f = deviceFigures(s21, input);
  await expect(money.nth(1)).toHaveText(formatMoney(f.revenuePerDay!));
  await expect(money.nth(2)).toHaveText(formatMoney(f.electricityPerDay!));
  await expect(money.nth(3)).toHaveText(formatMoney(f.profitPerDay!));
  await expect(page.getByTestId('dv-hashprice')).toContainText(`Hashprice: ${formatMoney(f.hashprice!)} a day for each TH/s`);
  // A device with no watts in its source gets no electricity figure, and says why.
  const noWatts = DEVICES.find((d) => d.watts === null)!;
  await page.getByTestId('dv-economics-all').check();
  await expect(page.locator(`[data-testid="dv-economics-body"] tr[data-device-id="${noWatts.id}"] td`).nth(2)).toHaveText('no watts known');
  await page.getByTestId('dv-pool-fee').fill('150');
  await expect(page.getByTestId('dv-pool-fee-error')).toHaveText(/at most 100/);
  await expect(money.nth(1)).toHaveText(formatMoney(f.revenuePerDay!));
  await expectHonest(page);
});

test('a rig combines machines with counts, totals them, and is kept', async ({ page }) => {
  await openDevices(page);
  await seed(page, { 'powlab.lastHashrate': MEASURED, 'powlab.devices.watts': { 'this-browser': 40 } });
  const s21 = deviceById('s21')!;
  const gpu = deviceById('rtx4090')!;
  const rig = page.getByTestId('dv-rig');
  await expect(rig).toHaveCount(1);
  await expect(rig.getByTestId('dv-rig-item')).toHaveCount(3);
  const total = (n: number) => n * s21.hashrate + 2 * gpu.hashrate + MEASURED.hashrate;
  const power = (n: number) => n * s21.watts! + 2 * gpu.watts! + 40;
  await expect(rig.getByTestId('dv-rig-hashrate')).toHaveText(formatRate(total(3)));
  await expect(rig.getByTestId('dv-rig-watts')).toHaveText(formatPower(power(3)));

  const count = rig.getByTestId('dv-rig-count-example-s21');
  await count.fill('5');
  await expect(rig.getByTestId('dv-rig-hashrate')).toHaveText(formatRate(total(5)));
  for (const bad of ['0', 'abc', '2.5', '2000000']) {
    await count.fill(bad);
    await expect(rig.getByTestId('dv-rig-count-example-s21-error'), bad).toHaveText(/whole number from 1 to 1,000,000/);
    await expect(count).toHaveAttribute('aria-invalid', 'true');
    await expect(rig.getByTestId('dv-rig-hashrate')).toHaveText(formatRate(total(5)));
  }
  await count.fill('5');
  // The count alone is kept: a reload brings it back.
  await page.reload();
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
  await expect(count).toHaveValue('5');
  await expect(rig.getByTestId('dv-rig-hashrate')).toHaveText(formatRate(total(5)));
  await rig.getByTestId('dv-rig-device').selectOption('rtx5090');
  await rig.getByTestId('dv-rig-add-count').fill('0');
  await rig.getByTestId('dv-rig-add').click();
  await expect(rig.getByTestId('dv-rig-add-count-error')).toHaveText(/whole number/);
  await rig.getByTestId('dv-rig-add-count').fill('2');
  await rig.getByTestId('dv-rig-add').click();
  await expect(rig.getByTestId('dv-rig-item')).toHaveCount(4);
  await rig.locator('[data-testid="dv-rig-item"][data-device-id="rtx4090"]').getByTestId('dv-rig-remove').click();
  await expect(rig.getByTestId('dv-rig-item')).toHaveCount(3);
  const expected = 5 * s21.hashrate + 2 * deviceById('rtx5090')!.hashrate + MEASURED.hashrate;
  await expect(rig.getByTestId('dv-rig-hashrate')).toHaveText(formatRate(expected));
  await expect(rig.getByTestId('dv-rig-wait')).toHaveText(formatDuration((BUNDLED_DIFFICULTY.difficulty * 2 ** 32) / expected));

  await page.reload();
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
  await expect(rig.getByTestId('dv-rig-item')).toHaveCount(3);
  await expect(rig.getByTestId('dv-rig-count-example-s21')).toHaveValue('5');
  await expect(rig.getByTestId('dv-rig-hashrate')).toHaveText(formatRate(expected));

  // Economics of the rig follow the screen's price; a rig without its browser's watts says so.
  await page.getByTestId('dv-price').fill('100000');
  await expect(rig.locator('[data-testid="dv-rig-economics"] td').nth(1)).toHaveText(formatMoney(deviceFigures({ hashrate: expected, watts: null }, { ...defaultEconomics(), price: 100000 }).revenuePerDay!));
  await page.getByTestId('dv-watts-this-browser').fill('');
  await expect(rig.getByTestId('dv-rig-watts')).toHaveText('enter watts');
  await page.getByTestId('dv-rig-new').click();
  await expect(rig).toHaveCount(2);
  await rig.nth(1).getByTestId('dv-rig-delete').click();
  await expect(rig).toHaveCount(1);
  await expectHonest(page);
});

test('at phone width nothing scrolls sideways: charts, tables and forms fit', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDevices(page);
  await seed(page, { 'powlab.lastHashrate': MEASURED, 'powlab.devices.watts': { 'this-browser': 30 } });
  await addOwnDevice(page, { name: 'A very long name for a home miner of my own making', kind: 'home', hashrate: '500', unit: 'GH/s', watts: '15', note: 'a note long enough to wrap over several lines on a phone screen' });
  await page.getByTestId('dv-odds-all').check();
  await page.getByTestId('dv-economics-all').check();
  await tableRow(page, 's21').locator('summary').click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const el of await page.locator('#view-devices canvas, #view-devices .table-wrap, #view-devices section.panel').all()) {
    const box = (await el.boundingBox())!;
    expect(box.x + box.width, await el.evaluate((e) => e.outerHTML.slice(0, 80))).toBeLessThanOrEqual(390);
  }
  await expect(page.getByTestId('screen-contents')).toBeVisible();
  await expectHonest(page);
});

test('screenshots at 1280 and 390 px, empty and with a measured row and a rig', async ({ page }) => {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openDevices(page);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
    await page.screenshot({ path: `${SCREENS}/devices-${width}-empty.png`, fullPage: true });
    await seed(page, { 'powlab.lastHashrate': MEASURED, 'powlab.devices.watts': { 'this-browser': 30 } });
    await expect(tableRow(page, 'this-browser')).toHaveAttribute('data-measured', 'true');
    await expect(page.getByTestId('dv-rig-hashrate')).toHaveText(/H\/s$/);
    await page.screenshot({ path: `${SCREENS}/devices-${width}-measured.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expectHonest(page);
  }
});

test('this GPU (measured) sits beside the modeled GPUs with its measured/modeled ratio', async ({ page }) => {
  // A WebGPU benchmark on a real RTX 4090 as the Benchmark screen saves it (this machine has no GPU).
  const modeled = deviceById('rtx4090')!;
  const measured = 0.42 * modeled.hashrate;
  await page.addInitScript((m) => {
    localStorage.setItem('powlab.lastGpuHashrate', JSON.stringify({ hashrate: m, adapter: { vendor: 'nvidia', architecture: 'ada-lovelace', device: '', description: 'NVIDIA GeForce RTX 4090', isFallbackAdapter: false }, date: '2026-11-30T10:00:00.000Z' }));
  }, measured);
  await openDevices(page);
  await expect(page.getByTestId('dv-gpu-status')).toContainText("This GPU (measured): NVIDIA GeForce RTX 4090, nvidia, ada-lovelace: " + formatRate(measured));
  await expect(page.getByTestId('dv-gpu-status')).toContainText("42% of the catalogue's modeled NVIDIA RTX 4090");
  const row = page.locator('[data-testid="device-table"] tr[data-device-id="this-gpu"]');
  await expect(row).toHaveAttribute('data-measured', 'true');
  await expect(row).toHaveAttribute('data-hashrate', String(measured));
  await expectHonest(page);
});
