/**
 * Edits of several files under kill -9: `plan unit rename` and `plan group
 * add|remove` killed (SIGKILL) at each step of the lock, the journal and the
 * writer in turn (PLAN_LEDGER_TEST_KILL_AT=n: at the n-th step), and every
 * fourth round at a random moment with every step slowed at random
 * (PLAN_LEDGER_TEST_DELAYS), 50 rounds. After each, the next command finishes what the killed one left,
 * says so, and `plan check` is clean: the plan holds the whole edit or none of it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, plan } from '../helpers.js';

const ROUNDS = 50;
const ENV = { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', NO_COLOR: '1' };

function run(args: string[], killAfterMs: number | undefined, delays: number, killAt = 0): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore', env: { ...ENV, PLAN_LEDGER_TEST_DELAYS: String(delays), PLAN_LEDGER_TEST_KILL_AT: String(killAt) } });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - start });
    });
  });
}

/** The id the finance bureau has now, read from units.yaml. */
const financeId = (dir: string): string => (/- id: (finance|finx)\n/.exec(readFileSync(join(dir, 'units.yaml'), 'utf8')) ?? [])[1] ?? '?';

describe('edits of several files killed with SIGKILL at every step', () => {
  it(`${ROUNDS} rounds of rename and group edits, each killed at a different moment, leave a clean plan`, { timeout: 120_000 }, async () => {
    const top = join(mkdtempSync(join(tmpdir(), 'plan-journal-')), 'county');
    expect(plan(['init', top, '--as-of', '2026-01-05']).code).toBe(0);
    const dir = join(top, 'plan');
    expect(plan(['update', 'finance', '1.2', '--state', 'in_progress', '--plan', dir, '--as-of', '2026-01-06']).code).toBe(0);
    const delays = 10;
    const full = await run(['unit', 'rename', 'finance', 'finx', '--plan', dir], undefined, delays);
    expect(full.code).toBe(0);
    const started = Date.now();
    let recoveries = 0;
    let killed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const from = financeId(dir);
      const to = from === 'finance' ? 'finx' : 'finance';
      const args = round % 5 === 4 ? ['group', round % 10 === 4 ? 'remove' : 'add', 'towns', from, '--plan', dir] : ['unit', 'rename', from, to, '--plan', dir];
      const r = round % 4 === 3 ? await run(args, 150 + Math.floor(Math.random() * full.ms), delays) : await run(args, undefined, 0, 1 + Math.floor((round * 3) / 4));
      if (r.signal === 'SIGKILL') killed++;
      else expect(r.code, `round ${round}: ${args.join(' ')}`).toBe(0);
      const check = plan(['check', '--plan', dir, '--as-of', '2026-01-07']);
      if (check.stderr.includes('finished from its journal')) recoveries++;
      expect(check.code, `round ${round}: ${args.join(' ')} then check:\n${check.stdout}${check.stderr}`).toBe(0);
      expect(existsSync(join(dir, '.plan-ledger-journal.json'))).toBe(false);
      // One id everywhere: units.yaml, the task file and the status file's name and unit.
      const id = financeId(dir);
      expect(readFileSync(join(dir, 'tasks/1.yaml'), 'utf8')).toContain(`[${id}]`);
      expect(readdirSync(join(dir, 'status')).filter((f) => f.endsWith('.yaml'))).toEqual([`${id}.yaml`]);
      expect(readFileSync(join(dir, 'status', `${id}.yaml`), 'utf8')).toContain(`unit: ${id}`);
    }
    // The kills landed: some mid-edit, some finished by the next command.
    expect(killed).toBeGreaterThan(ROUNDS / 2);
    expect(recoveries).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('a journal edited by hand, or one whose files changed since, is left alone with what to do (exit 2)', async () => {
    const top = join(mkdtempSync(join(tmpdir(), 'plan-journal-')), 'county');
    expect(plan(['init', top, '--as-of', '2026-01-05']).code).toBe(0);
    const dir = join(top, 'plan');
    const journal = join(dir, '.plan-ledger-journal.json');
    const units = readFileSync(join(dir, 'units.yaml'), 'utf8');
    // A planted journal that would write outside the plan, or whose digest is not its entries'.
    writeFileSync(journal, JSON.stringify({ version: 1, host: 'x', pid: 1, entries: [{ path: '../../.bashrc', before: null, after: 'evil' }], digest: 'x' }));
    let r = plan(['status', '--plan', dir, '--as-of', '2026-01-07']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a whole journal this tool wrote');
    expect(readFileSync(join(dir, 'units.yaml'), 'utf8')).toBe(units);
    // A whole journal whose file has changed to neither side since.
    const { createHash } = await import('node:crypto');
    const entries = [{ path: 'units.yaml', before: 'old\n', after: 'new\n' }];
    writeFileSync(journal, JSON.stringify({ version: 1, host: 'x', pid: 1, entries, digest: createHash('sha256').update(JSON.stringify(entries)).digest('hex') }));
    r = plan(['check', '--plan', dir, '--as-of', '2026-01-07']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has changed since');
    expect(readFileSync(join(dir, 'units.yaml'), 'utf8')).toBe(units);
  });
});
