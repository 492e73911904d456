/** Real git repositories for the tests: every commit with its own author, no global config needed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { plan } from '../helpers.js';

export interface Person {
  name: string;
  email: string;
}

export const OFFICE: Person = { name: 'Office Clerk', email: 'office@county.example' };
export const FINANCE: Person = { name: 'Li Cai', email: 'li@finance.example' };
export const EAST: Person = { name: 'Wang Dong', email: 'wang@east.example' };

const ISOLATED = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: '/nonexistent' };

export function git(cwd: string, args: string[], who: Person = OFFICE, date = '2026-01-05T10:00:00+08:00'): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      ...ISOLATED,
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      GIT_COMMITTER_DATE: date,
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export function write(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

export function commitAll(dir: string, message: string, who: Person, date?: string): string {
  git(dir, ['add', '-A'], who);
  git(dir, ['commit', '--quiet', '-m', message], who, date);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** `plan init` of the example plan with maintainers filled in, committed by the office on branch main. */
export function initRepo(options: { asOf?: string } = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'plan-repo-')), 'county');
  const r = plan(['init', dir, '--as-of', options.asOf ?? '2026-01-05'], { env: ISOLATED });
  if (r.code !== 0) throw new Error(`plan init: ${r.stderr}`);
  git(dir, ['checkout', '--quiet', '-b', 'main']);
  // "The author from git config": this clone belongs to the office's clerk.
  git(dir, ['config', 'user.name', OFFICE.name]);
  git(dir, ['config', 'user.email', OFFICE.email]);
  const units = join(dir, 'plan/units.yaml');
  const text = readFileSync(units, 'utf8')
    .replace(/office:\n(?: {2}#.*\n)* {2}maintainers: \[\]/, `office:\n  maintainers: [${OFFICE.email}]`)
    .replace(/(id: finance[\s\S]*?)maintainers: \[\]/, `$1maintainers: [${FINANCE.email}, "@licai"]`)
    .replace(/(id: town-east[\s\S]*?)maintainers: \[\]/, `$1maintainers: [${EAST.email}]`);
  writeFileSync(units, text);
  commitAll(dir, 'plan init', OFFICE);
  return dir;
}

export { ISOLATED };
