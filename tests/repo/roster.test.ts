/**
 * Who is in a group and who maintains what, changed by command instead of by
 * hand in units.yaml (issue 26): `plan group complete` and `plan unit maintainers`.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../helpers.js';
import { initRepo, ISOLATED } from './git.js';

const run = (dir: string, args: string[]) => plan([...args, '--as-of', '2026-01-20', '--lang', 'en'], { cwd: dir, env: ISOLATED });
const units = (dir: string) => readFileSync(join(dir, 'plan/units.yaml'), 'utf8');

/** The example plan's towns group, as plan import writes a group the document names without members. */
function withUnknownGroup(): string {
  const dir = initRepo();
  const file = join(dir, 'plan/units.yaml');
  const text = units(dir).replace(/(  - id: towns\n[\s\S]*?)members: \[town-east, town-west\]/, '$1members: []\n    membersUnknown: true');
  writeFileSync(file, text);
  return dir;
}

describe('an imported group stays a warning until the office says its list is whole', () => {
  it('warns with no members, still warns with some, and stops after plan group complete', () => {
    const dir = withUnknownGroup();
    let check = run(dir, ['check']);
    expect(check.stdout).toContain('group-members-unknown');
    expect(check.stdout).toContain('plan group complete towns');
    expect(run(dir, ['group', 'add', 'towns', 'town-east']).code).toBe(0);
    check = run(dir, ['check']);
    // Half a list is not the list: the warning names how many are listed and how to finish.
    expect(check.stdout).toContain('group-members-incomplete');
    expect(check.stdout).toMatch(/lists 1 members but is not confirmed complete/);
    const done = run(dir, ['group', 'complete', '各镇人民政府']);
    expect(done.stderr).toBe('');
    expect(done.stdout).toBe("各镇人民政府's members are complete (1)\n");
    expect(units(dir)).not.toContain('membersUnknown');
    check = run(dir, ['check']);
    expect(check.stdout).not.toContain('group-members');
  });

  it('takes plan import’s note asking for the members away when the list is complete, and keeps a note of the office’s own', () => {
    const dir = withUnknownGroup();
    const file = join(dir, 'plan/units.yaml');
    // As plan import writes it, and in its earlier English wording.
    for (const note of ['plan import 创建：原文未列出成员，请补全成员后运行 plan group complete。', 'Created by plan import: the document does not list the members; complete them.']) {
      writeFileSync(file, units(dir).replace(/membersUnknown: true\n(    note: .*\n)?/, `membersUnknown: true\n    note: "${note}"\n`));
      expect(run(dir, ['group', 'add', 'towns', 'town-east']).code).toBe(0);
      expect(run(dir, ['group', 'complete', 'towns']).code).toBe(0);
      expect(units(dir)).not.toContain(note);
      expect(units(dir)).not.toContain('membersUnknown');
      writeFileSync(file, units(dir).replace('members: [town-east]', 'members: []\n    membersUnknown: true'));
    }
    writeFileSync(file, units(dir).replace('membersUnknown: true', 'membersUnknown: true\n    note: 东片各镇，2027年调整'));
    expect(run(dir, ['group', 'add', 'towns', 'town-east']).code).toBe(0);
    expect(run(dir, ['group', 'complete', 'towns']).code).toBe(0);
    expect(units(dir)).toContain('note: 东片各镇，2027年调整');
  });

  it('says how to add a unit that is not in units.yaml yet, with the command that adds it to the group too', () => {
    const dir = withUnknownGroup();
    const before = units(dir);
    const r = run(dir, ['group', 'add', 'towns', '北镇']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown unit "北镇"');
    const command = /plan unit add \S+ --name 北镇 --kind town --group towns/.exec(r.stderr)?.[0];
    expect(command, r.stderr).toBeDefined();
    expect(units(dir)).toBe(before);
    // The command it gives works as given, and the unit is then in the group.
    expect(run(dir, command!.split(' ').slice(1)).code).toBe(0);
    expect(units(dir)).toMatch(/id: towns[\s\S]*members: \[[a-z-]+\]/);
    const zh = plan(['group', 'add', 'towns', '南湖街道办事处', '--as-of', '2026-01-20', '--lang', 'zh'], { cwd: dir, env: ISOLATED });
    expect(zh.stderr).toContain('未知的单位 “南湖街道办事处”');
    expect(zh.stderr).toMatch(/若是新单位，先登记并同时加入本组.*\n {4}plan unit add [a-z0-9-]+ --name 南湖街道办事处 --kind county-department --group towns\n/);
  });

  it('refuses to call an empty group complete (exit 2), and writes nothing', () => {
    const dir = withUnknownGroup();
    const before = units(dir);
    const r = run(dir, ['group', 'complete', 'towns']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no members yet');
    expect(units(dir)).toBe(before);
  });
});

describe('plan unit maintainers', () => {
  it('adds and removes a unit’s maintainers and the office’s, keeping the file’s comments', () => {
    const dir = initRepo();
    const before = units(dir);
    let r = run(dir, ['unit', 'maintainers', '县财政局', '--add', 'new@finance.example', '--remove', '@licai']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('maintainers of 县财政局: li@finance.example, new@finance.example');
    // The same command the repository's README and CI use: the forge of its CI file.
    expect(r.stdout).toContain('next: plan codeowners --forge github --out CODEOWNERS keeps CODEOWNERS in step');
    renameSync(join(dir, '.github'), join(dir, '.gitlab-ci.yml.d'));
    writeFileSync(join(dir, '.gitlab-ci.yml'), 'check:\n  script: [npx plan check]\n');
    expect(run(dir, ['unit', 'maintainers', '县财政局', '--add', 'third@finance.example']).stdout).toContain('plan codeowners --forge gitlab --out CODEOWNERS');
    r = run(dir, ['unit', 'maintainers', '--office', '--add', 'deputy@county.example']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('maintainers of the office: office@county.example, deputy@county.example');
    const after = units(dir);
    // Only the two lists changed; every comment is still there.
    const comments = (t: string) => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    expect(run(dir, ['check']).code).toBe(0);
    expect(run(dir, ['codeowners']).stdout).toContain('li@finance.example new@finance.example');
  });

  it('lists without changing; refuses a bad name and a call that names no one (exit 2)', () => {
    const dir = initRepo();
    const before = units(dir);
    expect(run(dir, ['unit', 'maintainers', 'finance']).stdout).toContain('maintainers of 县财政局: li@finance.example, @licai');
    const bad = run(dir, ['unit', 'maintainers', 'finance', '--add', 'two words']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"two words" cannot be a maintainer');
    expect(run(dir, ['unit', 'maintainers']).code).toBe(2);
    expect(run(dir, ['unit', 'maintainers', 'finance', '--office']).code).toBe(2);
    expect(units(dir)).toBe(before);
  });
});
