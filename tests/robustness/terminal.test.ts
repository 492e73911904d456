/**
 * Text from the data, and arguments echoed back, never act on a terminal:
 * CSV and JSON printed to a terminal, the `plan update` confirmation line,
 * `plan history` headings, `--dry-run` diffs, error messages. CSV written to
 * a file keeps the data but never starts a cell with a formula character.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyPlan, edit, plan } from '../helpers.js';

// Any C0/C1 control except tab, CR and LF, and the bidi overrides.
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const hasScript = existsSync('/usr/bin/script');

/** Runs the CLI with stdout on a pseudo-terminal (util-linux `script`), returning what the terminal received. */
function onTerminal(args: string[]): string {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r = spawnSync('script', ['-qec', quoted, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', NO_COLOR: '1' }, timeout: 20_000 });
  return r.stdout;
}

function hostilePlan(): string {
  const dir = copyPlan({ progress: true });
  edit(join(dir, 'tasks/3.yaml'), 'title: "明确领导责任"', 'title: "=HYPERLINK(\\"http://evil.example\\")\\u001b]0;owned\\u0007\\u009b2J\\u202e"');
  edit(join(dir, 'units.yaml'), 'short: 县财政局', 'short: "县财政局\\u001b[2J"');
  return dir;
}

/** Text a spreadsheet would take for a formula, some of it behind characters that hide. */
function formulaPlan(): string {
  const dir = copyPlan({ progress: true });
  edit(join(dir, 'tasks/3.yaml'), 'title: "明确领导责任"', 'title: "=HYPERLINK(\\"http://evil.example\\")"');
  edit(join(dir, 'units.yaml'), 'short: 县财政局', 'short: "+县财政局"');
  return dir;
}

describe('output to a terminal', () => {
  it.skipIf(!hasScript).each([['csv'], ['json']])('plan status --format %s refuses escaped controls in the data, and says so without them', (format) => {
    const dir = hostilePlan();
    const out = onTerminal(['status', '--format', format, '--plan', dir, '--as-of', '2021-09-06']);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toMatch(/3\.yaml[\s\S]*\d+:\d+[\s\S]*U\+001B/);
  });

  it('plan status --format csv into a file keeps the data, and no cell starts a formula', () => {
    const dir = formulaPlan();
    const r = plan(['status', '--format', 'csv', '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.code).toBe(0);
    const cells = r.stdout.split(/\r\n/).flatMap((line) => line.split(','));
    for (const cell of cells.filter((c) => !/^-?\d+$/.test(c))) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.example"")`);
  });

  it('plan update and plan history refuse a plan with escaped controls, and their refusal carries none', () => {
    const dir = hostilePlan();
    for (const args of [['update', 'finance', '3.1', '--progress', 'x'], ['history', 'finance']]) {
      const r = plan([...args, '--plan', dir, '--as-of', '2021-09-06']);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stderr).toContain('U+001B');
    }
  });

  it('a raw escape sequence in a comment is flagged by plan check, and --dry-run shows no diff of it', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    edit(file, 'unit: finance', '# \u001b]0;owned\u0007\u001b[2J\nunit: finance');
    const check = plan(['check', '--plan', dir, '--as-of', '2021-09-06']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/ 3:3 +error +the file holds the character U\+001B .*control-character/);
    expect(check.stdout).not.toMatch(RAW_CONTROL);
    const before = readFileSync(file, 'utf8');
    const dry = plan(['update', 'finance', '3.1', '--progress', 'x', '--dry-run', '--plan', dir, '--as-of', '2021-09-06']);
    expect(dry.code).toBe(1);
    expect(dry.stdout + dry.stderr).not.toMatch(RAW_CONTROL);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('echoed arguments in error messages are escaped, from the tool and from the option parser', () => {
    const dir = copyPlan();
    const unit = plan(['update', '\u001b]0;owned\u0007', '3.1', '--progress', 'x', '--plan', dir]);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('\\x1b]0;owned\\x07');
    expect(unit.stderr).not.toMatch(RAW_CONTROL);
    const option = plan(['status', '--\u001b[2J', '--plan', dir]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('\\u001b[2J');
    expect(option.stderr).not.toMatch(RAW_CONTROL);
  });
});
