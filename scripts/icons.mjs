#!/usr/bin/env node
// Draws the app's PNG icons from their SVG sources (public/icons/*.svg) with the Chromium the browser
// tests use, so the PNGs are the SVGs exactly. The PNGs are committed: `npm run build` needs no browser.
// Run after editing an SVG: `node scripts/icons.mjs`.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { ICONS } from './icon-list.mjs';

const dir = new URL('../public/icons/', import.meta.url);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const icon of ICONS) {
    const svg = readFileSync(new URL(icon.source, dir), 'utf8');
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</body></html>`,
    );
    writeFileSync(new URL(icon.out, dir), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } }));
    console.log(`${icon.out}: ${icon.size}×${icon.size} from ${icon.source}`);
  }
} finally {
  await browser.close();
}
