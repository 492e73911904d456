import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../helpers.js';
import { commitAll, EAST, FINANCE, git, initRepo, ISOLATED, OFFICE, type Person } from './git.js';

/** Real ed25519 keys made by ssh-keygen, one per party. */
function sshKey(dir: string, name: string): { file: string; pub: string } {
  const file = join(dir, name);
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', file]);
  if (r.status !== 0) throw new Error(`ssh-keygen: ${r.stderr}`);
  return { file, pub: readFileSync(`${file}.pub`, 'utf8').trim() };
}

function signedCommit(dir: string, message: string, who: Person, key: string, format = 'ssh', env: Record<string, string> = {}): string {
  for (const args of [['add', '-A'], ['-c', `gpg.format=${format}`, '-c', `user.signingkey=${key}`, 'commit', '--quiet', '-S', '-m', message]]) {
    const r = spawnSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...ISOLATED, ...env, GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_AUTHOR_DATE: '2026-01-06T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-01-06T10:00:00+08:00' },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  }
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

interface Found {
  code: string;
  file: string;
  message: string;
}
const judge = (dir: string, base: string, extra: string[] = [], env: Record<string, string> = {}) => {
  const r = plan(['check', '--since', base, '--format', 'json', '--as-of', '2026-01-20', ...extra], { cwd: dir, env: { ...ISOLATED, ...env } });
  return { ...r, found: (JSON.parse(r.stdout) as Found[]).filter((f) => f.code.startsWith('change-') || f.code.startsWith('commit-')) };
};

/** A repository whose units.yaml lists a key for the office, finance and the east town, committed (signed) by the office. */
function signedRepo(options: { ownership?: boolean } = {}) {
  const dir = initRepo();
  const keys = mkdtempSync(join(tmpdir(), 'plan-keys-'));
  const office = sshKey(keys, 'office');
  const finance = sshKey(keys, 'finance');
  const east = sshKey(keys, 'east');
  const stranger = sshKey(keys, 'stranger');
  const units = join(dir, 'plan/units.yaml');
  writeFileSync(
    units,
    readFileSync(units, 'utf8')
      .replace(`maintainers: [${OFFICE.email}]`, `maintainers: [${OFFICE.email}]\n  signingKeys: ["${office.pub}"]`)
      .replace(/(id: finance[\s\S]*?maintainers: .*\n)/, `$1    signingKeys:\n      - ${finance.pub}\n`)
      .replace(/(id: town-east[\s\S]*?maintainers: .*\n)/, `$1    signingKeys: ["${east.pub}"]\n`),
  );
  if (options.ownership) writeFileSync(join(dir, 'plan/plan.yaml'), readFileSync(join(dir, 'plan/plan.yaml'), 'utf8').replace('# ownership: signed', 'ownership: signed'));
  const base = signedCommit(dir, 'keys', OFFICE, office.file);
  return { dir, base, office, finance, east, stranger };
}

function financeUpdate(dir: string, state: string): void {
  const r = plan(['update', 'finance', '1.2', '--state', state, '--as-of', '2026-01-10'], { cwd: dir, env: ISOLATED });
  expect(r.code, r.stderr).toBe(0);
}

describe('plan check --since --signed: real SSH signatures', () => {
  it('passes commits signed by their owners’ keys, whatever the author field says; no caveat is printed', () => {
    const { dir, base, finance, office } = signedRepo();
    financeUpdate(dir, 'in_progress');
    // The author field is not what counts: a clerk with a misconfigured name still passes.
    signedCommit(dir, 'finance', { name: 'whoever', email: 'nobody@nowhere' }, finance.file);
    writeFileSync(join(dir, 'plan/README.md'), 'notes\n');
    signedCommit(dir, 'office note', OFFICE, office.file);
    const r = judge(dir, base, ['--signed']);
    expect(r.found).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('author field');
  });

  it('judges the key’s owner, never the author: a unit committing as the office, as licai or as a no-reply address is a unit', () => {
    for (const author of [OFFICE, { name: 'licai', email: 'licai@users.noreply.github.com' }, { name: 'Office', email: 'OFFICE@county.example' }]) {
      const { dir, base, east } = signedRepo();
      financeUpdate(dir, 'blocked');
      writeFileSync(join(dir, 'plan/tasks/1.yaml'), readFileSync(join(dir, 'plan/tasks/1.yaml'), 'utf8').replace('明确工作责任', '不必'));
      const forged = signedCommit(dir, 'as someone else', author, east.file);
      const r = judge(dir, base, ['--signed']);
      expect(r.code).toBe(1);
      expect(r.found.map((f) => [f.code, f.file]).sort()).toEqual([
        ['change-to-office-file', 'plan/tasks/1.yaml'],
        ['change-to-other-unit', 'plan/status/finance.yaml'],
      ]);
      expect(r.found[0]!.message).toContain(forged.slice(0, 10));
      expect(r.found[0]!.message).toMatch(/SHA256:\S+ \(town-east\)/);
    }
  });

  it('an unsigned commit, one signed by an unlisted key, and a key added to units.yaml in the same commit are errors naming the commit', () => {
    const { dir, base, finance, stranger } = signedRepo();
    financeUpdate(dir, 'in_progress');
    const unsigned = commitAll(dir, 'unsigned', FINANCE);
    financeUpdate(dir, 'done');
    const foreign = signedCommit(dir, 'stranger', FINANCE, stranger.file);
    // Finance lists its own key for the office and uses it at once: judged by the list before.
    const units = join(dir, 'plan/units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8').replace('  signingKeys: ["ssh-ed25519', `  signingKeys: ["${finance.pub}", "ssh-ed25519`));
    writeFileSync(join(dir, 'plan/plan.yaml'), readFileSync(join(dir, 'plan/plan.yaml'), 'utf8').replace('warnDays: 14', 'warnDays: 1'));
    const grab = signedCommit(dir, 'grab', OFFICE, finance.file);
    const r = judge(dir, base, ['--signed']);
    expect(r.code).toBe(1);
    const codes = r.found.map((f) => [f.code, f.message.slice(7, 17)]);
    expect(codes).toContainEqual(['commit-unsigned', unsigned.slice(0, 10)]);
    expect(codes).toContainEqual(['commit-signature-unverified', foreign.slice(0, 10)]);
    expect(r.found.filter((f) => f.message.includes(grab.slice(0, 10))).map((f) => f.file).sort()).toEqual(['plan/plan.yaml', 'plan/units.yaml']);
  });

  it('ownership: signed in plan.yaml makes it the default, and a commit that turns it off does not escape it', () => {
    const { dir, base, finance } = signedRepo({ ownership: true });
    financeUpdate(dir, 'in_progress');
    signedCommit(dir, 'finance', FINANCE, finance.file);
    expect(judge(dir, base).found).toEqual([]);
    writeFileSync(join(dir, 'plan/plan.yaml'), readFileSync(join(dir, 'plan/plan.yaml'), 'utf8').replace('ownership: signed', 'ownership: author'));
    const off = commitAll(dir, 'off', OFFICE);
    const r = judge(dir, base);
    expect(r.found.map((f) => [f.code, f.message.slice(7, 17)])).toEqual([['commit-unsigned', off.slice(0, 10)]]);
  });

  it('a merge is signed too, and judged by its signer', () => {
    const { dir, base, finance, east } = signedRepo();
    git(dir, ['checkout', '--quiet', '-b', 'fin']);
    financeUpdate(dir, 'in_progress');
    signedCommit(dir, 'finance', FINANCE, finance.file);
    git(dir, ['checkout', '--quiet', 'main']);
    git(dir, ['merge', '--quiet', '--no-ff', '-m', 'unsigned merge', 'fin'], EAST);
    const unsigned = git(dir, ['rev-parse', 'HEAD']).trim();
    expect(judge(dir, base, ['--signed']).found.map((f) => [f.code, f.message.slice(7, 17)])).toEqual([['commit-unsigned', unsigned.slice(0, 10)]]);
    git(dir, ['reset', '--quiet', '--hard', 'HEAD~1']);
    git(dir, ['merge', '--quiet', '--no-ff', '--no-commit', 'fin'], EAST);
    signedCommit(dir, 'merge', EAST, east.file);
    expect(judge(dir, base, ['--signed']).found).toEqual([]);
  });
});

const gpgInstalled = spawnSync('gpg', ['--version']).status === 0;

describe.skipIf(!gpgInstalled)('plan check --since --signed: real OpenPGP signatures (skipped: gpg is not installed)', () => {
  it('takes a listed fingerprint’s good signature and refuses an unlisted key’s', () => {
    const home = mkdtempSync(join(tmpdir(), 'plan-gpg-'));
    const env = { GNUPGHOME: home };
    const gen = (uid: string): string => {
      const r = spawnSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', uid, 'ed25519', 'sign', 'never'], { env: { ...process.env, ...env }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`gpg: ${r.stderr}`);
      const list = spawnSync('gpg', ['--batch', '--with-colons', '--fingerprint', uid], { env: { ...process.env, ...env }, encoding: 'utf8' });
      return /^fpr:+([0-9A-F]+):/m.exec(list.stdout)![1]!;
    };
    const financeKey = gen('Li Cai <li@finance.example>');
    const other = gen('Other <other@example>');
    const { dir, base, office } = signedRepo();
    const units = join(dir, 'plan/units.yaml');
    // Written in groups of four, as gpg prints it.
    writeFileSync(units, readFileSync(units, 'utf8').replace(/(id: finance[\s\S]*?signingKeys:\n)/, `$1      - "${financeKey.replace(/(.{4})(?!$)/g, '$1 ')}"\n`));
    const listed = signedCommit(dir, 'finance gpg key', OFFICE, office.file);
    financeUpdate(dir, 'in_progress');
    signedCommit(dir, 'finance', FINANCE, financeKey, 'openpgp', env);
    expect(judge(dir, listed, ['--signed'], env).found).toEqual([]);
    financeUpdate(dir, 'done');
    const bad = signedCommit(dir, 'other', FINANCE, other, 'openpgp', env);
    const r = judge(dir, listed, ['--signed'], env);
    expect(r.found.map((f) => [f.code, f.message.slice(7, 17)])).toEqual([['commit-signature-unverified', bad.slice(0, 10)]]);
    expect(base).not.toBe(listed);
  });
});
