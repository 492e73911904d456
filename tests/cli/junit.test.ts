/**
 * `plan check --format junit` as CI systems read it: well-formed XML, one
 * test suite per file with a test case even when the file is clean, and every
 * count equal to the test cases it holds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, plan } from '../helpers.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** A strict reader for the XML subset JUnit uses; throws on anything not well-formed. */
function parseXml(source: string): Element {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed at ${i}: ${why}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const decode = (s: string): string => {
    if (/[<]/.test(s)) fail('raw < in text');
    return s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);|&/gi, (_m, ref: string | undefined) => {
      if (ref === undefined) return fail('raw & in text');
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref.toLowerCase()]!;
    });
  };
  const name = (): string => {
    const m = /^[A-Za-z_][\w.-]*/.exec(source.slice(i)) ?? fail('name expected');
    i += m[0].length;
    return m[0];
  };
  const skipSpace = (): void => {
    while (/\s/.test(source[i] ?? '')) i++;
  };
  const element = (): Element => {
    if (source[i] !== '<') fail('< expected');
    i++;
    const el: Element = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      const key = name();
      if (key in el.attributes) fail(`attribute ${key} twice`);
      if (source[i] !== '=' || source[i + 1] !== '"') fail('="..." expected');
      const end = source.indexOf('"', i + 2);
      if (end < 0) fail('unclosed attribute');
      el.attributes[key] = decode(source.slice(i + 2, end));
      i = end + 1;
    }
    for (;;) {
      const lt = source.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(source.slice(i, lt));
      i = lt;
      if (source.startsWith(`</${el.name}>`, i)) {
        i += el.name.length + 3;
        return el;
      }
      if (source.startsWith('</', i)) fail(`mismatched end tag in <${el.name}>`);
      el.children.push(element());
    }
  };
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(source) ?? fail('XML declaration expected');
  i = decl[0].length;
  const root = element();
  skipSpace();
  if (i !== source.length) fail('content after the root element');
  return root;
}

function junitOf(dir: string, ...extra: string[]): { code: number | null; root: Element } {
  const r = plan(['check', '--plan', dir, '--format', 'junit', ...extra]);
  return { code: r.code, root: parseXml(r.stdout) };
}

function expectConsistent(root: Element): void {
  expect(root.name).toBe('testsuites');
  let tests = 0;
  let failures = 0;
  for (const suite of root.children) {
    expect(suite.name).toBe('testsuite');
    const cases = suite.children.filter((c) => c.name === 'testcase');
    const failed = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(cases.length).toBeGreaterThan(0);
    expect(suite.attributes).toMatchObject({ tests: String(cases.length), failures: String(failed.length), errors: '0', skipped: '0' });
    tests += cases.length;
    failures += failed.length;
  }
  expect(root.attributes).toMatchObject({ tests: String(tests), failures: String(failures), errors: '0', skipped: '0' });
}

describe('plan check --format junit', () => {
  it('a clean plan: one suite per file, each with one passing case, and counts that add up', () => {
    const dir = copyPlan({ progress: true });
    const { code, root } = junitOf(dir, '--as-of', '2021-12-31');
    expect(code).toBe(0);
    expectConsistent(root);
    // plan.yaml, units.yaml, 5 task files, 2 status files.
    expect(root.children.map((s) => s.attributes.name!.slice(dir.length + 1))).toEqual([
      'plan.yaml',
      'units.yaml',
      'tasks/2-1.yaml',
      'tasks/2-2.yaml',
      'tasks/2-3.yaml',
      'tasks/2-4.yaml',
      'tasks/3.yaml',
      'status/finance.yaml',
      'status/town-linkou.yaml',
    ]);
    expect(root.attributes.tests).toBe('9');
  });

  it('errors are failures, warnings pass, and hostile text stays well-formed', () => {
    const dir = copyPlan({ progress: true });
    edit(join(dir, 'tasks/2-1.yaml'), 'lead: [finance]', 'lead: [finanse]');
    edit(join(dir, 'tasks/3.yaml'), 'deadline: 2021-09-10', 'deadline: 2022-03-01'); // a warning
    edit(join(dir, 'tasks/2-2.yaml'), 'lead: [business-environment]', 'lead: ["<x>&amp;\\"y\'\\n]]>"]');
    writeFileSync(join(dir, 'tasks/9-broken.yaml'), 'section: "a\n');
    const { code, root } = junitOf(dir, '--as-of', '2021-12-31');
    expect(code).toBe(1);
    expectConsistent(root);
    const all = root.children.flatMap((s) => s.children);
    expect(all.filter((c) => c.children.some((x) => x.name === 'failure')).length).toBe(Number(root.attributes.failures));
    expect(Number(root.attributes.failures)).toBeGreaterThanOrEqual(3);
    const warning = all.find((c) => c.attributes.name!.endsWith('deadline-outside-span'))!;
    expect(warning.children.map((x) => x.name)).toEqual(['system-out']);
    expect(JSON.stringify(all)).toContain('<x>&');
  });
});
