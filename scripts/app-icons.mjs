#!/usr/bin/env node
/*
 * The installable app's PNG icons (apps/web/public/icons), drawn by Chromium from the two SVGs beside them:
 * 192 and 512 px of icon.svg, and 512 px of icon-maskable.svg (its mark inside the middle 80 %, which a phone's
 * mask never cuts). The PNGs are committed; run this again only when an SVG changes:
 *
 *   node scripts/app-icons.mjs
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ICONS = join(dirname(fileURLToPath(import.meta.url)), '../apps/web/public/icons');
const DRAWINGS = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const { svg, png, size } of DRAWINGS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const source = readFileSync(join(ICONS, svg), 'utf8');
    await page.setContent(`<body style="margin:0">${source.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
    await page.screenshot({ path: join(ICONS, png), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
