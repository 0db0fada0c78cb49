// The "Mine a block" screen on the built app, in real Chromium with real workers and the real wasm
// core. Every hash the page reports is recomputed here with node:crypto from the header hex it shows.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
const displayHash = (headerHex: string): string => Buffer.from(sha256(sha256(Buffer.from(headerHex, 'hex')))).reverse().toString('hex');

function leadingZeroBits(displayHex: string): number {
  let bits = 0;
  for (const digit of displayHex) {
    const v = parseInt(digit, 16);
    if (v !== 0) return bits + Math.clz32(v) - 28;
    bits += 4;
  }
  return bits;
}

/** The fields of an 80-byte header given as hex, read here independently of the app. */
function headerFields(headerHex: string) {
  const b = Buffer.from(headerHex, 'hex');
  expect(b.length).toBe(80);
  return {
    version: b.readUInt32LE(0),
    prevHash: Buffer.from(b.subarray(4, 36)).reverse().toString('hex'),
    merkleRoot: Buffer.from(b.subarray(36, 68)).reverse().toString('hex'),
    time: b.readUInt32LE(68),
    bits: b.readUInt32LE(72),
    nonce: b.readUInt32LE(76),
  };
}

const GENESIS_NONCE = 2083236893;
const GENESIS_HASH = '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f';
const ZERO_HASH = '0'.repeat(64);
const SHOTS = 'test-results/screens';

// The machine may be busy with other work; searches and reloads get room to finish.
test.describe.configure({ timeout: 120_000 });

async function openMine(page: Page): Promise<void> {
  await page.goto('/#mine');
  await expect(page.getByTestId('mine-header-hex')).toHaveAttribute('data-header-hex', /^[0-9a-f]{160}$/);
}

async function setZeroBits(page: Page, bits: number): Promise<void> {
  await page.getByTestId('mine-zero-bits').fill(String(bits));
}

/** Mines the block in the editor and returns the found block's header and hash, checked with node:crypto. */
async function mineOne(page: Page, bits: number): Promise<{ headerHex: string; hash: string }> {
  const before = await page.getByTestId('chain-block').count();
  await setZeroBits(page, bits);
  await page.getByTestId('mine-start-button').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'found', { timeout: 20_000 });
  await expect(page.getByTestId('chain-block')).toHaveCount(before + 1);
  const found = page.getByTestId('mine-found');
  const headerHex = (await found.getAttribute('data-header-hex'))!;
  const hash = (await found.getAttribute('data-hash'))!;
  expect(displayHash(headerHex)).toBe(hash);
  expect(leadingZeroBits(hash)).toBeGreaterThanOrEqual(bits);
  await expect(found).toHaveAttribute('data-verified', 'yes');
  return { headerHex, hash };
}

test('mining a block at 10 zero bits finds a hash that node:crypto confirms, and links the next block to it', async ({ page }) => {
  await openMine(page);
  await page.getByTestId('mine-data').fill('Alice pays Bob 5 coins');
  await page.getByTestId('mine-time').fill('1700000000');
  const { headerHex, hash } = await mineOne(page, 10);

  const fields = headerFields(headerHex);
  expect(fields.version).toBe(1);
  expect(fields.prevHash).toBe(ZERO_HASH);
  expect(fields.time).toBe(1700000000);
  // One transaction: the merkle root is the sha256d of the text's UTF-8 bytes.
  expect(fields.merkleRoot).toBe(Buffer.from(sha256(sha256(Buffer.from('Alice pays Bob 5 coins')))).reverse().toString('hex'));
  // Target 2^(256-10), stated exactly by the header's nBits (0x1f400000).
  expect(fields.bits).toBe(0x1f400000);
  expect(BigInt(`0x${hash}`) <= 1n << 246n).toBe(true);
  await expect(page.getByTestId('found-nonce')).toHaveText(fields.nonce.toLocaleString('en-US'));
  await expect(page.getByTestId('found-checks').locator('.is-good')).toHaveCount(3);

  const card = page.getByTestId('chain-block').first();
  await expect(card).toHaveAttribute('data-state', 'valid');
  await expect(card).toHaveAttribute('data-hash', hash);
  await expect(card).toHaveAttribute('data-header-hex', headerHex);

  // The editor now holds block 2, built on block 1.
  await expect(page.getByTestId('mine-editor-block')).toHaveText('block 2');
  await expect(page.getByTestId('mine-prev')).toHaveValue(hash);
  const next = headerFields((await page.getByTestId('mine-header-hex').getAttribute('data-header-hex'))!);
  expect(next.prevHash).toBe(hash);
  await expect(page.getByTestId('mine-hashes')).not.toHaveText('0');
});

test('the live header hex follows the fields and shows each field', async ({ page }) => {
  await openMine(page);
  await page.getByTestId('mine-data').fill('abc');
  await page.getByTestId('mine-prev').fill('11'.repeat(32));
  await page.getByTestId('mine-time').fill('1231006505');
  await setZeroBits(page, 12);
  const hex = page.getByTestId('mine-header-hex');
  await expect(hex).toHaveAttribute('data-header-hex', /^01000000(11){32}/);
  const f = headerFields((await hex.getAttribute('data-header-hex'))!);
  expect(f.time).toBe(1231006505);
  expect(f.nonce).toBe(0);
  expect(f.merkleRoot).toBe(Buffer.from(sha256(sha256(Buffer.from('abc')))).reverse().toString('hex'));
  // 2^(256-12) = 2^244: 31 bytes long, leading digits 100000, so nBits 0x1f100000.
  expect(f.bits).toBe(0x1f100000);
  await expect(page.getByTestId('mine-merkle')).toHaveText(f.merkleRoot);
  await expect(page.getByTestId('mine-time-utc')).toHaveText('2009-01-03 18:15:05 UTC');
  await expect(page.getByTestId('mine-target')).toHaveText(/^0010 ?0000/);
  for (const field of ['version', 'prevHash', 'merkleRoot', 'time', 'bits', 'nonce']) {
    await expect(hex.locator(`.hf-${field}`)).toHaveCount(1);
  }
  await expect(page.getByTestId('mine-header-legend').locator('[data-field="bits"]')).toHaveText('0x1f100000');

  // A real nBits value instead of zero bits.
  await page.getByTestId('mine-mode-bits').check();
  await page.getByTestId('mine-nbits').fill('0x1f00ffff');
  await expect(hex).toHaveAttribute('data-header-hex', /ffff001f00000000$/);
  await expect(page.getByTestId('mine-target-summary')).toHaveText('nBits 0x1f00ffff. Expected work: 65,537 hashes (about 2^16.0).');
  // The easiest target there is: one hash is expected, in the singular.
  await page.getByTestId('mine-nbits').fill('0x2100ffff');
  await expect(page.getByTestId('mine-target-summary')).toHaveText('nBits 0x2100ffff. Expected work: 1 hash (about 2^0.0).');
});

test('re-mining the genesis block from a million below its nonce finds exactly the recorded nonce and hash', async ({ page }) => {
  await openMine(page);
  await page.getByTestId('real-select').selectOption({ label: 'Height 0: the genesis block (3 January 2009)' });
  await expect(page.getByTestId('real-recorded-hash')).toHaveText(GENESIS_HASH);
  await expect(page.getByTestId('real-source')).toContainText('btcd');
  await expect(page.getByTestId('real-offset')).toHaveValue('1000000');
  await page.getByTestId('real-start').click();
  await expect(page.getByTestId('real-status')).toHaveAttribute('data-state', 'found', { timeout: 30_000 });
  await expect(page.getByTestId('real-nonce')).toHaveAttribute('data-value', String(GENESIS_NONCE));
  await expect(page.getByTestId('real-hash')).toHaveAttribute('data-hash', GENESIS_HASH);
  await expect(page.getByTestId('real-hash')).toHaveText(GENESIS_HASH);
  await expect(page.getByTestId('real-match')).toHaveText('yes');
  const headerHex = (await page.getByTestId('real-result').getAttribute('data-header-hex'))!;
  expect(displayHash(headerHex)).toBe(GENESIS_HASH);
  expect(headerFields(headerHex).nonce).toBe(GENESIS_NONCE);
  await expect(page.getByTestId('real-progress')).toHaveAttribute('value', '1000');
});

test('re-mining block 370,090 (version 3) also finds its recorded nonce', async ({ page }) => {
  await openMine(page);
  await page.getByTestId('real-select').selectOption({ index: 4 });
  await page.getByTestId('real-offset').fill('200000');
  await page.getByTestId('real-start').click();
  await expect(page.getByTestId('real-status')).toHaveAttribute('data-state', 'found', { timeout: 30_000 });
  await expect(page.getByTestId('real-nonce')).toHaveAttribute('data-value', '3439998879');
  await expect(page.getByTestId('real-match')).toHaveText('yes');
  await expect(page.getByTestId('real-hash')).toHaveAttribute('data-hash', '0000000000000000110f732932babf666ee2d7438529f55a286a751c30dff720');
});

test('editing an earlier block breaks it and every later block; re-mining repairs it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMine(page);
  const mined = [];
  for (let i = 0; i < 3; i++) mined.push(await mineOne(page, 8));
  expect(headerFields(mined[1]!.headerHex).prevHash).toBe(mined[0]!.hash);
  expect(headerFields(mined[2]!.headerHex).prevHash).toBe(mined[1]!.hash);

  const cards = page.getByTestId('chain-block');
  for (let i = 0; i < 3; i++) await expect(cards.nth(i)).toHaveAttribute('data-state', 'valid');
  await expect(page.getByTestId('chain-summary')).toContainText('all valid');
  await page.getByTestId('chain').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/mine-desktop-chain.png`, fullPage: true });

  // Edit block 1 until its hash misses the target (at 8 bits, 255 edits in 256 do).
  const data = cards.nth(0).getByTestId('chain-block-data');
  const original = await data.inputValue();
  let edit = 0;
  for (;;) {
    await data.fill(`${original} (edited ${edit++})`);
    const hash = (await cards.nth(0).getAttribute('data-hash'))!;
    if (leadingZeroBits(hash) < 8) break;
  }
  await expect(cards.nth(0)).toHaveAttribute('data-state', 'broken');
  await expect(cards.nth(0).getByTestId('chain-block-problems')).toContainText('above its target');
  await expect(cards.nth(1)).toHaveAttribute('data-state', 'broken');
  await expect(cards.nth(1).getByTestId('chain-block-problems')).toContainText('block 1 now hashes to');
  await expect(cards.nth(1).getByTestId('chain-block-link')).toContainText('not the hash of block 1');
  await expect(cards.nth(2)).toHaveAttribute('data-state', 'broken');
  await expect(cards.nth(2).getByTestId('chain-block-problems')).toContainText('Block 2 before it is broken');
  await expect(page.getByTestId('chain-summary')).toHaveText('Broken from block 1 on: 3 of 3 blocks are no longer valid.');
  // The card's hash is the real sha256d of its header as now shown.
  const editedHeader = (await cards.nth(0).getAttribute('data-header-hex'))!;
  expect(displayHash(editedHeader)).toBe(await cards.nth(0).getAttribute('data-hash'));
  await cards.nth(0).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/mine-desktop-chain-broken.png`, fullPage: true });

  // Re-mine block 1: its own proof of work holds again, but block 2 still names the old hash.
  await cards.nth(0).getByTestId('chain-block-remine').click();
  await expect(cards.nth(0)).toHaveAttribute('data-state', 'valid', { timeout: 20_000 });
  await expect(cards.nth(1)).toHaveAttribute('data-state', 'broken');
  const remined = (await cards.nth(0).getAttribute('data-header-hex'))!;
  expect(leadingZeroBits(displayHash(remined))).toBeGreaterThanOrEqual(8);
  // Then block 2 and block 3 in turn: the whole chain is valid again.
  await cards.nth(1).getByTestId('chain-block-remine').click();
  await expect(cards.nth(1)).toHaveAttribute('data-state', 'valid', { timeout: 20_000 });
  await expect(cards.nth(2)).toHaveAttribute('data-state', 'broken');
  await cards.nth(2).getByTestId('chain-block-remine').click();
  await expect(cards.nth(2)).toHaveAttribute('data-state', 'valid', { timeout: 20_000 });
  await expect(page.getByTestId('chain-summary')).toContainText('all valid');
  // The next block still builds on the (re-mined) tip.
  await expect(page.getByTestId('mine-prev')).toHaveValue((await cards.nth(2).getAttribute('data-hash'))!);

  // Starting over empties the chain and the next block builds on nothing.
  await page.getByTestId('chain-reset').click();
  await expect(cards).toHaveCount(0);
  await expect(page.getByTestId('mine-editor-block')).toHaveText('block 1');
  await expect(page.getByTestId('mine-prev')).toHaveValue(ZERO_HASH);
});

test('bad input gets an inline message next to its field and starts nothing', async ({ page }) => {
  await openMine(page);
  const cases: Array<[string, string, RegExp, (p: Page) => Promise<void>]> = [
    ['mine-prev', 'xyz', /“x”.*not a hex digit/, async () => undefined],
    ['mine-prev', 'abcd', /64 hex digits; this has 4/, async () => undefined],
    ['mine-zero-bits', '41', /41 is outside 1\.\.40/, async () => undefined],
    ['mine-zero-bits', '0', /0 is outside 1\.\.40/, async () => undefined],
    ['mine-time', 'noon', /not an integer/, async () => undefined],
    ['mine-threads', '0', /at least 1 thread/, async () => undefined],
    ['mine-nbits', '0x1d80ffff', /negative/, async (p) => p.getByTestId('mine-mode-bits').check()],
    ['mine-nbits', '0x23000001', /overflows/, async (p) => p.getByTestId('mine-mode-bits').check()],
    ['mine-nbits', '0x1d000000', /decodes to zero/, async (p) => p.getByTestId('mine-mode-bits').check()],
    ['mine-nbits', 'hello', /expected nBits/, async (p) => p.getByTestId('mine-mode-bits').check()],
  ];
  for (const [id, value, message, before] of cases) {
    await page.reload();
    await expect(page.getByTestId('mine-header-hex')).toHaveAttribute('data-header-hex', /^[0-9a-f]{160}$/);
    await before(page);
    const field = page.getByTestId(id);
    await field.fill(value);
    await expect(page.getByTestId(`${id}-error`), `${id} = ${value}`).toHaveText(message);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('mine-start-button').click();
    await expect(page.getByTestId('mine-form-error')).toContainText('nothing was started');
    await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'idle');
    await expect(field).toBeFocused();
  }
  // Fixing the field clears its message.
  await page.getByTestId('mine-nbits').fill('0x2000ffff');
  await expect(page.getByTestId('mine-nbits-error')).toBeEmpty();
  await expect(page.getByTestId('mine-nbits')).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/mine-desktop-bad-input.png` });

  // And for the real-block panel: an offset beyond the nonce.
  await page.getByTestId('real-offset').fill('9999999999');
  await expect(page.getByTestId('real-offset-error')).toContainText('is outside 0..2083236893');
  await page.getByTestId('real-start').click();
  await expect(page.getByTestId('real-form-error')).toContainText('nothing was started');
  await expect(page.getByTestId('real-status')).toHaveAttribute('data-state', 'idle');
});

test('pause, resume and stop: a hard block keeps going until stopped, and nothing is added', async ({ page }) => {
  await openMine(page);
  await setZeroBits(page, 40);
  await page.getByTestId('mine-start-button').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('mine-fieldset')).toHaveAttribute('disabled', '');
  await expect(page.getByTestId('mine-data')).toBeDisabled();
  await expect.poll(async () => Number((await page.getByTestId('mine-hashes').textContent())!.replace(/,/g, ''))).toBeGreaterThan(100_000);
  await expect(page.getByTestId('mine-rate')).toHaveText(/\d+(\.\d)? (k|M|G)?H\/s/);
  await expect(page.getByTestId('mine-expected')).toHaveText(/\d/);
  await expect(page.getByTestId('mine-current-hash')).toHaveText(/^[0-9a-f ]{64,}$/);
  await expect(page.getByTestId('mine-best-zeros')).toHaveText(/^\d+$/);

  await page.getByTestId('mine-pause').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'paused');
  await expect(page.getByTestId('mine-pause')).toHaveText('Resume');
  await page.waitForTimeout(300);
  const held = await page.getByTestId('mine-hashes').textContent();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('mine-hashes')).toHaveText(held!);
  await page.getByTestId('mine-pause').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('mine-hashes')).not.toHaveText(held!);

  await page.getByTestId('mine-stop').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'stopped', { timeout: 2_000 });
  await expect(page.getByTestId('mine-start-button')).toBeEnabled();
  await expect(page.getByTestId('mine-data')).toBeEnabled();
  await expect(page.getByTestId('chain-block')).toHaveCount(0);
  await expect(page.getByTestId('mine-found')).toBeHidden();
  const after = await page.getByTestId('mine-hashes').textContent();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('mine-hashes')).toHaveText(after!);
});

test('stopping a real-block search works too', async ({ page }) => {
  await openMine(page);
  await page.getByTestId('real-offset').fill('2000000000');
  await page.getByTestId('real-start').click();
  await expect(page.getByTestId('real-status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('mine-start-button')).toBeDisabled();
  await page.getByTestId('real-stop').click();
  await expect(page.getByTestId('real-status')).toHaveAttribute('data-state', 'stopped', { timeout: 2_000 });
  await expect(page.getByTestId('real-result')).toBeHidden();
  await expect(page.getByTestId('mine-start-button')).toBeEnabled();
});

test('when every nonce fails, the timestamp moves on by a second and mining goes on', async ({ page }) => {
  await openMine(page);
  await page.getByTestId('mine-time').fill('1700000000');
  await page.locator('.mine-more summary').click();
  // 296 nonces at 20 bits: the first header almost surely (1 - 296/2^20) has no solution.
  await page.getByTestId('mine-start').fill('4294967000');
  const { headerHex } = await mineOne(page, 20);
  await expect(page.getByTestId('mine-rolls')).toBeVisible();
  await expect(page.getByTestId('mine-rolls')).toContainText('timestamp moved on to 1,700,000,001');
  expect(headerFields(headerHex).time).toBe(1700000001);
});

test('the screen works from the keyboard', async ({ page }) => {
  await openMine(page);
  await page.getByTestId('mine-zero-bits').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('9');
  await page.getByTestId('mine-threads').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('mine-start-button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'found', { timeout: 20_000 });
  await expect(page.getByTestId('chain-block')).toHaveCount(1);
});

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const) {
  test(`screenshots at ${size.width}x${size.height}, and no horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openMine(page);
    const noScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await noScroll();
    await page.screenshot({ path: `${SHOTS}/mine-${size.name}-idle.png` });
    await page.screenshot({ path: `${SHOTS}/mine-${size.name}-idle-full.png`, fullPage: true });
    await page.locator('.mine-layout > .panel').first().screenshot({ path: `${SHOTS}/mine-${size.name}-editor.png` });

    await setZeroBits(page, 38);
    await page.getByTestId('mine-start-button').click();
    await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('mine-best-zeros')).toHaveText(/^\d+$/);
    await page.waitForTimeout(1200);
    await page.locator('.mine-run').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/mine-${size.name}-mining.png` });
    await page.locator('.mine-run').screenshot({ path: `${SHOTS}/mine-${size.name}-mining-panel.png` });
    await noScroll();
    await page.getByTestId('mine-stop').click();
    await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'stopped');

    for (let i = 0; i < 3; i++) await mineOne(page, 10);
    await noScroll();
    await page.getByTestId('chain').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/mine-${size.name}-chain.png` });
    await page.screenshot({ path: `${SHOTS}/mine-${size.name}-full.png`, fullPage: true });
    await page.getByTestId('mine-found').screenshot({ path: `${SHOTS}/mine-${size.name}-found.png` });

    await page.getByTestId('real-start').click();
    await expect(page.getByTestId('real-match')).toHaveText('yes', { timeout: 30_000 });
    await page.getByTestId('real-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/mine-${size.name}-real.png` });
    await noScroll();
  });
}

test('blocks mined here show up on the Difficulty screen’s “What you measured” table, and Clear empties it', async ({ page }) => {
  await openMine(page);
  const { headerHex } = await mineOne(page, 12);
  // The log holds the hashes tried in order: from nonce 0 up to and including the one found.
  const log = await page.evaluate(() => JSON.parse(localStorage.getItem('powlab.mineLog') ?? '[]') as Array<Record<string, unknown>>);
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ bits: 12, hashes: headerFields(headerHex).nonce + 1 });
  expect(Number(log[0]!['threads'])).toBeGreaterThanOrEqual(1);
  expect(Date.parse(String(log[0]!['date']))).not.toBeNaN();

  await page.getByTestId('nav-difficulty').click();
  const box = page.getByTestId('minelog');
  await expect(box).toHaveAttribute('data-state', 'ready');
  const row = page.getByTestId('minelog-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-bits', '12');
  await expect(row.getByTestId('minelog-count')).toHaveText('1');
  await expect(row.getByTestId('minelog-expected')).toHaveText('2^12 = 4,096');
  await expect(page.getByTestId('minelog-note')).toContainText('1/√n');

  // Back to mining: the table, already on screen once, refreshes when the learner returns.
  await page.getByTestId('nav-mine').click();
  await mineOne(page, 12);
  await page.getByTestId('nav-difficulty').click();
  await expect(row.getByTestId('minelog-count')).toHaveText('2');

  await page.getByTestId('minelog-clear').click();
  await expect(box).toHaveAttribute('data-state', 'empty');
  await expect(page.getByTestId('minelog-empty')).toBeVisible();
  await expect(page.getByTestId('minelog-empty')).toContainText('16 to 20 zero bits');
  await expect(row).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('powlab.mineLog'))).toBeNull();
});

test('nothing is mined while a benchmark runs: the notice beside Start names it and can stop it', async ({ page }) => {
  // A benchmark on one thread, long enough to still be running when mining is asked for.
  await page.goto('/#bench');
  await page.getByTestId('bench-preset-custom').check();
  await page.getByTestId('bench-seconds').fill('60');
  await page.getByTestId('bench-threads').fill('1');
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-stop')).toBeEnabled({ timeout: 15_000 });

  // Change screens in the page (no reload), as the nav does: the benchmark goes on.
  await page.evaluate(() => (location.hash = '#mine'));
  await expect(page.getByTestId('mine-header-hex')).toHaveAttribute('data-header-hex', /^[0-9a-f]{160}$/);
  await setZeroBits(page, 40);
  await page.getByTestId('mine-start-button').click();
  const notice = page.getByTestId('busy-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('benchmark');
  await expect(page.getByTestId('mine-busy').getByTestId('busy-stop')).toBeVisible();
  // No search started: the status, the figures and the fields are as they were.
  await page.waitForTimeout(500);
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('mine-hashes')).toHaveText('0');
  await expect(page.getByTestId('mine-stop')).toBeDisabled();
  await expect(page.getByTestId('mine-start-button')).toBeEnabled();
  await expect(page.getByTestId('mine-data')).toBeEnabled();
  // The real-block panel is refused the same way.
  await page.getByTestId('real-start').click();
  await expect(page.getByTestId('real-busy').getByTestId('busy-notice')).toContainText('benchmark');
  await expect(page.getByTestId('real-status')).toHaveAttribute('data-state', 'idle');

  // Its Stop button stops the benchmark; the notices go, and mining then starts.
  await page.getByTestId('mine-busy').getByTestId('busy-stop').click();
  await expect(notice).toHaveCount(0);
  await page.getByTestId('mine-start-button').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
  await expect.poll(async () => Number((await page.getByTestId('mine-hashes').textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
  await page.getByTestId('mine-stop').click();
  await expect(page.getByTestId('mine-status')).toHaveAttribute('data-state', 'stopped');
  await page.evaluate(() => (location.hash = '#bench'));
  await expect(page.getByTestId('bench-status')).toHaveText('Stopped. No result was recorded.');
});
