/** The data's own text never acts on the reader: terminals, spreadsheets, Markdown, personal data. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, plan } from '../helpers.js';

// Any C0/C1 control except newline, and the bidi overrides.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostilePlan(): string {
  const dir = copyPlan({ progress: true });
  // JSON escapes inside YAML double quotes: the files hold real control characters.
  edit(join(dir, 'tasks/3.yaml'), 'title: "明确领导责任"', 'title: "明确\\u001b[2J\\u001b]0;owned\\u0007领导\\r责任\\u0008\\u202e"');
  edit(join(dir, 'units.yaml'), 'short: 县财政局', 'short: "县财政局\\u001b[31m"');
  edit(join(dir, 'status/finance.yaml'), 'progress: 已确定分管负责同志并报县政府办备案', 'progress: "已备案\\u001b]8;;http://evil.example\\u0007点这里\\u001b]8;;\\u0007"');
  return dir;
}

describe('terminal output', () => {
  it.each([
    ['status', []],
    ['status', ['--format', 'md']],
    ['status', ['--format', 'html']],
    ['overdue', ['--by', 'task']],
    ['upcoming', ['--within', '60']],
    ['checklist', ['finance']],
    ['checklist', ['finance', '--format', 'md']],
  ])('plan %s %j refuses data with escaped control characters, and its refusal carries none', (command, extra) => {
    const dir = hostilePlan();
    const r = plan([command, ...extra, '--plan', dir, '--as-of', '2021-09-06'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(r.code).toBe(1);
    // Colour may come from the tool: take its own SGR sequences out, then nothing else may remain.
    const withoutOwnColour = (r.stdout + r.stderr).replace(/\u001b\[(?:\d+;)*\d*m/g, '');
    expect(withoutOwnColour).not.toMatch(CONTROL);
    expect(withoutOwnColour).toMatch(/tasks\/3\.yaml[\s\S]*U\+001B/);
  });

  it('colours only when asked and never with NO_COLOR or --no-color', () => {
    const dir = copyPlan({ progress: true });
    expect(plan(['status', '--plan', dir, '--as-of', '2021-09-06'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toContain('\u001b[31m');
    expect(plan(['status', '--plan', dir, '--as-of', '2021-09-06'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(plan(['status', '--no-color', '--plan', dir, '--as-of', '2021-09-06'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).not.toContain('\u001b[');
  });

  it('the HTML page escapes the data and carries no script', () => {
    const dir = copyPlan();
    edit(join(dir, 'tasks/3.yaml'), 'title: "明确领导责任"', 'title: "<script>alert(1)</script><img src=x onerror=alert(2)> \\" \' &amp;"');
    const page = plan(['status', '--format', 'html', '--plan', dir, '--as-of', '2021-09-06']).stdout;
    expect(page).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &quot; &#39; &amp;amp;</td>');
    expect(page).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
  });

  it('Markdown checklist files escape the data', () => {
    const dir = copyPlan();
    edit(join(dir, 'tasks/3.yaml'), 'title: "明确领导责任"', 'title: "<img src=x onerror=alert(1)> [点我](javascript:alert(1))"');
    const out = join(dir, '..', 'lists');
    expect(plan(['checklist', '--all', '--out', out, '--plan', dir, '--as-of', '2021-09-06']).code).toBe(0);
    const md = readFileSync(join(out, 'finance.md'), 'utf8');
    // No tag, and no link: the brackets are escaped, so (javascript:…) is plain text.
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\[点我\\](javascript:alert(1))');
    expect(md).not.toContain('<img');
  });
});

describe('personal contact data (附件)', () => {
  function withContacts(): string {
    const dir = copyPlan({ progress: true });
    edit(
      join(dir, 'units.yaml'),
      '    short: 县财政局\n    kind: county-department\n',
      '    short: 县财政局\n    kind: county-department\n    contact:\n      leader: {name: 王某某, title: 副局长, officePhone: 0453-5551234, mobile: "13900001111"}\n      office: {name: 办公室, email: zwgk@example.cn}\n',
    );
    return dir;
  }

  it('never appears in a report', () => {
    const dir = withContacts();
    expect(plan(['check', '--plan', dir, '--as-of', '2021-09-06']).code).toBe(0);
    const out = join(dir, '..', 'lists');
    const runs = [
      ...['table', 'json', 'csv', 'md'].flatMap((format) => [
        ['status', '--format', format],
        ['overdue', '--format', format],
        ['upcoming', '--format', format],
        ['checklist', 'finance', '--format', format],
      ]),
      ['checklist', '--all', '--out', out],
      ['export'],
    ];
    for (const args of runs) {
      const r = plan([...args, '--plan', dir, '--as-of', '2021-09-06']);
      expect(r.code, args.join(' ')).toBe(0);
      for (const personal of ['王某某', '13900001111', '0453-5551234', 'zwgk@example.cn']) expect(r.stdout, args.join(' ')).not.toContain(personal);
    }
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8')).not.toContain('13900001111');
  });

  it('is exported only with --include-contacts', () => {
    const dir = withContacts();
    const out = JSON.parse(plan(['export', '--include-contacts', '--plan', dir, '--as-of', '2021-09-06']).stdout);
    expect(out.units.find((u: any) => u.id === 'finance').contact.leader).toEqual({ name: '王某某', title: '副局长', officePhone: '0453-5551234', mobile: '13900001111' });
  });
});
