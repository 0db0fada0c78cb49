// The Hash screen on the built app, in real Chromium with a real worker and the real wasm core.
// Expected digests are recomputed here with node:crypto, not copied from the app.
import { createHash } from 'node:crypto';
import { test as plain } from '@playwright/test';
import { expect, openHashScreen, test } from './fixtures.js';

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
const sha256d = (data: Buffer): Buffer => sha256(sha256(data));
const hex = (data: Buffer): string => data.toString('hex');
const displayOrder = (data: Buffer): string => hex(Buffer.from(data).reverse());

function leadingZeroBits(displayHex: string): number {
  let bits = 0;
  for (const digit of displayHex) {
    const v = parseInt(digit, 16);
    if (v !== 0) return bits + Math.clz32(v) - 28;
    bits += 4;
  }
  return bits;
}

const GENESIS_HEADER =
  '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c';
const GENESIS_HASH = '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f';
const ANY_DIGEST = /[0-9a-f]{64}/;

test('the page is cross-origin isolated and reports its environment', async ({ page }) => {
  await openHashScreen(page);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await expect(page).toHaveTitle('PoW Lab');
  await expect(page.getByTestId('status-isolated')).toHaveText('yes');
  const simd = await page.evaluate(() =>
    WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 17, 11])),
  );
  await expect(page.getByTestId('status-simd')).toHaveText(simd ? 'yes' : 'no');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.getByTestId('status-cores')).toHaveText(String(cores));
});

test('the core passes its self-test', async ({ page }) => {
  await openHashScreen(page);
  await expect(page.getByTestId('status-selftest')).toHaveText('passed');
  await expect(page.getByTestId('status-core')).toHaveText(/^WebAssembly (SIMD \(4 lanes\)|scalar)$/);
  await expect(page.getByTestId('selftest-alert')).toBeHidden();
});

test('the empty input already has its hash', async ({ page }) => {
  await openHashScreen(page);
  await expect(page.getByTestId('byte-length')).toHaveText('0');
  await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(Buffer.alloc(0))));
});

test('typing "abc" shows its SHA-256, SHA-256d, display order and length', async ({ page }) => {
  await openHashScreen(page);
  await page.getByTestId('hash-input').pressSequentially('abc');
  const d = sha256d(Buffer.from('abc'));
  await expect(page.getByTestId('sha256')).toHaveText('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  await expect(page.getByTestId('sha256d')).toHaveText(hex(d));
  await expect(page.getByTestId('sha256d-display')).toHaveText(displayOrder(d));
  await expect(page.getByTestId('zero-bits')).toHaveText(String(leadingZeroBits(displayOrder(d))));
  await expect(page.getByTestId('byte-length')).toHaveText('3');
  await expect(page.getByTestId('input-bytes')).toHaveText('61 62 63');
});

test('UTF-8 text is hashed as its UTF-8 bytes', async ({ page }) => {
  await openHashScreen(page);
  const text = 'Grüße, 世界 ₿\nline two';
  await page.getByTestId('hash-input').fill(text);
  const bytes = Buffer.from(text, 'utf8');
  await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(bytes)));
  await expect(page.getByTestId('byte-length')).toHaveText(String(bytes.length));
});

test('fast typing ends on the digest of the final input', async ({ page }) => {
  await openHashScreen(page);
  const text = 'The quick brown fox jumps over the lazy dog';
  await page.getByTestId('hash-input').pressSequentially(text, { delay: 15 });
  await page.getByTestId('hash-input').press('Backspace');
  const final = Buffer.from(text.slice(0, -1));
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(final)));
  await expect(page.getByTestId('sha256d')).toHaveText(hex(sha256d(final)));
  // Nothing older arrives later and overwrites it.
  await page.waitForTimeout(400);
  await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(final)));
});

test('hex mode: the genesis header gives the genesis block hash with 43 leading zero bits', async ({ page }) => {
  const header = Buffer.from(GENESIS_HEADER, 'hex');
  const d = sha256d(header);
  // The expected values, checked against node:crypto before they are asserted on the page.
  expect(displayOrder(d)).toBe(GENESIS_HASH);
  expect(leadingZeroBits(GENESIS_HASH)).toBe(43);

  await openHashScreen(page);
  await page.getByTestId('mode-hex').check();
  await page.getByTestId('hash-input').fill(GENESIS_HEADER);
  await expect(page.getByTestId('sha256d-display')).toHaveText(GENESIS_HASH);
  await expect(page.getByTestId('zero-bits')).toHaveText('43');
  await expect(page.getByTestId('sha256d')).toHaveText(hex(d));
  await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(header)));
  await expect(page.getByTestId('byte-length')).toHaveText('80');
  await expect(page.getByTestId('input-error')).toBeEmpty();
  await expect(page.getByTestId('hash-input')).not.toHaveAttribute('aria-invalid', 'true');
});

test('the genesis example button loads the header in hex mode', async ({ page }) => {
  await openHashScreen(page);
  await page.getByTestId('example-genesis').click();
  await expect(page.getByTestId('mode-hex')).toBeChecked();
  await expect(page.getByTestId('hash-input')).toHaveValue(GENESIS_HEADER);
  await expect(page.getByTestId('sha256d-display')).toHaveText(GENESIS_HASH);
});

test('hex ignores spaces and line breaks between digits', async ({ page }) => {
  await openHashScreen(page);
  await page.getByTestId('mode-hex').check();
  await page.getByTestId('hash-input').fill('61 62\n63');
  await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(Buffer.from('abc'))));
  await expect(page.getByTestId('byte-length')).toHaveText('3');
});

for (const [bad, says] of [
  ['abc', /two digits per byte/],
  ['zz', /“z”.*not a hex digit/],
  ['0x6162', /0x/],
] as const) {
  test(`bad hex "${bad}" shows an inline error and no digest`, async ({ page }) => {
    await openHashScreen(page);
    await page.getByTestId('mode-hex').check();
    const field = page.getByTestId('hash-input');
    await field.fill(bad);
    const error = page.getByTestId('input-error');
    await expect(error).toHaveText(says);
    await expect(error).toHaveAttribute('aria-live', 'polite');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'invalid');
    for (const id of ['sha256', 'sha256d', 'sha256d-display']) {
      await expect(page.getByTestId(id)).not.toHaveText(ANY_DIGEST);
    }
    await expect(page.getByTestId('zero-bits')).toHaveText('—');
    await expect(page.getByTestId('results-note')).toBeVisible();
    await expect(page.getByTestId('bytes-none')).toBeVisible();

    // Fixing the input clears the error and brings the digest back.
    await field.fill('616263');
    await expect(error).toBeEmpty();
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(Buffer.from('abc'))));
  });
}

test('a bad hex input typed after a good one never leaves the old digest on screen', async ({ page }) => {
  await openHashScreen(page);
  await page.getByTestId('mode-hex').check();
  const field = page.getByTestId('hash-input');
  await field.fill('6162');
  await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(Buffer.from('ab'))));
  // In the same task as the input event: the old digest is already gone, not 100 ms later.
  const shownAtOnce = await page.evaluate(() => {
    const field = document.querySelector<HTMLTextAreaElement>('[data-testid="hash-input"]')!;
    field.value += '6';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    return document.querySelector('[data-testid="sha256"]')!.textContent;
  });
  expect(shownAtOnce).toBe('—');
  await expect(page.getByTestId('input-error')).not.toBeEmpty();
  await expect(page.getByTestId('sha256')).not.toHaveText(ANY_DIGEST);
});

test('a core that fails its self-test is reported prominently', async ({ page }) => {
  // Serve the wasm with one byte of the first SHA-256 round constant K[0] = 0x428a2f98 changed.
  await page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    const k0 = body.indexOf(Buffer.from('982f8a42', 'hex'));
    expect(k0).toBeGreaterThan(0);
    body[k0] = 0x99;
    await route.fulfill({ response, body });
  });
  await page.goto('/');
  await expect(page.getByTestId('status-selftest')).toHaveText('FAILED');
  const alert = page.getByTestId('selftest-alert');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('cannot be trusted');
  await expect(page.getByTestId('untrusted-note')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/hash-selftest-failed.png' });
});

test('switching text to hex and back keeps the same bytes', async ({ page }) => {
  await openHashScreen(page);
  const field = page.getByTestId('hash-input');
  await field.fill('abc');
  const expected = hex(sha256(Buffer.from('abc')));
  await expect(page.getByTestId('sha256')).toHaveText(expected);
  await page.getByTestId('mode-hex').check();
  await expect(field).toHaveValue('616263');
  await expect(page.getByTestId('sha256')).toHaveText(expected);
  await page.getByTestId('mode-text').check();
  await expect(field).toHaveValue('abc');
  await expect(page.getByTestId('sha256')).toHaveText(expected);
});

test('the screen works from the keyboard', async ({ page }) => {
  await openHashScreen(page);
  await page.getByTestId('mode-text').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('mode-hex')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('hash-input')).toBeFocused();
  await page.keyboard.type('00');
  await expect(page.getByTestId('byte-length')).toHaveText('1');
  await expect(page.getByTestId('sha256')).toHaveText(hex(sha256(Buffer.from([0]))));
});

test('the navigation links are pills (rounded, not underlined), the current one filled', async ({ page }) => {
  await openHashScreen(page);
  for (const id of ['nav-hash', 'nav-bench']) {
    const style = await page.getByTestId(id).evaluate((a) => {
      const s = getComputedStyle(a);
      return { radius: parseFloat(s.borderTopLeftRadius), underline: s.textDecorationLine, background: s.backgroundColor };
    });
    expect(style.radius, id).toBeGreaterThan(8);
    expect(style.underline, id).toBe('none');
    if (id === 'nav-hash') expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
  }
});

test('the status bar says who is hashing, from the registry', async ({ page }) => {
  await openHashScreen(page);
  await expect(page.getByTestId('status-hashing')).toHaveText('nothing');
  await page.getByTestId('nav-mine').click();
  await page.getByTestId('mine-zero-bits').fill('40');
  await page.getByTestId('mine-start-button').click();
  await expect(page.getByTestId('status-hashing')).toHaveText('Mine a block');
  await page.getByTestId('mine-stop').click();
  await expect(page.getByTestId('status-hashing')).toHaveText('nothing');
});

test('the navigation links every screen and marks the current one', async ({ page }) => {
  await openHashScreen(page);
  await expect(page.getByTestId('nav-hash')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('nav a')).toHaveText(['Hash', 'Benchmark', 'Mine a block', 'Difficulty', 'Pools & profit', 'Devices']);
  await page.getByTestId('nav-mine').click();
  await expect(page).toHaveURL(/#mine$/);
  await expect(page.getByTestId('nav-mine')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('nav-hash')).not.toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#view-hash')).toBeHidden();
  await expect(page.locator('#view-mine')).toBeVisible();
  // Back to the Hash screen: mounted once, so what was typed is still there.
  await page.goBack();
  await expect(page.locator('#view-hash')).toBeVisible();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'ready');
});

test('no horizontal scrolling on a 360 px wide phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openHashScreen(page);
  await page.getByTestId('example-genesis').click();
  await expect(page.getByTestId('sha256d-display')).toHaveText(GENESIS_HASH);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

// Without the watch fixture: checks that the policy is in force, so "no violations" above means something.
plain('the Content-Security-Policy blocks inline script', async ({ page }) => {
  await page.goto('/');
  const result = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; directive: string }>((resolve) => {
        const w = window as unknown as { __inlineRan?: boolean };
        document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: w.__inlineRan === true, directive: e.violatedDirective }), {
          once: true,
        });
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.head.append(s);
      }),
  );
  expect(result.ran).toBe(false);
  expect(result.directive).toMatch(/^script-src/);
});
