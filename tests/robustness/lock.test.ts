/**
 * The lock under attack: many `plan update` processes on one file at once,
 * some killed with SIGKILL at random moments, every step of the lock and the
 * writer slowed at random (PLAN_LEDGER_TEST_DELAYS), and stale locks of every
 * kind left in the way. Whatever happens, every update that exited 0 is in
 * the file and the file stays valid.
 *
 * PLAN_FUZZ_RUNS=20 npm test runs more rounds (each round: 24 writers).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, utimesSync, symlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyPlan, plan } from '../helpers.js';

const rounds = Number(process.env.PLAN_FUZZ_RUNS ?? 1);
const WRITERS = 24;

interface Outcome {
  url: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

function writer(dir: string, url: string, killAfterMs: number | undefined, delays: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'update', 'finance', '2.1.3', '--evidence', url, '--plan', dir, '--as-of', '2021-10-01'], {
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', PLAN_LEDGER_TEST_DELAYS: String(delays) },
    });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ url, code, signal });
    });
  });
}

/** A stale lock of one of the kinds a crash or a container leaves behind. */
function plantStaleLock(lock: string, kind: number): void {
  const old = (Date.now() - 60_000) / 1000;
  switch (kind % 5) {
    case 0: // a dead process
      writeFileSync(lock, JSON.stringify({ pid: 999_999, host: hostname(), token: 'dead', start: '1' }));
      break;
    case 1: // PID 1 is alive, but it is not the process that took the lock
      writeFileSync(lock, JSON.stringify({ pid: 1, host: hostname(), token: 'reused', start: '1' }));
      break;
    case 2: // an empty lock, old
      writeFileSync(lock, '');
      utimesSync(lock, old, old);
      break;
    case 3: // a bare pid, as older versions wrote (unparseable), old
      writeFileSync(lock, String(process.pid));
      utimesSync(lock, old, old);
      break;
    default: // a symlink planted at the lock's name
      symlinkSync('/nonexistent-target', lock);
      try {
        utimesSync(lock, old, old);
      } catch {
        // lutimes is not needed: a dangling link is old enough once GRACE_MS passes.
      }
  }
}

describe('the lock under many writers, kills and delays', () => {
  for (let round = 0; round < rounds; round++) {
    it(`round ${round + 1}: every update that exited 0 is in the file`, async () => {
      const dir = copyPlan({ progress: true });
      const file = join(dir, 'status/finance.yaml');
      plantStaleLock(join(dir, 'status/.finance.yaml.lock'), round + Math.floor(Math.random() * 5));
      const runs: Promise<Outcome>[] = [];
      for (let i = 0; i < WRITERS; i++) {
        // About one in three is killed at a random moment of its run.
        const kill = Math.random() < 0.35 ? 50 + Math.floor(Math.random() * 700) : undefined;
        runs.push(writer(dir, `https://e.org/r${round}/w${i}`, kill, 15));
      }
      const outcomes = await Promise.all(runs);
      const text = readFileSync(file, 'utf8');
      const landed = outcomes.filter((o) => o.code === 0);
      const lost = landed.filter((o) => !text.includes(o.url));
      expect(lost).toEqual([]);
      // Nobody failed for any other reason than being killed or waiting too long (exit 2).
      for (const o of outcomes) expect(o.signal === 'SIGKILL' || o.code === 0 || o.code === 2).toBe(true);
      expect(landed.length).toBeGreaterThan(0);
      expect(plan(['check', '--plan', dir, '--as-of', '2021-10-01']).code).toBe(0);
      // The next writer cleans up after the killed ones and takes over any lock they left.
      const last = plan(['update', 'finance', '2.1.3', '--evidence', 'https://e.org/last', '--plan', dir, '--as-of', '2021-10-01']);
      expect(last.code).toBe(0);
      expect(existsSync(join(dir, 'status/.finance.yaml.lock'))).toBe(false);
      const leftovers = readdirSync(join(dir, 'status')).filter((n) => n.endsWith('.tmp'));
      expect(leftovers).toEqual([]);
    }, 120_000);
  }
});

describe('a lock that is not stale', () => {
  it('held by a live process with its own start time: the writer waits, then gives up with exit 2 and changes nothing', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    const before = readFileSync(file);
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(join(dir, 'status/.finance.yaml.lock'), JSON.stringify({ pid: process.pid, host: hostname(), token: 'live', start }));
    const r = plan(['update', 'finance', '2.1.3', '--progress', 'x', '--plan', dir, '--as-of', '2021-10-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`another plan update (process ${process.pid}) is writing it`);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 30_000);
});
