/**
 * `plan site --out` under attack: a symlinked out folder or folder inside it,
 * a folder of someone else's files, `--out /` and its kind, pages left from an
 * earlier run; and `--public` against every way of writing an internal host
 * and credentials in a link.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInternalLink, safeHref, withoutCredentials } from '../../src/site/privacy.js';
import { copyPlan, edit, plan } from '../helpers.js';

const site = (dir: string, out: string, extra: string[] = [], cwd?: string) => plan(['site', '--out', out, '--plan', dir, '--as-of', '2021-09-20', ...extra], { ...(cwd && { cwd }) });

describe('plan site --out: a folder the site owns', () => {
  it('refuses a symlinked out folder, or a symlinked folder inside it, and writes nothing through them', () => {
    const dir = copyPlan({ progress: true });
    const top = mkdtempSync(join(tmpdir(), 'plan-pub-'));
    const victim = join(top, 'victim');
    mkdirSync(victim);
    symlinkSync(victim, join(top, 'public'));
    let r = site(dir, join(top, 'public'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symlink');
    expect(readdirSync(victim)).toEqual([]);
    // A real out folder from an earlier run, whose units/ folder is now a link.
    const out = join(top, 'real');
    expect(site(dir, out).code).toBe(0);
    const unitsDir = readdirSync(out, { withFileTypes: true }).find((e) => e.isDirectory())!.name;
    const moved = join(top, 'moved');
    mkdirSync(moved);
    const { renameSync } = require('node:fs') as typeof import('node:fs');
    renameSync(join(out, unitsDir), join(top, 'old-units'));
    symlinkSync(moved, join(out, unitsDir));
    r = site(dir, out, ['--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symlink');
    expect(readdirSync(moved)).toEqual([]);
  });

  it('refuses a folder holding files the site did not write unless --force, which leaves them alone', () => {
    const dir = copyPlan({ progress: true });
    const out = join(mkdtempSync(join(tmpdir(), 'plan-pub-')), 'public');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'mine');
    const r = site(dir, out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('thesis.docx');
    expect(readdirSync(out)).toEqual(['thesis.docx']);
    expect(site(dir, out, ['--force']).code).toBe(0);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    // The site's own earlier output is no foreign file: a second run needs no --force.
    writeFileSync(join(out, 'thesis.docx'), 'mine');
    expect(site(dir, out, ['--force']).code).toBe(0);
  });

  it('removes the pages an earlier run wrote and this one did not, and nothing else', () => {
    const dir = copyPlan({ progress: true });
    const out = join(mkdtempSync(join(tmpdir(), 'plan-pub-')), 'public');
    expect(site(dir, out).code).toBe(0);
    const pages = (d: string): string[] => readdirSync(d, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).sort();
    const first = pages(out);
    // The finance bureau gets a new id: its page moves, the old one must not stay behind.
    expect(plan(['unit', 'rename', 'finance', 'finx', '--plan', dir]).code).toBe(0);
    const r = site(dir, out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('removed');
    const second = pages(out);
    expect(second.length).toBe(first.length);
    expect(second).not.toContain('units/finance.html');
    expect(second).toContain('units/finx.html');
    expect(first).toContain('units/finance.html');
    // A manifest that names files outside the folder or of another kind removes nothing of them.
    const outside = join(dirname(out), 'keep.html');
    writeFileSync(outside, 'keep');
    writeFileSync(join(out, '.plan-site.json'), JSON.stringify({ files: ['../keep.html', '/etc/hostname', 'style.css'] }));
    // The pages it does not name are foreign now: refused, then written beside with --force.
    expect(site(dir, out).code).toBe(2);
    expect(site(dir, out, ['--force']).code).toBe(0);
    expect(pages(out)).toEqual(second);
    expect(readFileSync(outside, 'utf8')).toBe('keep');
  });

  it('refuses the root, the home folder, a top-level folder, and any folder holding the current one or the plan', () => {
    const dir = copyPlan({ progress: true });
    const top = dirname(dir);
    for (const out of ['/', '//', '/tmp', '/usr', homedir(), top, '.', join(dir, '..', '..')]) {
      const r = site(dir, out, ['--force'], top);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toContain('will not write the site into');
    }
  });
});

describe('plan site --public: internal hosts and credentials', () => {
  it('treats every private, loopback, link-local, single-label, trailing-dot and IPv4-mapped host as internal', () => {
    const internal = [
      'http://localhost./x', 'http://LOCALHOST/x', 'http://foo.localhost/', 'http://printer.local/x', 'http://nas.local./x', 'http://intranet./x', 'http://intranet/x', 'http://oa.corp./', 'http://wiki.home.arpa/',
      'http://[::ffff:10.0.0.1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:a00:1]/', 'http://[::ffff:192.168.1.1]:8080/', 'http://[::127.0.0.1]/', 'http://[64:ff9b::10.0.0.1]/',
      'http://[::]/', 'http://[fe80::1%25eth0]/', 'http://[ff02::1]/', 'http://[2001:db8::1]/', 'http://[2002:a00:1::]/',
      'http://0x7f.1/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://127.1/', 'http://0.0.0.0/', 'http://169.254.169.254/latest/meta-data', 'http://100.64.0.1/', 'http://192.168.0.1./', 'http://224.0.0.1/', 'http://255.255.255.255/',
    ];
    for (const link of internal) expect(isInternalLink(link), link).toBe(true);
    for (const link of ['https://www.linkou.gov.cn/zwgk/1', 'https://www.linkou.gov.cn./zwgk/1', 'http://8.8.8.8/', 'http://[2606:4700::1111]/', 'https://user:pw@www.gov.cn/a']) expect(isInternalLink(link), link).toBe(false);
  });

  it('strips credentials from every link it shows, in either edition', () => {
    expect(withoutCredentials('https://clerk:s3cret@www.gov.cn/a?b=1')).toBe('https://www.gov.cn/a?b=1');
    expect(safeHref('https://clerk:s3cret@www.gov.cn/a')).toBe('https://www.gov.cn/a');
    expect(safeHref('https://clerk@www.gov.cn/a')).toBe('https://www.gov.cn/a');
    const dir = copyPlan({ progress: true });
    edit(join(dir, 'status/finance.yaml'), 'evidence: [https://example.org/finance/3.1]', 'evidence: ["https://clerk:s3cret@www.linkou.gov.cn/zwgk/2", "http://[::ffff:10.0.0.1]/oa/1", "http://intranet./x"]');
    for (const extra of [[], ['--public']]) {
      const out = join(mkdtempSync(join(tmpdir(), 'plan-pub-')), 'public');
      expect(site(dir, out, extra).code).toBe(0);
      const all = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
      expect(all).not.toContain('s3cret');
      expect(all).not.toContain('clerk');
      expect(all).toContain('https://www.linkou.gov.cn/zwgk/2');
      if (extra.length > 0) {
        expect(all).not.toContain('10.0.0.1');
        expect(all).not.toContain('ffff');
        expect(all).not.toContain('intranet.');
      }
    }
  });
});
