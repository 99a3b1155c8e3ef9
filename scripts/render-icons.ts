// Renders the PNG icons of the manifest from their SVG sources with the system Chromium (no download).
// The maskable icon keeps its drawing inside the central 80 % safe zone. Run after editing an SVG:
//   npx tsx scripts/render-icons.ts
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const targets = [
  { svg: 'public/icons/icon.svg', png: 'public/icons/icon-192.png', size: 192 },
  { svg: 'public/icons/icon.svg', png: 'public/icons/icon-512.png', size: 512 },
  { svg: 'scripts/icons/icon-maskable.svg', png: 'public/icons/icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
for (const { svg, png, size } of targets) {
  await page.setViewportSize({ width: size, height: size });
  const markup = readFileSync(svg, 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${markup}`);
  await page.screenshot({ path: png, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`${png} (${size}×${size})`);
}
await browser.close();
