import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../helpers.js';
import { commitAll, FINANCE, git, initRepo, ISOLATED, OFFICE } from './git.js';

const run = (dir: string, args: string[]) => plan([...args, '--as-of', '2026-01-20'], { cwd: dir, env: ISOLATED });
const read = (dir: string, file: string) => readFileSync(join(dir, 'plan', file), 'utf8');
const snapshot = (dir: string) => git(dir, ['status', '--porcelain', '--untracked-files=all']);

/** A repository where 县财政局 has recorded progress on both its tasks. */
function withProgress(): string {
  const dir = initRepo();
  expect(run(dir, ['update', '县财政局', '1.2', '--state', 'in_progress', '--progress', '已启动']).code).toBe(0);
  expect(run(dir, ['update', '县财政局', '1.1', '--state', 'done', '--evidence', 'https://example.org/1']).code).toBe(0);
  commitAll(dir, 'finance progress', FINANCE, '2026-01-10T10:00:00+08:00');
  return dir;
}

describe('plan unit rename', () => {
  it('changes the id in units.yaml, groups, tasks, checkpoints and the status file together, keeping comments', () => {
    const dir = withProgress();
    const unitsBefore = read(dir, 'units.yaml');
    const r = run(dir, ['unit', 'rename', '县财政局', 'fin']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('renamed unit 县财政局: finance → fin, 4 files changed; finance stays its alias, so forms sent before still collect\n');
    const units = read(dir, 'units.yaml');
    // The old id is kept as the unit's alias.
    expect(units).toBe(unitsBefore.replace(/  - id: finance\n((?: {4}.*\n)+)/, '  - id: fin\n$1    aliases: [finance]\n'));
    expect(read(dir, 'tasks/1.yaml')).toContain('    lead: [fin]\n');
    expect(read(dir, 'tasks/1.yaml')).toContain('    responsible: [towns, fin]\n');
    expect(existsSync(join(dir, 'plan/status/finance.yaml'))).toBe(false);
    expect(read(dir, 'status/fin.yaml')).toMatch(/^# yaml-language-server[\s\S]*\nunit: fin\ntasks:\n/);
    expect(run(dir, ['check']).code).toBe(0);
    expect(run(dir, ['checklist', '县财政局', '--format', 'json']).code).toBe(0);
    // The maintainers stay with the unit: CODEOWNERS follows the new file name.
    expect(run(dir, ['codeowners']).stdout).toContain('/plan/status/fin.yaml li@finance.example @licai office@county.example\n');
    // Committed, the unit's history follows the renamed file through git.
    commitAll(dir, 'rename finance → fin', OFFICE, '2026-01-12T10:00:00+08:00');
    const file = join(dir, 'plan/status/fin.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}history:\n(?: {6}.*\n)+/g, '\n'));
    commitAll(dir, 'history list lost', OFFICE, '2026-01-13T10:00:00+08:00');
    expect(read(dir, 'status/fin.yaml')).not.toContain('history');
    const history = JSON.parse(run(dir, ['history', 'fin', '--format', 'json']).stdout).history;
    expect(history.map((h: any) => [h.task, h.from, h.to])).toEqual([
      ['1.2', 'not_started', 'in_progress'],
      ['1.1', 'not_started', 'done'],
    ]);
  });

  it('keeps the old id as an alias (a later unit cannot take it; the unit can take it back) and says CODEOWNERS is out of step', () => {
    const dir = withProgress();
    expect(run(dir, ['codeowners', '--out', 'CODEOWNERS']).code).toBe(0);
    commitAll(dir, 'codeowners', OFFICE, '2026-01-11T10:00:00+08:00');
    const r = run(dir, ['unit', 'rename', 'finance', 'fin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: CODEOWNERS still gives the owners of status/finance.yaml and is out of step with units.yaml; run plan codeowners --forge github --out CODEOWNERS and commit it');
    expect(run(dir, ['checklist', 'finance']).code).toBe(0);
    expect(run(dir, ['unit', 'add', 'finance', '--name', '另一个财政局', '--kind', 'department']).code).toBe(2);
    expect(run(dir, ['unit', 'rename', 'fin', 'finance']).code).toBe(0);
    expect(read(dir, 'units.yaml')).toMatch(/- id: finance\n/);
    expect(run(dir, ['check']).code).toBe(0);
  });

  it('renames the recipient of a checkpoint in plan.yaml', () => {
    const dir = initRepo();
    expect(run(dir, ['unit', 'rename', 'office', 'county-office']).code).toBe(0);
    expect(read(dir, 'plan.yaml')).toContain('    recipient: county-office\n');
    expect(run(dir, ['check']).code).toBe(0);
  });

  it('refuses an id already taken or not an id, and writes nothing (exit 2)', () => {
    const dir = withProgress();
    for (const id of ['town-east', 'towns', '财政', '../x']) {
      const r = run(dir, ['unit', 'rename', 'finance', id]);
      expect(r.code, id).toBe(2);
    }
    expect(snapshot(dir)).toBe('');
  });

  it('shows the change with --dry-run and writes nothing', () => {
    const dir = withProgress();
    const r = run(dir, ['unit', 'rename', 'finance', 'fin', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-    lead: [finance]\n+    lead: [fin]\n');
    expect(snapshot(dir)).toBe('');
  });
});

describe('plan unit add, alias, remove', () => {
  it('adds a unit with maintainers to a group; it can then record progress', () => {
    const dir = initRepo();
    const r = run(dir, ['unit', 'add', 'town-north', '--name', '北镇人民政府', '--short', '北镇', '--kind', 'town', '--maintainer', 'bei@north.example', '--group', '各镇']);
    expect(r.code, r.stderr).toBe(0);
    const units = read(dir, 'units.yaml');
    expect(units).toContain('  - id: town-north\n    name: 北镇人民政府\n    short: 北镇\n    kind: town\n    maintainers: [bei@north.example]\n');
    expect(units).toContain('    members: [town-east, town-west, town-north]\n');
    expect(units).toContain('# 计划中的单位，以及分派任务的单位组。'); // comments kept
    expect(run(dir, ['update', '北镇', '1.1', '--state', 'in_progress']).code).toBe(0);
    expect(run(dir, ['check']).code).toBe(0);
    expect(run(dir, ['unit', 'add', 'town-north', '--name', 'x']).code).toBe(2);
  });

  it('adds aliases, and refuses one that another unit already answers to (exit 1, nothing written)', () => {
    const dir = initRepo();
    expect(run(dir, ['unit', 'alias', '县财政局', '财政局', '县财政']).code).toBe(0);
    expect(read(dir, 'units.yaml')).toContain('    aliases: [财政局, 县财政]\n');
    expect(run(dir, ['checklist', '财政局']).code).toBe(0);
    const before = read(dir, 'units.yaml');
    const clash = run(dir, ['unit', 'alias', '东镇', '县财政局']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('duplicate-unit-name');
    expect(read(dir, 'units.yaml')).toBe(before);
  });

  it('removes a unit from its groups and its status file; refuses while a task names it', () => {
    const dir = initRepo();
    expect(run(dir, ['update', '西镇', '1.1', '--state', 'in_progress']).code).toBe(0);
    commitAll(dir, 'west', OFFICE);
    const r = run(dir, ['unit', 'remove', '西镇']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'units.yaml')).not.toContain('town-west');
    expect(existsSync(join(dir, 'plan/status/town-west.yaml'))).toBe(false);
    expect(run(dir, ['check']).code).toBe(0);
    const named = run(dir, ['unit', 'remove', '县财政局']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('县财政局 is still named by these tasks or checkpoints: 1.1, 1.2');
    expect(read(dir, 'units.yaml')).toContain('id: finance');
  });
});

describe('plan group add|remove', () => {
  it('adds and removes members; refuses to remove one that reports on the group’s tasks', () => {
    const dir = initRepo();
    expect(run(dir, ['group', 'add', 'towns', 'office']).code).toBe(0);
    expect(read(dir, 'units.yaml')).toContain('    members: [town-east, town-west, office]\n');
    expect(run(dir, ['group', 'remove', '各镇人民政府', '县政府办']).code).toBe(0);
    expect(read(dir, 'units.yaml')).toContain('    members: [town-east, town-west]\n');
    expect(run(dir, ['update', '东镇', '1.2', '--state', 'in_progress']).code).toBe(0);
    commitAll(dir, 'east', OFFICE);
    const r = run(dir, ['group', 'remove', 'towns', '东镇']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('status-not-assigned');
    expect(r.stderr).toContain('nothing written');
    expect(snapshot(dir)).toBe('');
    expect(run(dir, ['group', 'add', 'nope', '东镇']).code).toBe(2);
  });

  it('waits for a running update of the unit (the same lock) and loses nothing', async () => {
    const dir = withProgress();
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers.js');
    const start = (args: string[]) =>
      new Promise<number | null>((done) => {
        const p = spawn(process.execPath, [BIN, ...args, '--as-of', '2026-01-20'], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...ISOLATED } });
        p.on('close', done);
      });
    const codes = await Promise.all([start(['update', 'finance', '1.2', '--progress', '过半']), start(['unit', 'rename', 'finance', 'fin'])]);
    // Either order is fine: both land, or the update comes second, finds its unit gone
    // and is refused without writing (exit 1 under the lock, 2 before it).
    expect(codes[1]).toBe(0);
    expect(existsSync(join(dir, 'plan/status/finance.yaml'))).toBe(false);
    const text = read(dir, 'status/fin.yaml');
    if (codes[0] === 0) expect(text).toContain('progress: 过半');
    else expect([1, 2]).toContain(codes[0]);
    expect(run(dir, ['check']).code).toBe(0);
  });
});
