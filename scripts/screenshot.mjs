// Screenshots of a built site or an HTML file for the README: node scripts/screenshot.mjs <file.html> <out.png> [width] [fullPage]
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [file, out, width = '1280', full = 'full'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, deviceScaleFactor: 1 });
  await page.route((url) => url.protocol !== 'file:', (route) => route.abort());
  await page.goto(pathToFileURL(resolve(file)).href);
  await page.screenshot({ path: out, fullPage: full === 'full' });
} finally {
  await browser.close();
}
