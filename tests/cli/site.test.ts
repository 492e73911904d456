/**
 * `plan site`: the pages as files (links, escaping, the public edition) and in
 * a real browser (headless Chromium through playwright-core): every page from
 * file:// with no console error and no network request, the home page's
 * figures against `plan status --format json`, and the phone layout.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lightColour } from '../../src/site/pages.js';
import { isInternalLink, safeHref } from '../../src/site/privacy.js';
import { CHROMIUM, hasChromium, hostilePlan, launchChromium, LIVE_MARKUP, statusFigures } from '../documents.js';
import { copyPlan, edit, plan } from '../helpers.js';

function build(dir: string, extra: string[] = [], asOf = '2021-09-20'): string {
  const out = join(mkdtempSync(join(tmpdir(), 'plan-site-')), 'public');
  const r = plan(['site', '--out', out, '--plan', dir, '--as-of', asOf, ...extra]);
  expect(r.code).toBe(0);
  return out;
}

function pagesOf(out: string): string[] {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return walk(out).filter((f) => f.endsWith('.html'));
}

/** A plan with internal notes, internal and public evidence, and a contact form. */
function planWithPrivateData(): string {
  const dir = copyPlan({ progress: true });
  edit(join(dir, 'units.yaml'), '    short: 县财政局\n', '    short: 县财政局\n    note: 内部备注-勿公开\n    contact:\n      leader: { name: 李四, mobile: "13912345678" }\n      office: { phone: "0453-7654321", email: czj@linkou.example }\n');
  edit(
    join(dir, 'status/finance.yaml'),
    '    evidence: [https://example.org/finance/3.1]',
    '    evidence: [https://www.linkou.gov.cn/zwgk/3.1, "http://192.168.10.5/oa/3.1", "internal:oa/2021/17", "file:///C:/公文/3.1.doc", "http://oa/3.1", "javascript:alert(1)"]\n    history:\n      - { date: 2021-09-03, from: not_started, to: done, note: 内部说明-领导已批示 }',
  );
  return dir;
}

describe('plan site (files)', () => {
  it('writes a home page, a page per unit with tasks and a page per task, all links inside the site', () => {
    const dir = copyPlan({ progress: true });
    const out = build(dir);
    const pages = pagesOf(out).map((f) => relative(out, f)).sort();
    const status = JSON.parse(plan(['status', '--format', 'json', '--plan', dir, '--as-of', '2021-09-20']).stdout);
    const units = new Set<string>(status.tasks.flatMap((t: any) => t.assignments.map((a: any) => a.unit)));
    expect(pages).toEqual(['index.html', ...status.tasks.map((t: any) => `tasks/${t.id}.html`), ...[...units].map((u) => `units/${u}.html`)].sort());
    for (const page of pagesOf(out)) {
      const text = readFileSync(page, 'utf8');
      expect(text).not.toMatch(/<script|<iframe|<object|<embed|@import|url\(/i);
      // Every link, image and stylesheet stays inside the site, except evidence links the units gave.
      for (const [, href] of text.matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (/^https?:/.test(href!)) continue;
        const target = resolve(dirname(page), href!.replace(/#.*$/, '') || relative(dirname(page), page));
        expect(existsSync(target), `${relative(out, page)} → ${href}`).toBe(true);
      }
      expect(text).toMatch(/<html lang="(en|zh-CN)">/);
    }
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    // Charts are inline SVG with a text alternative and the figures as a table.
    expect(home.match(/<svg [^>]*role="img" aria-labelledby="[^"]+"/g)!.length).toBe(5);
    expect(home.match(/<desc id=/g)!.length).toBe(5);
    expect(home).toContain('<th scope="col">');
  });

  it('escapes hostile text on every page', () => {
    const out = build(hostilePlan());
    for (const page of pagesOf(out)) {
      const text = readFileSync(page, 'utf8');
      expect(text, page).not.toMatch(LIVE_MARKUP);
      expect(text).not.toContain('\u001b');
    }
    const task = readFileSync(join(out, 'tasks/3.1.html'), 'utf8');
    expect(task).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(readFileSync(join(out, 'units/finance.html'), 'utf8')).toContain('县财政局&lt;b onmouseover=alert(4)&gt;');
    expect(readFileSync(join(out, 'tasks/2.1.3.html'), 'utf8')).toContain('&lt;iframe src=&quot;http://evil.example&quot;&gt;');
  });

  it('--public leaves out internal notes, internal evidence and all contact data', () => {
    const dir = planWithPrivateData();
    const internal = readFileSync(join(build(dir), 'units/finance.html'), 'utf8');
    const pub = build(dir, ['--public']);
    const all = pagesOf(pub).map((f) => readFileSync(f, 'utf8')).join('\n');
    // The internal edition has the notes; neither edition has contact data.
    expect(internal).toContain('内部备注-勿公开');
    expect(internal).toContain('内部说明-领导已批示');
    expect(internal).toContain('http://192.168.10.5/oa/3.1');
    for (const text of [internal, all]) for (const personal of ['13912345678', '李四', '0453-7654321', 'czj@linkou.example']) expect(text).not.toContain(personal);
    for (const hidden of ['内部备注-勿公开', '内部说明-领导已批示', '192.168.10.5', 'internal:oa', 'file:///', 'http://oa/3.1']) expect(all).not.toContain(hidden);
    expect(all).toContain('<a href="https://www.linkou.gov.cn/zwgk/3.1" rel="noopener noreferrer">');
    expect(all).toContain('public edition');
    // A javascript: link is never a link, in either edition.
    expect(internal).not.toContain('href="javascript:');
  });

  it('tells internal links from public ones', () => {
    for (const link of ['internal:oa/1', 'http://10.1.2.3/x', 'http://172.20.0.1/', 'https://192.168.1.1', 'http://localhost:8080/', 'http://oa/x', 'https://share.corp/x', 'http://nas.local/a', 'file:///c:/a.doc', 'smb://server/share', 'not a url', 'http://[::1]/', 'http://[fd00::1]/']) expect(isInternalLink(link), link).toBe(true);
    for (const link of ['https://www.linkou.gov.cn/zwgk/1', 'http://example.org/a', 'https://8.8.8.8/x']) expect(isInternalLink(link), link).toBe(false);
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
  });

  it('draws each light in a colour with at least 4.5:1 contrast on white, a light added later included', () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const light of ['red', 'yellow', 'green', 'done-late', 'ongoing', 'blocked', 'some-new-light'] as const) {
      expect(1.05 / (luminance(lightColour(light as never)) + 0.05), light).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('needs --out', () => {
    expect(plan(['site', '--plan', copyPlan()]).code).toBe(2);
  });
});

describe('plan site (in Chromium)', () => {
  it.skipIf(!hasChromium)(`opens every page from file:// with no console error and no network request (${CHROMIUM})`, async () => {
    const dir = planWithPrivateData();
    const asOf = '2021-09-20';
    const out = build(dir, ['--lang', 'en'], asOf);
    const browser = await launchChromium();
    try {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
        const context = await browser.newContext({ viewport });
        const outside: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('file:')) return route.continue();
          outside.push(url);
          return route.abort();
        });
        const problems: string[] = [];
        const page = await context.newPage();
        let current = '';
        page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${current}: ${m.text()}`));
        page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
        page.on('requestfailed', (r) => problems.push(`${current}: failed ${r.url()}`));
        // Every page at desktop width; at phone width the three kinds of page.
        const files = viewport.width === 390 ? ['index.html', 'units/finance.html', 'tasks/3.1.html'].map((f) => join(out, f)) : pagesOf(out);
        for (const file of files) {
          current = relative(out, file);
          await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
          // The stylesheet applied (it is a separate file): the header has its colour.
          expect(await page.evaluate(() => getComputedStyle(document.querySelector('header.site')!).backgroundColor)).toBe('rgb(11, 61, 110)');
          if (viewport.width === 390) {
            // Nothing wider than the phone: wide tables scroll inside their own box.
            expect(await page.evaluate(() => document.documentElement.scrollWidth), current).toBeLessThanOrEqual(390);
          }
        }
        await page.close();
        expect(problems).toEqual([]);
        expect(outside).toEqual([]);
        await context.close();
      }

      // The home page's figures are plan status's figures for the same date.
      const f = statusFigures(dir, asOf);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
      const figure = (key: string): Promise<string> => page.locator(`[data-figure="${key}"]`).innerText();
      expect(await figure('asOf')).toBe(asOf);
      expect((await figure('percent')).replace(/\s+/g, ' ')).toBe(`${f.percent}% ${f.closed}/${f.assignments}`);
      expect((await figure('overdue')).split(/\s/)[0]).toBe(String(f.overdue));
      expect(await figure('blocked')).toBe(String(f.blocked));
      expect((await figure('tasks')).split(/\s/)[0]).toBe(String(f.tasks));
      expect((await figure('nextCheckpoint')).replace(/\s+/g, ' ')).toBe(`${f.nextCheckpoint!.daysLeft}d left ${f.nextCheckpoint!.date}`);
      const lights = await page.locator('#lights g[data-key]').evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.getAttribute('data-key'), Number(g.getAttribute('data-value'))])));
      expect(lights).toEqual(Object.fromEntries(Object.entries(f.counts).filter(([, n]) => n > 0)));
      const units = await page.locator('#units g[data-key]').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-key'), Number(g.getAttribute('data-value'))]));
      expect(units).toHaveLength(f.units.size);
      for (const [id, closed] of units) expect(closed, String(id)).toBe(f.units.get(String(id))!.closed);
      // Sorted: most complete first.
      const ratios = units.map(([id]) => f.units.get(String(id))!).map((u) => u.closed / u.assigned);
      expect([...ratios].sort((a, b) => b - a)).toEqual(ratios);
      // The charts have names a screen reader reads.
      const names = await page.locator('svg[role="img"]').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' — ')));
      expect(names.every((n) => n.length > 10)).toBe(true);
      // Printed: no navigation, and the page prints to A4 as a PDF.
      expect(await page.locator('header.site nav').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site nav').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.close();
    } finally {
      await browser.close();
    }
  }, 120_000);

  it.skipIf(!hasChromium)('shows the summary page with its figures, hostile text as text, nothing fetched', async () => {
    const dir = hostilePlan();
    const asOf = '2021-09-20';
    const file = join(mkdtempSync(join(tmpdir(), 'plan-summary-html-')), 'summary.html');
    expect(plan(['summary', '--format', 'html', '--out', file, '--plan', dir, '--as-of', asOf]).code).toBe(0);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
      await page.route((url) => url.protocol !== 'file:', (route) => (problems.push(`request ${route.request().url()}`), route.abort()));
      await page.goto(pathToFileURL(file).href);
      const f = statusFigures(dir, asOf);
      const body = await page.locator('main').innerText();
      expect(body).toContain(`${f.closed} were done or not applicable (${f.percent}%)`);
      expect(body).toContain(`${f.overdue} assignments of`);
      // The hostile title is shown as the text it is, and made no element.
      expect(body).toContain('<script>alert(1)</script><img src=x onerror=alert(2)>');
      expect(await page.locator('main script, main img, main iframe').count()).toBe(0);
      expect(await page.locator('h2').allInnerTexts()).toEqual(['1. Overall', '2. By unit', '3. Overdue', '4. Problems reported', '5. Next']);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
