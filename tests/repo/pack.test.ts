/**
 * Install anywhere: the package as npm would publish it, installed into empty
 * folders, and the README's CI files run as written in fresh repositories
 * made by the installed `plan init`. Needs the npm registry (for the
 * dependencies); slow by nature, so one tarball serves every test here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EMBEDDED_PLAN, ROOT } from '../helpers.js';
import { EAST, FINANCE, git, OFFICE } from './git.js';

interface Ran {
  code: number | null;
  out: string;
}

function sh(cwd: string, command: string, env: Record<string, string> = {}): Ran {
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', npm_config_update_notifier: 'false', ...env }, timeout: 240_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function run(cwd: string, file: string, args: string[]): Ran {
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', npm_config_update_notifier: 'false' }, timeout: 240_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

let tarball = '';
let installed = '';

beforeAll(() => {
  // Pack a copy, so that the build npm runs before packing does not rewrite
  // the dist/ that the other test files are running at the same time.
  const copy = join(mkdtempSync(join(tmpdir(), 'plan-pack-')), 'plan-ledger');
  mkdirSync(copy);
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'docs', 'bin', 'src', 'scripts']) cpSync(join(ROOT, f), join(copy, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const out = mkdtempSync(join(tmpdir(), 'plan-tarball-'));
  const packed = run(copy, 'npm', ['pack', '--pack-destination', out]);
  expect(packed.code, packed.out).toBe(0);
  tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
  installed = mkdtempSync(join(tmpdir(), 'plan-install-'));
  const install = run(installed, 'npm', ['install', '--no-audit', '--no-fund', tarball]);
  expect(install.code, install.out).toBe(0);
}, 600_000);

describe('npm pack → install into an empty folder', () => {
  it('holds the built code, the command, the schemas and the README, and no sources or tests', () => {
    const list = run(ROOT, 'tar', ['-tzf', tarball]).out.split('\n').filter(Boolean);
    expect(list).toContain('package/bin/plan.js');
    // The bundle (scripts/bundle.mjs): one script, the validators inside it, and its code cache (scripts/code-cache.mjs).
    expect(list).toContain('package/dist/bundle/plan.js');
    expect(list).toContain('package/dist/bundle/plan.js.cache');
    // The startup snapshot (scripts/snapshot.mjs) and what bin/plan reads beside it; never the packer's link to its own Node.
    expect(list).toContain('package/bin/plan');
    expect(list).toContain('package/dist/bundle/plan.blob');
    expect(list).toContain('package/dist/bundle/plan.blob.json');
    expect(list).toContain('package/dist/bundle/import.cjs');
    expect(list).not.toContain('package/dist/bundle/plan.blob.node');
    expect(list).toContain('package/src/validate/schemas/units.schema.json');
    expect(list).toContain('package/README.md');
    // The README's links into docs/ hold in the package too.
    expect(list).toContain('package/docs/commands.md');
    expect(list.filter((f) => f.startsWith('package/tests/') || (f.startsWith('package/src/') && f.endsWith('.ts')))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ plan: 'bin/plan' });
    expect(pkg.engines.node).toBe('>=20');
  });

  it('runs there: npx plan --version and npx plan status', () => {
    const version = run(installed, 'npx', ['plan', '--version']);
    expect(version.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(version.code).toBe(0);
    const copy = mkdtempSync(join(tmpdir(), 'plan-copy-'));
    cpSync(EMBEDDED_PLAN, join(copy, 'plan'), { recursive: true });
    const status = run(installed, 'npx', ['plan', 'status', '--plan', join(copy, 'plan'), '--as-of', '2021-09-01', '--lang', 'en']);
    expect(status.code, status.out).toBe(0);
    expect(status.out).toContain('林口县2021年政务公开工作实施方案');
    expect(status.out).toContain('22 tasks');
    // The runs above were bin/plan.js's (the package came without a link to this Node); the first made
    // the link, so `plan` now starts from the snapshot, through npm's link in node_modules/.bin.
    const traced = run(installed, 'sh', ['-x', join(installed, 'node_modules/.bin/plan'), '--version']);
    expect(traced.out).toMatch(/exec \S+ --snapshot-blob \S+plan-ledger\/bin\/\.\.\/dist\/bundle\/plan\.blob -- --version/);
    expect(run(installed, 'npx', ['plan', 'status', '--plan', join(copy, 'plan'), '--as-of', '2021-09-01', '--lang', 'en'])).toEqual(status);
  });
});

/** The YAML between `<!-- ci:<forge> -->` and the end of the fence that follows it. */
function readmeSnippet(forge: string): string {
  const readme = readFileSync(join(ROOT, 'docs/shared-repository.md'), 'utf8');
  const m = new RegExp(`<!-- ci:${forge} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\`\\n`).exec(readme);
  if (!m) throw new Error(`docs/shared-repository.md has no snippet marked ci:${forge}`);
  return m[1]!;
}

interface Job {
  name: string;
  event: 'push' | 'pull_request' | 'schedule';
  commands: string[];
}

/** The shell commands of each job, and the event it runs on, as the forge would read them. */
function jobsOf(forge: string, ci: any): Job[] {
  if (forge === 'gitlab') {
    const event = (job: any): Job['event'] => {
      const rule = String(job.rules?.[0]?.if ?? '');
      return rule.includes('merge_request_event') ? 'pull_request' : rule.includes('== "schedule"') ? 'schedule' : 'push';
    };
    return Object.entries(ci)
      .filter(([name, job]: [string, any]) => name !== 'default' && name !== 'variables' && Array.isArray(job.script))
      .map(([name, job]: [string, any]) => ({ name, event: event(job), commands: [...(ci.default?.before_script ?? []), ...job.script] }));
  }
  const jobs: Job[] = [];
  for (const [name, job] of Object.entries<any>(ci.jobs)) {
    const steps = (job.steps ?? []).filter((s: any) => typeof s.run === 'string');
    if (String(job.if).includes('schedule')) {
      jobs.push({ name, event: 'schedule', commands: steps.map((s: any) => s.run) });
    } else {
      // A step's `if` here only ever narrows it to pull requests.
      jobs.push({ name, event: 'push', commands: steps.filter((s: any) => !String(s.if ?? '').includes('pull_request')).map((s: any) => s.run) });
      jobs.push({ name, event: 'pull_request', commands: steps.map((s: any) => s.run) });
    }
  }
  return jobs;
}

describe('the README’s CI files, as written, in fresh repositories made by plan init', () => {
  for (const forge of ['github', 'gitlab', 'gitea'] as const) {
    it(`${forge}: every change passes; a unit’s merge request passes; one touching another unit’s file is rejected`, () => {
      const snippet = readmeSnippet(forge);
      const base = mkdtempSync(join(tmpdir(), `plan-ci-${forge}-`));
      const repo = join(base, 'county');
      const init = run(installed, 'npx', ['plan', 'init', repo, '--ci', forge]);
      expect(init.code, init.out).toBe(0);
      const ciPath = { github: '.github/workflows/plan.yml', gitlab: '.gitlab-ci.yml', gitea: '.gitea/workflows/plan.yml' }[forge];
      // The README shows exactly the file plan init writes.
      expect(readFileSync(join(repo, ciPath), 'utf8')).toBe(snippet);
      const jobs = jobsOf(forge, parse(snippet));

      // The office fills in the maintainers, installs the package and pushes.
      const units = join(repo, 'plan/units.yaml');
      writeFileSync(
        units,
        readFileSync(units, 'utf8')
          .replace(/(office:\n[\s\S]*?)maintainers: \[\]/, `$1maintainers: [${OFFICE.email}]`)
          .replace(/(id: finance[\s\S]*?)maintainers: \[\]/, `$1maintainers: [${FINANCE.email}]`)
          .replace(/(id: town-east[\s\S]*?)maintainers: \[\]/, `$1maintainers: [${EAST.email}]`),
      );
      // plan init wrote a dependency that installs this same copy: the tarball it came from.
      expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies['plan-ledger']).toBe(`file:${tarball}`);
      expect(init.out).toContain(`file:${tarball}`);
      const install = run(repo, 'npm', ['install', '--no-audit', '--no-fund']);
      expect(install.code, install.out).toBe(0);
      expect(sh(repo, 'npx plan codeowners --forge ' + forge + ' --out CODEOWNERS').code).toBe(0);
      git(repo, ['checkout', '--quiet', '-b', 'main']);
      git(repo, ['add', '-A']);
      git(repo, ['commit', '--quiet', '-m', 'plan'], OFFICE);
      git(base, ['init', '--quiet', '--bare', 'origin.git']);
      git(repo, ['remote', 'add', 'origin', join(base, 'origin.git')]);
      git(repo, ['push', '--quiet', 'origin', 'main']);

      const available = sh(repo, 'npx plan --help').out;
      const ran: string[] = [];
      let installedOnce = false;
      const runJobs = (event: Job['event'], env: Record<string, string>): Ran[] =>
        jobs
          .filter((j) => j.event === event)
          .flatMap((j) => j.commands)
          .filter((c) => {
            // The set-up step runs once; later jobs find it done.
            if (c === 'npm ci') {
              if (installedOnce) return false;
              installedOnce = true;
            }
            // plan remind and plan site come with their own release; run them when this one has them.
            const sub = /^npx plan (\w+)/.exec(c)?.[1];
            return sub === undefined || new RegExp(`^\\s+${sub}\\b`, 'm').test(available);
          })
          .map((c) => {
            ran.push(c);
            const r = sh(repo, c, env);
            return { code: r.code, out: `$ ${c}\n${r.out}` };
          });
      const pr: Record<string, string> = forge === 'gitlab' ? { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' } : { GITHUB_BASE_REF: 'main' };

      for (const r of runJobs('push', {})) expect(r.code, r.out).toBe(0);
      for (const r of runJobs('schedule', {})) expect(r.code, r.out).toBe(0);
      expect(ran).toContain('npx plan overdue --fail');

      // 县财政局's clerk records progress on a branch and opens a merge request.
      git(repo, ['checkout', '--quiet', '-b', 'finance-update']);
      const update = sh(repo, `npx plan update 县财政局 1.2 --state in_progress --commit --author "${FINANCE.name} <${FINANCE.email}>"`);
      expect(update.code, update.out).toBe(0);
      for (const r of runJobs('pull_request', pr)) expect(r.code, r.out).toBe(0);
      expect(ran.some((c) => c.includes('--since'))).toBe(true);

      // The east town's clerk edits the finance bureau's file: the merge request is rejected.
      const file = join(repo, 'plan/status/finance.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('state: in_progress', 'state: done\n    completed: 2026-01-01'));
      git(repo, ['commit', '--quiet', '-am', 'finance done'], EAST);
      const results = runJobs('pull_request', pr);
      const failed = results.filter((r) => r.code !== 0);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.code).toBe(1);
      expect(failed[0]!.out).toContain('--since');
      expect(failed[0]!.out).toContain('plan/status/finance.yaml');
      expect(failed[0]!.out).toContain(`Wang Dong <${EAST.email}>`);
    }, 600_000);
  }
});
