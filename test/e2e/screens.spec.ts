// Screenshots of the Hash screen for people to look at (test-results/screens/*.png): desktop and phone,
// with "abc", with the genesis header, with a bad hex input, and in the dark colour scheme.
import { expect, openHashScreen, test } from './fixtures.js';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const;

for (const size of SIZES) {
  test(`screenshots at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openHashScreen(page);
    await expect(page.getByTestId('status-selftest')).toHaveText('passed');
    const dir = 'test-results/screens';

    await page.getByTestId('hash-input').fill('abc');
    await expect(page.getByTestId('byte-length')).toHaveText('3');
    await page.screenshot({ path: `${dir}/hash-${size.name}.png` });
    await page.screenshot({ path: `${dir}/hash-${size.name}-full.png`, fullPage: true });

    await page.getByTestId('example-genesis').click();
    await expect(page.getByTestId('zero-bits')).toHaveText('43');
    await page.screenshot({ path: `${dir}/hash-${size.name}-genesis-full.png`, fullPage: true });
    await page.getByTestId('results').screenshot({ path: `${dir}/hash-${size.name}-genesis-results.png` });
    await page.locator('.panel').first().screenshot({ path: `${dir}/hash-${size.name}-genesis-input.png` });

    await page.getByTestId('hash-input').fill('0100zz');
    await expect(page.getByTestId('input-error')).not.toBeEmpty();
    await page.screenshot({ path: `${dir}/hash-${size.name}-bad-hex.png` });

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByTestId('example-genesis').click();
    await expect(page.getByTestId('zero-bits')).toHaveText('43');
    await page.screenshot({ path: `${dir}/hash-${size.name}-dark.png` });
  });
}
