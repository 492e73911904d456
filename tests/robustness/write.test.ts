/**
 * Nothing written outside the plan, and errors of the user's situation are
 * not bugs: exclusive temporary files, symlinks never followed, leftovers of
 * a killed writer cleaned up, a full disk / read-only folder / no permission /
 * --out naming a file / a file name that is not UTF-8 all end in exit 2 with
 * a message, the file as it was.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExclusive, writeFileAtomic } from '../../src/store/write.js';
import { fsUsageError } from '../../src/errors.js';
import { usageMessage } from '../../src/render/messages.js';
import { BIN, copyPlan, plan } from '../helpers.js';

const at = (dir: string) => ['--plan', dir, '--as-of', '2021-10-01'];

describe('the writer never follows a link', () => {
  it('refuses to create a temporary file where a symlink is planted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-write-'));
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep');
    symlinkSync(outside, join(dir, 'planted.tmp'));
    expect(() => createExclusive(join(dir, 'planted.tmp'), 'evil')).toThrow(/EEXIST/);
    expect(readFileSync(outside, 'utf8')).toBe('keep');
  });

  it('replaces a symlink at the target instead of writing through it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-write-'));
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep');
    mkdirSync(join(dir, 'status'));
    symlinkSync(outside, join(dir, 'status', 'x.yaml'));
    writeFileAtomic(join(dir, 'status', 'x.yaml'), 'new');
    expect(readFileSync(outside, 'utf8')).toBe('keep');
    expect(lstatSync(join(dir, 'status', 'x.yaml')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'status', 'x.yaml'), 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'status'))).toEqual(['x.yaml']);
  });

  it('the next writer of a folder removes temporary files of dead writers, and only those', () => {
    const dir = copyPlan({ progress: true });
    const status = join(dir, 'status');
    const dead = '.finance.yaml.plan-999999-0123456789abcdef.tmp';
    const live = `.finance.yaml.plan-${process.pid}-fedcba9876543210.tmp`;
    const foreign = '.finance.yaml.tmp';
    for (const name of [dead, live, foreign]) writeFileSync(join(status, name), 'x');
    expect(plan(['update', 'finance', '2.1.3', '--progress', 'y', ...at(dir)]).code).toBe(0);
    const names = readdirSync(status);
    expect(names).not.toContain(dead);
    expect(names).toContain(live);
    expect(names).toContain(foreign);
  });
});

describe('errors of the user’s situation: exit 2 with a message', () => {
  it.skipIf(!existsSync('/dev/full'))('standard output on a full disk (plan export > /dev/full): no stack, exit 2', () => {
    for (const args of [['export', '--format', 'json'], ['status']]) {
      const r = spawnSync(`"${process.execPath}" "${BIN}" ${args.join(' ')} --lang en > /dev/full`, { shell: true, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC' } });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('cannot write standard output: the disk is full');
      expect(r.stderr).not.toMatch(/bug|at .*\.js:\d+/);
    }
  });

  it('--out naming an existing file', () => {
    const dir = copyPlan();
    const file = join(dir, '..', 'a-file');
    writeFileSync(file, 'x');
    const r = plan(['checklist', '--all', '--out', file, ...at(dir)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${file}: a file of that name exists`);
    expect(r.stderr).not.toContain('bug');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a status file whose name is not UTF-8, with the other diagnostics of the plan still shown', () => {
    const dir = copyPlan({ progress: true });
    writeFileSync(Buffer.from(`${join(dir, 'status')}/f\xff.yaml`, 'latin1'), 'unit: f\n');
    writeFileSync(join(dir, 'status/town-linkou.yaml'), 'unit: [town-linkou\n');
    const r = plan(['check', ...at(dir)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('the file name is not valid UTF-8');
    expect(r.stdout).toMatch(/town-linkou\.yaml\n.*YAML syntax error/);
    expect(r.stdout).not.toContain('bug');
  });

  it('the mapping covers full disks and read-only file systems', () => {
    for (const [code, words] of [['ENOSPC', 'disk'], ['EROFS', 'read-only'], ['EACCES', 'permission'], ['EDQUOT', 'quota']] as const) {
      const e = Object.assign(new Error(code), { code, syscall: 'write', path: '/p/status/x.yaml' });
      const u = fsUsageError(e);
      expect(u?.code).toBe('fs-error');
      expect(u?.args).toMatchObject({ code, op: 'write', path: '/p/status/x.yaml' });
      expect(usageMessage(u!.code, u!.args, 'en').message).toContain(words);
    }
    expect(fsUsageError(new Error('plain'))).toBeUndefined();
  });
});

// A small tmpfs lets the test fill the disk and make it read-only for real (root only).
const mountPoint = mkdtempSync(join(tmpdir(), 'plan-mnt-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', ['-l', mountPoint]);
});

describe.skipIf(!mounted)('on a real full or read-only file system (a tmpfs; needs root)', () => {
  const copyTo = (name: string): string => {
    const src = copyPlan({ progress: true });
    const dest = join(mountPoint, name);
    spawnSync('cp', ['-r', src, dest]);
    return dest;
  };

  it('a full disk: exit 2, "the disk is full", the file as it was, no temporary file left', () => {
    const dir = copyTo('full');
    const file = join(dir, 'status/finance.yaml');
    const before = readFileSync(file, 'utf8');
    // Fill what is left of the tmpfs.
    spawnSync('sh', ['-c', `dd if=/dev/zero of=${join(mountPoint, 'filler')} bs=1k count=100000 2>/dev/null; true`]);
    const r = plan(['update', 'finance', '2.1.3', '--progress', '很长的进展'.repeat(2000), ...at(dir)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*status\/finance\.yaml: the disk is full/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const left = readdirSync(join(dir, 'status')).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'));
    spawnSync('rm', ['-f', join(mountPoint, 'filler')]);
    expect(left).toEqual([]);
  });

  it('a read-only file system: exit 2, "read-only", the plan still checks', () => {
    spawnSync('rm', ['-rf', join(mountPoint, 'filler'), join(mountPoint, 'full')]);
    const dir = copyTo('ro');
    expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
    try {
      const r = plan(['update', 'finance', '2.1.3', '--progress', 'x', ...at(dir)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot write .*status\/finance\.yaml: the file system is read-only/);
      expect(plan(['check', ...at(dir)]).code).toBe(0);
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
  });
});

const canDropPrivileges = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');
describe.skipIf(!canDropPrivileges)('without permission (run as nobody)', () => {
  it('exit 2, "permission denied", nothing written', () => {
    const dir = copyPlan({ progress: true });
    chmodSync(join(dir, '..'), 0o755);
    const file = join(dir, 'status/finance.yaml');
    const before = readFileSync(file, 'utf8');
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'update', 'finance', '2.1.3', '--progress', 'x', ...at(dir)], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', TZ: 'UTC' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*status\/finance\.yaml: permission denied/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
