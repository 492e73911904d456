import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plan, ROOT } from '../helpers.js';
import { git, initRepo, ISOLATED, write } from './git.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'plan-init-')), 'repo');

/** The README's example update names a unit and a task of this plan: run as written (without --commit), it records. */
function readmeUpdateWorks(dir: string): void {
  const line = /^npx plan update (\S+) (\S+) --state done/m.exec(readFileSync(join(dir, 'README.md'), 'utf8'));
  expect(line).not.toBeNull();
  const r = plan(['update', line![1]!, line![2]!, '--state', 'in_progress'], { cwd: dir, env: ISOLATED });
  expect(r.code, r.stderr).toBe(0);
}

describe('plan init', () => {
  for (const [forge, ciPath] of [
    ['github', '.github/workflows/plan.yml'],
    ['gitlab', '.gitlab-ci.yml'],
    ['gitea', '.gitea/workflows/plan.yml'],
  ] as const) {
    it(`writes a repository for ${forge} on which plan check passes at once`, () => {
      const dir = fresh();
      const r = plan(['init', dir, '--ci', forge], { env: ISOLATED });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      for (const f of ['plan/plan.yaml', 'plan/units.yaml', 'plan/tasks/1.yaml', 'reports/README.md', '.gitignore', 'package.json', 'README.md', 'CODEOWNERS', ciPath, '.git']) {
        expect(existsSync(join(dir, f)), f).toBe(true);
      }
      const check = plan(['check'], { cwd: dir, env: ISOLATED });
      expect(check.stdout).toContain('plan is clean: 3 tasks, 4 units, no problems');
      expect(check.code).toBe(0);
      // Nothing is overdue on the first day.
      expect(plan(['overdue', '--fail'], { cwd: dir, env: ISOLATED }).code).toBe(0);
      const ci = parse(readFileSync(join(dir, ciPath), 'utf8'));
      const text = JSON.stringify(ci);
      for (const step of ['npx plan check', '--since', 'npx plan overdue --fail', 'npx plan remind', 'npx plan site']) expect(text).toContain(step);
      // Run from this checkout: the new repository installs this checkout (its folder, or its remote and commit).
      const spec = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).devDependencies['plan-ledger'];
      expect(spec === `file:${ROOT}` || /^git\+\S+#[0-9a-f]{40}$/.test(spec), spec).toBe(true);
      expect(r.stdout).toContain(spec);
      // The example plan is Chinese: so is everything the repository's users read.
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      expect(readme).toContain('npx plan check');
      expect(readme).toContain('各单位在本单位的文件');
      expect(readFileSync(join(dir, ciPath), 'utf8').split('\n')[0]).toMatch(/^# 由 `plan init` 生成。/);
      expect(readFileSync(join(dir, 'CODEOWNERS'), 'utf8').split('\n')[0]).toBe('# 由 `plan codeowners` 按 units.yaml 中的维护人生成；修改维护人后请重新运行。');
      expect(readFileSync(join(dir, 'plan/status/README.md'), 'utf8')).toMatch(/^每个单位一个文件/);
      expect(readme).toContain('npx plan update 县政府办 1.1 --state done');
      readmeUpdateWorks(dir);
    });
  }

  it('makes the plan its own git repository inside another one, and says so', () => {
    const outer = fresh();
    mkdirSync(outer, { recursive: true });
    git(outer, ['init', '--quiet']);
    const dir = join(outer, 'plans', '2027');
    const r = plan(['init', dir, '--lang', 'en'], { env: ISOLATED });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${dir} is inside the git repository ${realpathSync(outer)}: made the plan its own repository in ${dir} (git init)`);
    expect(realpathSync(git(dir, ['rev-parse', '--show-toplevel']).trim())).toBe(realpathSync(dir));
    // The outer repository sees one folder it does not track, not the plan's files.
    expect(git(outer, ['status', '--porcelain', '--untracked-files=all'])).not.toContain('plan.yaml');
    const zh = plan(['init', join(outer, 'other'), '--lang', 'zh'], { env: ISOLATED });
    expect(zh.stdout).toContain('位于 git 仓库');
    expect(zh.stdout).toContain('另建计划自己的仓库（git init）');
  });

  it('keeps a repository whose top folder it is given, reached through a link too, and says so', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    git(dir, ['init', '--quiet']);
    git(dir, ['commit', '--quiet', '--allow-empty', '-m', 'first']);
    const link = join(dir, '..', 'link');
    symlinkSync(dir, link);
    const r = plan(['init', link, '--lang', 'en'], { env: ISOLATED });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${link} is already the top folder of a git repository: kept as it is`);
    expect(git(dir, ['log', '--oneline']).trim().split('\n')).toHaveLength(1);
    const alone = fresh();
    expect(plan(['init', alone, '--lang', 'en'], { env: ISOLATED }).stdout).toContain(`made a git repository in ${alone} (git init)`);
  });

  it('keeps lock and temporary files out of git', () => {
    const dir = fresh();
    plan(['init', dir], { env: ISOLATED });
    for (const f of ['plan/status/.finance.yaml.lock', 'plan/status/.finance.yaml.123.456.tmp', 'plan/status/finance.yaml.lock', 'plan/status/.finance.yaml.tmp']) write(dir, f, 'x');
    write(dir, 'plan/status/finance.yaml', 'unit: finance\n');
    expect(git(dir, ['status', '--porcelain', '--untracked-files=all', 'plan/status'])).toBe('?? plan/status/README.md\n?? plan/status/finance.yaml\n');
  });

  it('imports the plan from a document', () => {
    const dir = fresh();
    const r = plan(['init', dir, '--from', join(ROOT, 'seeds/000_5ec73ae414d12c57.txt'), '--units', join(ROOT, 'plan/units.yaml'), '--ci', 'gitlab'], { env: ISOLATED });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tasks: 22');
    expect(readFileSync(join(dir, 'plan/units.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/plan-ledger/src/validate/schemas/units.schema.json');
    expect(readFileSync(join(dir, 'plan/tasks/3.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/plan-ledger/src/validate/schemas/tasks.schema.json');
    expect(plan(['check'], { cwd: dir, env: ISOLATED }).stdout).toContain('22 tasks');
    readmeUpdateWorks(dir);
  });

  it('writes into an imported plan what it writes for the example: review, the office block, the signing set-up, in the plan’s language', () => {
    const dir = fresh();
    const doc = join(dir, '..', 'doc.txt');
    // Another county, another wording: the checkpoints report to 县委办, the office of this plan.
    writeFileSync(
      doc,
      '某县2027年示例专项行动方案\n\n一、重点任务\n1.开展示例整治。（牵头单位：县住建局；责任单位：各乡镇；完成时限：2027年6月30日前）\n2.建立长效机制。（牵头单位：县财政局；完成时限：2027年9月30日前）\n\n二、工作要求\n各乡镇、各单位于2027年6月25日前将工作进展报县委办。\n',
    );
    const r = plan(['init', dir, '--from', doc, '--lang', 'en', '--as-of', '2027-01-10'], { env: ISOLATED });
    expect(r.code, r.stdout + r.stderr).toBeLessThanOrEqual(1);
    const planYaml = readFileSync(join(dir, 'plan/plan.yaml'), 'utf8');
    expect(parse(planYaml).review).toBe('required');
    expect(planYaml).toContain('# ownership: signed');
    expect(planYaml).toContain('#   git config commit.gpgsign true');
    // The plan is Chinese (a Chinese document), so are the comments, whatever the clerk's own language.
    expect(planYaml).toMatch(/^# 单位报“已完成”或“不适用”后为待审核/m);
    const unitsYaml = readFileSync(join(dir, 'plan/units.yaml'), 'utf8');
    const units = parse(unitsYaml);
    expect(units.office).toEqual({ maintainers: [] });
    const recipient = parse(planYaml).checkpoints[0]?.recipient as string | undefined;
    if (recipient !== undefined) expect(unitsYaml).toContain(`单位 ${recipient}）`);
    expect(unitsYaml).toMatch(/^# signingKeys（plan.yaml 中 ownership: signed 时）/m);
    expect(unitsYaml).not.toMatch(/^# maintainers: who may/m);
    const check = plan(['check', '--format', 'json'], { cwd: dir, env: ISOLATED });
    expect(JSON.parse(check.stdout).filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  });

  it('names the checkpoints’ recipient as the office of an imported plan (林口)', () => {
    const dir = fresh();
    expect(plan(['init', dir, '--from', join(ROOT, 'seeds/000_5ec73ae414d12c57.txt'), '--as-of', '2021-06-01'], { env: ISOLATED }).code).toBe(0);
    const unitsYaml = readFileSync(join(dir, 'plan/units.yaml'), 'utf8');
    expect(unitsYaml).toContain('  # 牵头办公室（县政府办，单位 xian-zhengfu-ban）：');
    expect(parse(readFileSync(join(dir, 'plan/plan.yaml'), 'utf8')).review).toBe('required');
  });

  it('writes the repository all the same when the import leaves passages to check (exit 1)', () => {
    const dir = fresh();
    const doc = join(dir, '..', 'doc.txt');
    writeFileSync(doc, '某县2026年示例工作方案\n\n一、重点任务\n1.做好示例工作。（牵头单位：县财政局；完成时限：尽快）\n');
    const r = plan(['init', dir, '--from', doc, '--ci', 'gitea'], { env: ISOLATED });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('尽快');
    for (const f of ['plan/units.yaml', 'plan/tasks/1.yaml', '.gitea/workflows/plan.yml', 'CODEOWNERS', 'package.json', '.gitignore']) expect(existsSync(join(dir, f)), f).toBe(true);
    // An imported plan always loads: what the county must fill in is a warning, not an error (issue 11).
    const check = plan(['check', '--lang', 'en'], { cwd: dir, env: ISOLATED });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('warning');
  });

  it('makes nothing when the document holds no task (exit 1, the import report says what it saw)', () => {
    const dir = fresh();
    const doc = join(dir, '..', 'notice.txt');
    writeFileSync(doc, '关于做好假期安全工作的通知\n\n各位同事：\n  请大家注意安全。\n');
    const r = plan(['init', dir, '--from', doc, '--lang', 'en'], { env: ISOLATED });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('no plan repository made: no task was found in the document');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses to overwrite an existing plan (exit 2), byte for byte', () => {
    const dir = fresh();
    plan(['init', dir], { env: ISOLATED });
    const before = readFileSync(join(dir, 'plan/units.yaml'), 'utf8');
    const r = plan(['init', dir, '--ci', 'gitlab'], { env: ISOLATED });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already holds a plan');
    expect(readFileSync(join(dir, 'plan/units.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, '.gitlab-ci.yml'))).toBe(false);
  });
});

describe('plan codeowners', () => {
  it('writes its header in the plan’s language, and --check compares the rules, not the comments', () => {
    const dir = initRepo();
    expect(plan(['codeowners', '--out', 'CODEOWNERS'], { cwd: dir, env: ISOLATED }).code).toBe(0);
    expect(readFileSync(join(dir, 'CODEOWNERS'), 'utf8')).toMatch(/^# 由 `plan codeowners` 按 units.yaml 中的维护人生成/);
    const planFile = join(dir, 'plan/plan.yaml');
    writeFileSync(planFile, readFileSync(planFile, 'utf8').replace(/^lang: zh$/m, 'lang: en'));
    // The same owners with last year's (Chinese) header: still in step.
    expect(plan(['codeowners', '--check'], { cwd: dir, env: ISOLATED }).code).toBe(0);
    expect(plan(['codeowners'], { cwd: dir, env: ISOLATED }).stdout).toMatch(/^# Written by `plan codeowners`/);
    // A changed owner is not in step, whatever the comments say.
    const units = join(dir, 'plan/units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8').replace('maintainers: [office@county.example]', 'maintainers: [office@county.example, deputy@county.example]'));
    expect(plan(['codeowners', '--check'], { cwd: dir, env: ISOLATED }).code).toBe(1);
  });

  it('gives each status file to its unit and the office, everything else to the office (GitHub)', () => {
    const dir = initRepo();
    const r = plan(['codeowners'], { cwd: dir, env: ISOLATED });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines).toEqual([
      '/CODEOWNERS office@county.example',
      '/.github/workflows/ office@county.example',
      '/plan/ office@county.example',
      '/plan/status/office.yaml office@county.example',
      '/plan/status/finance.yaml li@finance.example @licai office@county.example',
      '/plan/status/town-east.yaml wang@east.example office@county.example',
      '/plan/status/town-west.yaml office@county.example',
    ]);
    // A unit without maintainers is said, not passed over in silence.
    expect(r.stderr).toContain('these units have no maintainers, so only the office can change their status files: office, town-west');
  });

  it('writes GitLab’s one section and Gitea’s anchored expressions without e-mail', () => {
    const dir = initRepo();
    const gitlab = plan(['codeowners', '--forge', 'gitlab', '--out', 'CODEOWNERS'], { cwd: dir, env: ISOLATED });
    expect(gitlab.code).toBe(0);
    const text = readFileSync(join(dir, 'CODEOWNERS'), 'utf8');
    expect(text).toContain('[plan-ledger]\n/CODEOWNERS office@county.example\n/.gitlab-ci.yml office@county.example\n/plan/ office@county.example\n');
    expect(text).toContain('/plan/status/finance.yaml li@finance.example @licai office@county.example\n');
    const units = join(dir, 'plan/units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8').replace('maintainers: [office@county.example]', 'maintainers: [office@county.example, "@county-office"]'));
    const gitea = plan(['codeowners', '--forge', 'gitea'], { cwd: dir, env: ISOLATED });
    expect(gitea.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([
      'CODEOWNERS @county-office',
      '\\\\.gitea/workflows/.* @county-office',
      'plan/[^/]* @county-office',
      'plan/tasks/.* @county-office',
      'plan/status/office\\\\.yaml @county-office',
      'plan/status/finance\\\\.yaml @licai @county-office',
      'plan/status/town-east\\\\.yaml @county-office',
      'plan/status/town-west\\\\.yaml @county-office',
    ]);
    expect(gitea.stderr).toContain("Gitea's CODEOWNERS takes user names and teams only; these e-mail addresses are left out: office@county.example, li@finance.example, wang@east.example");
  });

  it('--check fails while CODEOWNERS lags behind units.yaml, and passes once it is written', () => {
    const dir = initRepo(); // maintainers filled in after plan init wrote CODEOWNERS
    const stale = plan(['codeowners', '--check'], { cwd: dir, env: ISOLATED });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('CODEOWNERS does not match the maintainers in units.yaml; run plan codeowners --forge github --out CODEOWNERS');
    expect(plan(['codeowners', '--out', 'CODEOWNERS'], { cwd: dir, env: ISOLATED }).code).toBe(0);
    const fresh = plan(['codeowners', '--check'], { cwd: dir, env: ISOLATED });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toBe('CODEOWNERS matches the maintainers in units.yaml\n');
    expect(plan(['codeowners', '--check', '--forge', 'gitlab'], { cwd: dir, env: ISOLATED }).code).toBe(1);
  });

  it('finds no maintainers field unknown: the schema takes them, and rejects a malformed one', () => {
    const dir = initRepo();
    const units = join(dir, 'plan/units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8').replace('maintainers: [wang@east.example]', 'maintainers: ["two words"]'));
    const r = plan(['check', '--format', 'json'], { cwd: dir, env: ISOLATED });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ code: 'schema-pattern', file: 'plan/units.yaml' });
  });
});

describe('the example plan plan init writes is a Chinese plan in Chinese (issue 26)', () => {
  it('every comment of plan.yaml, units.yaml and the task file is Chinese, without an English sentence', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'plan-init-zh-')), 'repo');
    expect(plan(['init', dir, '--lang', 'en'], { env: ISOLATED }).code).toBe(0);
    const files = ['plan/plan.yaml', 'plan/units.yaml', 'plan/tasks/1.yaml'];
    const comments = files.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => /^\s*#(?! yaml-language-server)/.test(l)).map((line) => ({ f, line })));
    expect(comments.length).toBeGreaterThan(10);
    for (const { f, line } of comments) {
      // Commands, keys and paths stay as typed (plan import <方案文件> --out plan --force, git config …).
      const bare = line.replace(/plan(?: [a-z]+){1,2}|git config [\w.]+(?: \S+)?|[\w./-]+\.(?:ya?ml|md|pub)|--[a-z-]+|[a-zA-Z]+:|\b[a-z]+(?:_[a-z]+)+\b|ssh-ed25519 \S+ \S+|YYYY-MM-DD/g, '');
      expect(bare, `${f}: ${line}`).not.toMatch(/[A-Za-z]+[ ,;]+[A-Za-z]+[ ,;]+[A-Za-z]+/);
    }
  });
});
