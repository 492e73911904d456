/**
 * Broken, hostile and wrongly shaped files: each gets a clear diagnostic with
 * its file (and line where there is one), a documented exit code, no stack
 * trace, and nothing written.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, plan } from '../helpers.js';
import { snapshot } from './pipeline.js';

interface Case {
  name: string;
  /** Path inside the plan folder. */
  file: string;
  content: string | Buffer | ((original: string) => string);
  exit: 0 | 1 | 2;
  code?: string | RegExp;
  line?: number;
}

const task = (fields: string): string =>
  `section: 测试\ntasks:\n  - id: "9.1"\n    title: 测试任务\n    text: 测试\n    responsible: [towns]\n${fields}`;
const deadline = '    deadline: 2021-12-31\n';

const cases: Case[] = [
  // Broken YAML
  { name: 'tabs for indentation', file: 'tasks/9.yaml', content: 'section: x\ntasks:\n\t- id: "9.1"\n', exit: 1, code: /^yaml-/, line: 3 },
  { name: 'an unclosed quote', file: 'tasks/9.yaml', content: task('    deadline: "2021-12-31\n'), exit: 1, code: /^yaml-/ },
  { name: 'an unclosed bracket', file: 'tasks/9.yaml', content: task('    lead: [gov-office, finance\n' + deadline), exit: 1, code: /^yaml-/ },
  { name: 'bad indentation', file: 'tasks/9.yaml', content: 'section: x\ntasks:\n  - id: "9.1"\n     title: t\n', exit: 1, code: /^yaml-/, line: 4 },
  { name: 'a duplicate key', file: 'tasks/9.yaml', content: task(deadline + deadline), exit: 1, code: 'yaml-duplicate-key', line: 8 },
  { name: 'several documents in one file', file: 'tasks/9.yaml', content: `${task(deadline)}---\n${task(deadline)}`, exit: 1, code: /^yaml-/ },
  { name: 'an empty file', file: 'tasks/9.yaml', content: '', exit: 1, code: 'file-empty' },
  { name: 'a file with only comments', file: 'status/finance.yaml', content: '# nothing yet\n# really\n', exit: 1, code: 'file-empty' },
  { name: 'a byte order mark', file: 'tasks/9.yaml', content: `\ufeff${task(deadline)}`, exit: 0 },
  { name: 'CRLF line ends', file: 'tasks/9.yaml', content: task(deadline).replace(/\n/g, '\r\n'), exit: 0 },
  { name: 'invalid UTF-8 bytes', file: 'tasks/9.yaml', content: Buffer.concat([Buffer.from('section: x\ntasks: []\ntitle: "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]), exit: 2, code: 'file-not-utf8', line: 3 },
  { name: 'a binary file named .yaml', file: 'tasks/9.yaml', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), exit: 2, code: 'file-binary' },
  // Abuse
  {
    name: 'a billion-laughs alias bomb',
    file: 'tasks/9.yaml',
    content: `a: &a ["x","x","x","x","x","x","x","x","x"]\n${['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`).join('\n')}\n`,
    exit: 1,
    code: 'yaml-alias-limit',
  },
  { name: 'very deep nesting', file: 'tasks/9.yaml', content: `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, exit: 1, code: /^yaml-/ },
  { name: 'a 100,000-character title', file: 'tasks/9.yaml', content: task(deadline).replace('title: 测试任务', `title: ${'长'.repeat(100_000)}`), exit: 1, code: 'title-too-long', line: 4 },
  { name: 'a __proto__ key', file: 'tasks/9.yaml', content: task(deadline + '    __proto__: {polluted: true}\n'), exit: 1, code: 'schema-unknown-property', line: 8 },
  { name: 'constructor and prototype keys', file: 'status/finance.yaml', content: 'unit: finance\nconstructor: {prototype: {polluted: true}}\n', exit: 1, code: 'schema-unknown-property', line: 2 },
  { name: 'a !!js/function tag', file: 'tasks/9.yaml', content: task(deadline).replace('text: 测试', 'text: !!js/function "function () { process.exit(9) }"'), exit: 1, code: /^yaml-/, line: 5 },
  { name: 'a custom tag', file: 'tasks/9.yaml', content: task(deadline).replace('text: 测试', 'text: !custom 测试'), exit: 1, code: /^yaml-/, line: 5 },
  // Wrong shapes
  { name: 'a string where a list is expected', file: 'tasks/9.yaml', content: task(deadline).replace('responsible: [towns]', 'responsible: towns'), exit: 1, code: 'schema-type', line: 6 },
  { name: 'a number as an id', file: 'tasks/9.yaml', content: task(deadline).replace('id: "9.1"', 'id: 9.1'), exit: 1, code: 'schema-type', line: 3 },
  { name: 'a date written 2021/9/5', file: 'tasks/9.yaml', content: task('    deadline: 2021/9/5\n'), exit: 1, code: 'schema-pattern', line: 7 },
  { name: 'the date 2021-02-30', file: 'tasks/9.yaml', content: task('    deadline: 2021-02-30\n'), exit: 1, code: 'invalid-date', line: 7 },
  { name: 'a deadline of null', file: 'tasks/9.yaml', content: task('    deadline: null\n'), exit: 1, code: 'schema-type', line: 7 },
  ...['bad/id', '..', 'has space', '财政'].map((id): Case => ({ name: `a unit id ${JSON.stringify(id)}`, file: 'units.yaml', content: (u: string) => u.replace('id: finance', `id: ${JSON.stringify(id)}`), exit: 1, code: 'schema-pattern' })),
  { name: 'a status file for a unit that does not exist', file: 'status/nobody.yaml', content: 'unit: nobody\n', exit: 1, code: 'unknown-unit', line: 1 },
];

function write(dir: string, c: Case): void {
  const path = join(dir, c.file);
  const content = typeof c.content === 'function' ? c.content(readFileSync(path, 'utf8')) : c.content;
  writeFileSync(path, content);
}

describe('bad input', () => {
  it.each(cases.map((c) => [c.name, c]))('%s', (_name, c) => {
    const dir = copyPlan();
    mkdirSync(join(dir, 'status'), { recursive: true });
    write(dir, c);
    const before = snapshot(dir);
    const started = Date.now();
    const r = plan(['check', '--plan', dir, '--format', 'json']);
    const elapsed = Date.now() - started;
    expect(r.code).toBe(c.exit);
    expect(r.stderr).toBe('');
    const findings = JSON.parse(r.stdout) as { code: string; file: string; line: number | null; message: string }[];
    if (c.exit === 0) {
      expect(findings).toEqual([]);
    } else {
      const mine = findings.find((f) => f.file === join(dir, c.file));
      expect(mine, JSON.stringify(findings)).toBeDefined();
      if (typeof c.code === 'string') expect(mine!.code).toBe(c.code);
      else expect(mine!.code).toMatch(c.code!);
      if (c.line !== undefined) expect(mine!.line).toBe(c.line);
      expect(mine!.message.length).toBeGreaterThan(10);
    }
    expect(snapshot(dir)).toEqual(before);
    expect(elapsed).toBeLessThan(2000);
  });

  it('rejects a 50 MB file by its size, quickly, with exit 2', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/9.yaml');
    writeFileSync(file, `section: x\ntasks: []\n# ${'x'.repeat(50 * 1024 * 1024)}\n`);
    const started = Date.now();
    const r = plan(['check', '--plan', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/the file is too large \(524288\d\d bytes, limit 8388608\); split it  file-too-large/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('proves no prototype pollution: the keys stay data', async () => {
    const { readYamlFull } = await import('../../src/load/full-yaml.js');
    const read = readYamlFull('__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n');
    expect(read.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(read.ok && read.value)).toBe(Object.prototype);
    expect(Object.keys(read.ok ? (read.value as object) : {})).toEqual(['__proto__', 'constructor']);
  });
});

describe('the file system', () => {
  it('a folder where a file should be: exit 2', () => {
    const dir = copyPlan();
    rmSync(join(dir, 'units.yaml'));
    mkdirSync(join(dir, 'units.yaml'));
    const r = plan(['check', '--plan', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('a YAML file is expected here, but this is a folder or a special file');
  });

  it('a missing plan folder: exit 2 with advice', () => {
    const r = plan(['status'], { cwd: '/' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: no plan folder: looked for plan/plan.yaml in / and every folder above it\n  run this inside a plan repository, or name the folder with --plan <dir>\n');
    expect(plan(['status', '--plan', '/nonexistent/plan']).stderr).toBe('plan: no plan folder at "/nonexistent/plan"\n  run this in the plan repository, or name the folder with --plan <dir>\n');
  });

  it('a missing plan.yaml: exit 2', () => {
    const dir = copyPlan();
    rmSync(join(dir, 'plan.yaml'));
    const r = plan(['check', '--plan', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('plan.yaml\n');
    expect(r.stdout).toContain('this file is missing');
  });

  it('a FIFO named .yaml: exit 2 at once, no waiting for a writer', () => {
    const dir = copyPlan();
    execFileSync('mkfifo', [join(dir, 'tasks/fifo.yaml')]);
    const started = Date.now();
    const r = plan(['check', '--plan', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('a YAML file is expected here, but this is a folder or a special file');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a symlink loop: exit 2, the file named', () => {
    const dir = copyPlan();
    symlinkSync('loop.yaml', join(dir, 'tasks/loop.yaml'));
    const r = plan(['check', '--plan', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(join(dir, 'tasks/loop.yaml'));
    expect(r.stdout).toContain('a symlink is in the way');
    expect(r.stdout).not.toContain('ELOOP');
  });

  // Root reads every file whatever its mode, so this can only be shown as another user.
  it.skipIf(process.getuid?.() === 0)('an unreadable file: exit 2', () => {
    const dir = copyPlan();
    chmodSync(join(dir, 'tasks/3.yaml'), 0);
    const r = plan(['check', '--plan', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('permission denied');
    expect(r.stdout).not.toContain('EACCES');
  });
});
