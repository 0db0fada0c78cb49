// The Benchmark screen's WebGPU and hybrid backends. Headless Chromium's only adapter is SwiftShader, a
// CPU emulation: these tests check that the backends run, record what they ran on and label the
// emulation everywhere its rate appears; they say nothing about GPU speed. The page without WebGPU is
// tested in bench.spec.ts (the default launch has no WebGPU flag).
import config from '../../playwright.config.js';
import { expect, test } from './fixtures.js';

const args = [...(config.use?.launchOptions?.args ?? []), '--enable-unsafe-webgpu'];

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args } });

test.describe('with WebGPU (SwiftShader)', () => {
  for (const backend of ['webgpu', 'both'] as const) {
    test(`a URL-driven run on backend=${backend} records the backend and the adapter, labelled emulated and never a score`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto(`/?bench=run&backend=${backend}&seconds=2&threads=1&warmup=0.5`);
      const result = page.getByTestId('bench-result');
      await expect(result).toHaveAttribute('data-hashrate', /\d/, { timeout: 60_000 });
      expect(Number(await result.getAttribute('data-hashrate'))).toBeGreaterThan(0);
      await expect(result).toHaveAttribute('data-backend', backend);
      await expect(result).toHaveAttribute('data-threads', backend === 'webgpu' ? '0' : '1');
      await expect(result).toHaveAttribute('data-adapter', /swiftshader/i);
      await expect(result).toHaveAttribute('data-emulated', 'true');
      await expect(result).toHaveAttribute('data-score', 'false');
      await expect(page.getByTestId('bench-backend')).toContainText('Emulated on the CPU, not a GPU figure');
      await expect(page.getByTestId('bench-score-note')).toContainText('emulated on the CPU, not a GPU figure');
      await expect(page.getByTestId('bench-caveats')).toContainText('emulated GPU adapter');
      // The file says the same, and the emulated rate never becomes this device's score.
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('powlab.benchHistory')!)[0]);
      expect(stored.backend).toBe(backend);
      expect(stored.adapter.isFallbackAdapter).toBe(true);
      expect(stored.caveats.emulated).toBe(true);
      expect(stored.runs[0].gpuHashrate).toBeGreaterThan(0);
      expect(stored.runs[0].perWorker).toHaveLength(backend === 'webgpu' ? 0 : 1);
      expect(stored.runs[0].evidence.checksum.value).toBe('501796b05e4fe0291ef2911f4c084c29dd1fddf5a0a51344c9769a25997f7bac');
      expect(await page.evaluate(() => localStorage.getItem('powlab.lastHashrate'))).toBeNull();
      expect(await page.evaluate(() => localStorage.getItem('powlab.lastGpuHashrate'))).toBeNull();
      await expect(page.getByTestId('bench-compare-item')).toContainText('emulated on the CPU, not a GPU figure');
    });
  }

  test('the form offers the GPU with its adapter named and labelled emulated', async ({ page }) => {
    await page.goto('/#bench');
    const status = page.getByTestId('bench-gpu-status');
    await expect(status).toHaveAttribute('data-available', 'true');
    await expect(status).toHaveAttribute('data-emulated', 'true');
    await expect(status).toContainText('emulated on the CPU, not a GPU figure');
    await expect(page.getByTestId('bench-backend-webgpu')).toBeEnabled();
    await page.getByTestId('bench-backend-webgpu').check();
    // The GPU alone has no thread count.
    await expect(page.getByTestId('bench-threads')).toBeDisabled();
    await page.getByTestId('bench-backend-both').check();
    await expect(page.getByTestId('bench-threads')).toBeEnabled();
  });
});

test('an emulated GPU never enters Devices as a GPU', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?bench=run&backend=webgpu&seconds=2&warmup=0.5');
  await expect(page.getByTestId('bench-result')).toHaveAttribute('data-emulated', 'true', { timeout: 60_000 });
  await page.goto('/#devices');
  await expect(page.locator('#view-devices')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('dv-gpu-status')).toContainText('No GPU measured yet');
  await expect(page.locator('[data-testid="device-table"] tr[data-device-id="this-gpu"]')).toHaveCount(0);
});
