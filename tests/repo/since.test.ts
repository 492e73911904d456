import { existsSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../helpers.js';
import { commitAll, EAST, FINANCE, git, initRepo, ISOLATED, OFFICE, write } from './git.js';

const since = (dir: string, rev: string, format = 'json') => plan(['check', '--since', rev, '--format', format, '--as-of', '2026-01-20'], { cwd: dir, env: ISOLATED });
const findings = (dir: string, rev: string) => (JSON.parse(since(dir, rev).stdout) as { code: string; file: string; message: string }[]).filter((f) => f.code.startsWith('change-'));

function financeUpdate(dir: string, task: string, state: string): void {
  const r = plan(['update', 'finance', task, '--state', state, '--as-of', '2026-01-10'], { cwd: dir, env: ISOLATED });
  expect(r.code, r.stderr).toBe(0);
}

describe('plan check --since', () => {
  it('passes when each unit changes only its own file and the office changes the rest', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    financeUpdate(dir, '1.2', 'in_progress');
    commitAll(dir, 'finance: 1.2 started', FINANCE);
    plan(['update', '东镇', '1.1', '--state', 'done', '--evidence', 'https://example.org/e', '--as-of', '2026-01-11'], { cwd: dir, env: ISOLATED });
    commitAll(dir, 'east: 1.1 done', EAST);
    // The office records a form on the west town's behalf, and edits a task.
    plan(['update', '西镇', '1.1', '--state', 'in_progress', '--as-of', '2026-01-12'], { cwd: dir, env: ISOLATED });
    write(dir, 'plan/tasks/1.yaml', readFileSync(join(dir, 'plan/tasks/1.yaml'), 'utf8').replace('明确工作责任', '明确工作责任人'));
    commitAll(dir, 'office', OFFICE);
    const r = since(dir, base, 'stylish');
    // Said once: without signed mode, the author field is all there is.
    expect(r.stderr.match(/author field/g)).toHaveLength(1);
    expect(r.stdout).toContain('plan is clean');
    expect(r.code).toBe(0);
  });

  it('rejects a change to another unit’s file, naming the commit, the author and the file', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    financeUpdate(dir, '1.2', 'in_progress');
    commitAll(dir, 'finance: 1.2 started', FINANCE);
    // The east town's clerk edits the finance bureau's file.
    const file = join(dir, 'plan/status/finance.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('state: in_progress', 'state: blocked\n    reason: 资金未到位'));
    const forged = commitAll(dir, 'oops', EAST);
    const r = since(dir, base);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'change-to-other-unit', severity: 'error', file: 'plan/status/finance.yaml' });
    expect(found[0].message).toContain(forged.slice(0, 10));
    expect(found[0].message).toContain('Wang Dong <wang@east.example>');
    // In a workflow: an annotation on the file.
    const gh = since(dir, base, 'github');
    expect(gh.stdout).toMatch(/^::error file=plan\/status\/finance\.yaml,title=change-to-other-unit::commit [0-9a-f]{10} by Wang Dong <wang@east\.example> changes the status file of finance/m);
    // Judged from after the forged commit, nothing is left.
    expect(since(dir, forged).code).toBe(0);
  });

  it('rejects a unit’s change to tasks, units or plan files: those are the office’s', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    const units = join(dir, 'plan/units.yaml');
    // A unit making itself maintainer of another unit's file is itself a violation.
    writeFileSync(units, readFileSync(units, 'utf8').replace(/(id: town-west[\s\S]*?)maintainers: \[\]/, `$1maintainers: [${FINANCE.email}]`));
    commitAll(dir, 'grab', FINANCE);
    const found = findings(dir, base);
    expect(found.map((f) => [f.code, f.file])).toEqual([['change-to-office-file', 'plan/units.yaml']]);
    expect(found[0]!.message).toContain('Li Cai <li@finance.example>');
  });

  it('keeps CODEOWNERS, the CI file and every other file outside the plan with the office', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    write(dir, '.github/workflows/plan.yml', readFileSync(join(dir, '.github/workflows/plan.yml'), 'utf8').replace(/\n.*--since.*\n/, '\n'));
    write(dir, 'CODEOWNERS', '* @licai\n');
    write(dir, 'notes/minutes.md', '会议纪要\n');
    commitAll(dir, 'quiet', FINANCE);
    expect(findings(dir, base).map((f) => [f.code, f.file])).toEqual([
      ['change-to-office-file', '.github/workflows/plan.yml'],
      ['change-to-office-file', 'CODEOWNERS'],
      ['change-to-office-file', 'notes/minutes.md'],
    ]);
  });

  it('matches a forge user name by the no-reply address, and e-mail without regard to case', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    financeUpdate(dir, '1.2', 'in_progress');
    commitAll(dir, 'web edit', { name: 'Someone', email: '4711+licai@users.noreply.github.com' });
    financeUpdate(dir, '1.2', 'done');
    commitAll(dir, 'caps', { name: 'Li', email: 'LI@Finance.Example' });
    expect(findings(dir, base)).toEqual([]);
  });

  it('judges a merge by what the merge itself changes; the merged commits are judged on their own', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    git(dir, ['checkout', '--quiet', '-b', 'finance-work']);
    financeUpdate(dir, '1.2', 'in_progress');
    commitAll(dir, 'finance: 1.2', FINANCE);
    git(dir, ['checkout', '--quiet', 'main']);
    plan(['update', '东镇', '1.1', '--state', 'done', '--as-of', '2026-01-11'], { cwd: dir, env: ISOLATED });
    commitAll(dir, 'east: 1.1', EAST);
    // A clean merge by the east town's clerk brings finance's commit: no violation.
    git(dir, ['merge', '--quiet', '--no-ff', '-m', 'merge finance-work', 'finance-work'], EAST);
    expect(findings(dir, base)).toEqual([]);
    // An "evil" merge: the merger changes finance's file inside the merge commit.
    git(dir, ['checkout', '--quiet', '-b', 'more', 'finance-work']);
    write(dir, 'plan/README.txt', 'notes\n');
    commitAll(dir, 'office note', OFFICE);
    git(dir, ['checkout', '--quiet', 'main']);
    git(dir, ['merge', '--quiet', '--no-ff', '--no-commit', 'more'], EAST);
    const file = join(dir, 'plan/status/finance.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('state: in_progress', 'state: not_started'));
    git(dir, ['add', '-A'], EAST);
    git(dir, ['commit', '--quiet', '-m', 'merge more'], EAST);
    const found = findings(dir, base);
    expect(found.map((f) => [f.code, f.file])).toEqual([['change-to-other-unit', 'plan/status/finance.yaml']]);
    expect(found[0]!.message).toContain('(a merge)');
  });

  it('judges both sides of a rename, and odd file names come through whole', () => {
    const dir = initRepo();
    financeUpdate(dir, '1.2', 'in_progress');
    const base = commitAll(dir, 'finance: 1.2', FINANCE);
    renameSync(join(dir, 'plan/status/finance.yaml'), join(dir, 'plan/status/finance-old.yaml'));
    commitAll(dir, 'rename', EAST);
    const renamed = git(dir, ['rev-parse', 'HEAD']).trim();
    const odd = 'plan/status/we"ird\tname\nx.txt';
    write(dir, odd, 'x\n');
    // A file named like a commit of the range must not be read as one.
    write(dir, renamed, 'x\n');
    commitAll(dir, 'odd', EAST);
    const found = findings(dir, base).filter((f) => f.code.startsWith('change-'));
    expect(found.map((f) => [f.code, f.file]).sort()).toEqual(
      [
        ['change-to-office-file', 'plan/status/finance-old.yaml'],
        ['change-to-other-unit', 'plan/status/finance.yaml'],
        ['change-to-office-file', odd],
        ['change-to-office-file', renamed],
      ].sort(),
    );
  });

  it('says what to do with an unknown revision or outside a repository (exit 2)', () => {
    const dir = initRepo();
    const r = since(dir, 'origin/nope', 'stylish');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('git does not know the revision "origin/nope"');
    expect(r.stderr).toContain('fetch-depth: 0');
    const dash = since(dir, '--output=/tmp/x', 'stylish');
    expect(dash.code).toBe(2);
    const outside = plan(['check', '--since', 'HEAD', '--plan', join(dir, 'plan')], { cwd: '/', env: { ...ISOLATED, GIT_CEILING_DIRECTORIES: dir } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not in a git repository');
  });
});

describe('plan check --since under attack: owners in force before each commit', () => {
  const units = (dir: string) => join(dir, 'plan/units.yaml');
  const status = (dir: string, unit: string) => join(dir, `plan/status/${unit}.yaml`);

  it('a unit that makes itself another unit’s maintainer and edits its file in the same commit is judged by the list before', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    writeFileSync(units(dir), readFileSync(units(dir), 'utf8').replace(/(id: town-west[\s\S]*?)maintainers: \[\]/, `$1maintainers: [${FINANCE.email}]`));
    write(dir, 'plan/status/town-west.yaml', 'unit: town-west\ntasks:\n  "1.1":\n    state: done\n    updated: 2026-01-10\n');
    commitAll(dir, 'grab west', FINANCE);
    expect(findings(dir, base).map((f) => [f.code, f.file])).toEqual([
      ['change-to-other-unit', 'plan/status/town-west.yaml'],
      ['change-to-office-file', 'plan/units.yaml'],
    ]);
  });

  it('a unit that adds itself to the office (by address, by user name, by no-reply address) gains nothing in that commit or the next', () => {
    for (const entry of [FINANCE.email, '"@licai"', 'licai']) {
      const dir = initRepo();
      const base = git(dir, ['rev-parse', 'HEAD']).trim();
      writeFileSync(units(dir), readFileSync(units(dir), 'utf8').replace(`maintainers: [${OFFICE.email}]`, `maintainers: [${OFFICE.email}, ${entry}]`));
      write(dir, 'plan/tasks/1.yaml', readFileSync(join(dir, 'plan/tasks/1.yaml'), 'utf8').replace('明确工作责任', '不必明确'));
      const licai = { name: 'licai', email: FINANCE.email };
      commitAll(dir, 'become office', licai);
      // The next commit is judged by the list the first one wrote: the first one is what fails the range.
      write(dir, 'plan/plan.yaml', readFileSync(join(dir, 'plan/plan.yaml'), 'utf8').replace('warnDays: 14', 'warnDays: 3'));
      commitAll(dir, 'and now', licai);
      const r = since(dir, base);
      expect(r.code, entry).toBe(1);
      expect(findings(dir, base).map((f) => f.file).sort(), entry).toEqual(['plan/tasks/1.yaml', 'plan/units.yaml']);
    }
  });

  it('a unit that empties the office list, or renames a unit to itself, is refused at units.yaml', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    writeFileSync(units(dir), readFileSync(units(dir), 'utf8').replace(`maintainers: [${OFFICE.email}]`, 'maintainers: []').replace('id: town-west', 'id: town-west2'));
    commitAll(dir, 'quiet', EAST);
    expect(findings(dir, base).map((f) => [f.code, f.file])).toEqual([['change-to-office-file', 'plan/units.yaml']]);
  });

  it('a symlink or a file of another kind at a unit’s own status path is the office’s', () => {
    const dir = initRepo();
    plan(['update', '东镇', '1.1', '--state', 'in_progress', '--as-of', '2026-01-11'], { cwd: dir, env: ISOLATED });
    const base = commitAll(dir, 'east', EAST);
    git(dir, ['rm', '--quiet', 'plan/status/town-east.yaml']);
    symlinkSync('../units.yaml', status(dir, 'town-east'));
    commitAll(dir, 'link', EAST);
    expect(findings(dir, base).map((f) => [f.code, f.file])).toEqual([['change-to-office-file', 'plan/status/town-east.yaml']]);
  });
});

describe('plan check --since under attack: merges', () => {
  function withFinanceWork(): { dir: string; base: string; before: string; old: string } {
    const dir = initRepo();
    const before = git(dir, ['rev-parse', 'HEAD']).trim();
    financeUpdate(dir, '1.2', 'in_progress');
    const old = commitAll(dir, 'finance: 1.2', FINANCE);
    financeUpdate(dir, '1.2', 'done');
    const base = commitAll(dir, 'finance: 1.2 done', FINANCE);
    plan(['update', '东镇', '1.1', '--state', 'in_progress', '--as-of', '2026-01-11'], { cwd: dir, env: ISOLATED });
    commitAll(dir, 'east', EAST);
    return { dir, base, before, old };
  }
  const financeFile = 'plan/status/finance.yaml';

  it('a merge whose tree is an old ancestor’s (commit-tree -p HEAD -p <ancestor>) rolls files back: every such path is judged', () => {
    const { dir, base, before, old } = withFinanceWork();
    for (const ancestor of [before, old]) {
      const tree = git(dir, ['rev-parse', `${ancestor}^{tree}`]).trim();
      const merge = git(dir, ['commit-tree', tree, '-p', 'HEAD', '-p', ancestor, '-m', 'merge'], EAST).trim();
      git(dir, ['reset', '--quiet', '--hard', merge]);
      const found = findings(dir, base);
      expect(found.map((f) => f.file), ancestor).toContain(financeFile);
      expect(found.find((f) => f.file === financeFile)!.message).toContain('(a merge)');
      git(dir, ['reset', '--quiet', '--hard', 'HEAD~1']);
    }
  });

  it('a merge made with -s ours and a file checked out of an ancestor, or an octopus with a legitimate side, is judged by that file', () => {
    const { dir, base, old } = withFinanceWork();
    git(dir, ['branch', 'old', old]);
    git(dir, ['merge', '--quiet', '-s', 'ours', '--no-commit', 'old'], EAST);
    git(dir, ['checkout', old, '--', financeFile], EAST);
    git(dir, ['commit', '--quiet', '-m', 'merge old'], EAST);
    expect(findings(dir, base).map((f) => [f.code, f.file])).toEqual([['change-to-other-unit', financeFile]]);
    git(dir, ['reset', '--quiet', '--hard', 'HEAD~1']);
    // Three parents: a real side branch of the east town's and the old ancestor.
    git(dir, ['checkout', '--quiet', '-b', 'side', 'HEAD']);
    write(dir, 'plan/status/town-east.yaml', readFileSync(join(dir, 'plan/status/town-east.yaml'), 'utf8').replace('in_progress', 'done'));
    const side = commitAll(dir, 'east side', EAST);
    git(dir, ['checkout', '--quiet', 'main']);
    const tree = git(dir, ['write-tree']).trim();
    git(dir, ['read-tree', side]);
    git(dir, ['checkout', old, '--', financeFile]);
    const mixed = git(dir, ['write-tree']).trim();
    git(dir, ['read-tree', tree]);
    const merge = git(dir, ['commit-tree', mixed, '-p', 'HEAD', '-p', side, '-p', 'old', '-m', 'octopus'], EAST).trim();
    git(dir, ['reset', '--quiet', '--hard', merge]);
    expect(findings(dir, base).map((f) => [f.code, f.file])).toEqual([['change-to-other-unit', financeFile]]);
  });

  it('bringing the target branch into a branch that forked before it (“update branch”) passes', () => {
    const dir = initRepo();
    const fork = git(dir, ['rev-parse', 'HEAD']).trim();
    financeUpdate(dir, '1.2', 'in_progress');
    const base = commitAll(dir, 'finance: 1.2', FINANCE);
    git(dir, ['checkout', '--quiet', '-b', 'east-work', fork]);
    plan(['update', '东镇', '1.1', '--state', 'done', '--as-of', '2026-01-11'], { cwd: dir, env: ISOLATED });
    commitAll(dir, 'east', EAST);
    git(dir, ['merge', '--quiet', '--no-ff', '-m', 'update branch', 'main'], EAST);
    expect(findings(dir, base).map((f) => [f.code, f.file, f.message])).toEqual([]);
  });
});

describe('plan check --since under attack: what CI runs is the office’s', () => {
  it('package.json, the lock file, .npmrc, every forge folder and any other file outside the plan', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    const files = ['package.json', 'package-lock.json', '.npmrc', '.github/actions/x/action.yml', '.gitlab/ci/extra.yml', '.gitea/actions/y.yml', '.gitlab-ci.yml', 'scripts/postinstall.js', 'Makefile', 'plan/.npmrc', 'plan/tasks/extra.js'];
    for (const f of files) write(dir, f, `${existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : ''}\n`);
    commitAll(dir, 'tooling', FINANCE);
    expect(findings(dir, base).map((f) => [f.code, f.file]).sort()).toEqual(files.map((f) => ['change-to-office-file', f]).sort());
  });
});
