// A picture of a .docx for the README: docx-preview (in headless Chromium) lays the document out
// page by page from its own page size, margins, fonts and footers; the first `pages` pages are shot.
// LibreOffice gives the reference rendering where Writer is installed:
//   soffice --headless --convert-to pdf x.docx && pdftoppm -r 60 -png x.pdf x
// Usage: node scripts/docx-picture.mjs <file.docx> <out.png> [pages]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [file, out, pages = '1'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });
  await page.route((url) => url.protocol !== 'file:' && url.protocol !== 'about:', (route) => route.abort());
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#888"><div id="c"></div></body></html>');
  await page.addScriptTag({ path: new URL('../node_modules/jszip/dist/jszip.min.js', import.meta.url).pathname });
  await page.addScriptTag({ path: new URL('../node_modules/docx-preview/dist/docx-preview.min.js', import.meta.url).pathname });
  const bytes = readFileSync(file).toString('base64');
  await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    await window.docx.renderAsync(data, document.getElementById('c'), undefined, { ignoreLastRenderedPageBreak: false, experimental: true, renderFooters: true, renderHeaders: true });
  }, bytes);
  const sections = page.locator('section.docx');
  const n = Math.min(Number(pages), await sections.count());
  const boxes = [];
  for (let i = 0; i < n; i++) boxes.push(await sections.nth(i).boundingBox());
  const top = boxes[0].y;
  const bottom = boxes[n - 1].y + boxes[n - 1].height;
  await page.screenshot({ path: out, clip: { x: boxes[0].x, y: top, width: boxes[0].width, height: bottom - top }, fullPage: true });
  console.log(`${out}: ${n} of ${await sections.count()} pages`);
} finally {
  await browser.close();
}
