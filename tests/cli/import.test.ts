import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan, ROOT } from '../helpers.js';

const SEED = join(ROOT, 'seeds/000_5ec73ae414d12c57.txt');
const scratch = (): string => mkdtempSync(join(tmpdir(), 'plan-import-'));
const exported = (dir: string): any => JSON.parse(plan(['export', '--plan', dir, '--as-of', '2021-09-01']).stdout);

describe('plan import of the seed document', () => {
  const embedded = exported(join(ROOT, 'plan'));

  it('with --units, gives the embedded plan’s 22 tasks, task by task', () => {
    const out = join(scratch(), 'plan');
    const r = plan(['import', SEED, '--out', out, '--units', 'plan/units.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tasks: 22');
    expect(r.stdout).toContain('Deadlines: 21 dates, 0 ongoing by their words, 1 not given in the source, 0 not understood');
    expect(plan(['check', '--plan', out]).code).toBe(0);
    const imported = exported(out);
    const key = (t: any) => ({ id: t.id, section: t.section, lead: t.lead, leadOpen: t.leadOpen, responsible: t.responsible, deadline: t.deadline, deadlineText: t.deadlineText, ongoing: t.ongoing, reviewOn: t.reviewOn });
    expect(imported.tasks).toHaveLength(22);
    embedded.tasks.forEach((t: any, i: number) => expect(key(imported.tasks[i]), t.id).toEqual(key(t)));
    expect(imported.tasks.map((t: any) => t.text)).toEqual(embedded.tasks.map((t: any) => t.text));
    expect(imported.plan).toMatchObject({ document: '林政办发〔2021〕17号', title: '林口县2021年政务公开工作实施方案', issuer: '林口县人民政府办公室', signed: '2021-08-30', published: '2021-09-02' });
    expect(imported.plan.checkpoints).toEqual(embedded.plan.checkpoints);
    expect(imported.plan.implements).toEqual(embedded.plan.implements);
    // Units resolved without additions: the given file is kept as it is.
    expect(readFileSync(join(out, 'units.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'plan/units.yaml'), 'utf8'));
  });

  it('without --units, creates units and groups under the names the document uses', () => {
    const out = join(scratch(), 'plan');
    const imported0 = plan(['import', SEED, '--out', out]);
    expect(imported0.code).toBe(0);
    expect(imported0.stdout).toContain('  new groups: 各镇人民政府、县政府各直属单位 (the document does not list their members: fill in members in units.yaml)\n');
    // The groups have no members until the county lists them: written membersUnknown, plan check warns (no error).
    const checked = plan(['check', '--plan', out, '--format', 'json']);
    expect(checked.code).toBe(0);
    const found = JSON.parse(checked.stdout);
    expect(new Set(found.map((d: any) => d.code))).toEqual(new Set(['group-members-unknown', 'task-no-unit']));
    expect(found.every((d: any) => d.severity === 'warning')).toBe(true);
    const units = join(out, 'units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8').replace(/members: \[\]\n    membersUnknown: true/g, 'members: [xian-zhengfu-ban]'));
    expect(plan(['check', '--plan', out]).code).toBe(0);
    const imported = exported(out);
    const nameOf = (d: any) => (id: string) => {
      const u = d.units.find((x: any) => x.id === id);
      return u ? u.short ?? u.name : d.groups.find((g: any) => g.id === id).name;
    };
    const names = (d: any, t: any) => ({ id: t.id, lead: t.lead.map(nameOf(d)), responsible: t.responsible.map(nameOf(d)), deadline: t.deadline });
    embedded.tasks.forEach((t: any, i: number) => expect(names(imported, imported.tasks[i])).toEqual(names(embedded, t)));
    expect(imported.groups.map((g: any) => [g.name, g.members])).toEqual([['各镇人民政府', ['xian-zhengfu-ban']], ['县政府各直属单位', ['xian-zhengfu-ban']]]);
  });
});

describe('a Chinese document makes a Chinese plan (issue 26)', () => {
  it('the comments, the notes on the units and groups it made, and deadlineNote are in Chinese, without an English sentence', () => {
    const out = join(scratch(), 'plan');
    expect(plan(['import', SEED, '--out', out]).code).toBe(0);
    const files = ['plan.yaml', 'units.yaml', ...readdirSync(join(out, 'tasks')).map((f) => `tasks/${f}`)];
    const read = files.flatMap((f) => readFileSync(join(out, f), 'utf8').split('\n').map((line) => ({ f, line })));
    const words = read.filter(({ line }) => /^\s*#(?! yaml-language-server)|^\s*(note|deadlineNote):/.test(line));
    // Every kind of line the importer writes in words is here: the header comments, a created unit's and group's note, a no-deadline note.
    expect(words.filter(({ line }) => /^\s*note:/.test(line)).length).toBeGreaterThan(0);
    expect(words.some(({ line }) => line.includes('deadlineNote: "原文未规定完成时限，在报送节点检查落实情况。"'))).toBe(true);
    for (const { f, line } of words) {
      // Commands and file names stay as typed (plan group complete, plan/holidays.yaml); no three English words in a row besides.
      const bare = line.replace(/plan(?: [a-z]+){1,2}|[\w./-]+\.(?:ya?ml|txt|docx?)|--[a-z]+|YYYY-MM-DD/g, '');
      expect(bare, `${f}: ${line}`).not.toMatch(/[A-Za-z]+[ ,;:]+[A-Za-z]+[ ,;:]+[A-Za-z]+/);
      expect(bare, `${f}: ${line}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('plan import, the command', () => {
  it('--dry-run prints the report and the files and writes nothing', () => {
    const dir = scratch();
    const r = plan(['import', SEED, '--dry-run', '--out', join(dir, 'plan')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# ----- tasks/2-1.yaml\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('will not overwrite a plan folder without --force', () => {
    const out = join(scratch(), 'plan');
    expect(plan(['import', SEED, '--out', out]).code).toBe(0);
    const r = plan(['import', SEED, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exists and is not empty');
    writeFileSync(join(out, 'tasks/9-old.yaml'), 'section: x\ntasks: []\n');
    expect(plan(['import', SEED, '--out', out, '--force']).code).toBe(0);
    expect(existsSync(join(out, 'tasks/9-old.yaml'))).toBe(false);
  });

  it('reads a GB18030 file with CRLF line ends', () => {
    // The seed, saved as GB18030 with CRLF line ends (made with Python's gb18030 codec).
    const file = join(ROOT, 'tests/fixtures/import/seed-gb18030-crlf.txt');
    const out = join(scratch(), 'plan');
    const r = plan(['import', file, '--out', out, '--units', 'plan/units.yaml']);
    expect(r.stdout).toContain('Import report (encoding gb18030)');
    expect(r.code).toBe(0);
    expect(exported(out).tasks).toHaveLength(22);
  });

  it('refuses a binary file and a file that is not there, with exit 2', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'x.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0]));
    const bin = plan(['import', join(dir, 'x.doc'), '--out', join(dir, 'p')]);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain('it is a binary file, not plain text');
    expect(plan(['import', join(dir, 'none.txt'), '--out', join(dir, 'p')]).code).toBe(2);
  });

  it('exits 1 and lists the passages when some were uncertain', () => {
    const dir = scratch();
    const file = join(dir, 'doc.txt');
    writeFileSync(file, '测政办发〔2022〕5号\n测试方案\n2022年3月1日\n一、任务\n1.甲。〔责任单位：县财政局；完成时限：尽快〕\n2.乙。\n');
    const r = plan(['import', file, '--out', join(dir, 'plan')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('line 5: a deadline that is not a date this tool reads');
    expect(r.stdout).toContain('line 6: looks like a task but has no annotation; not imported — 乙。');
    // The draft is written all the same and loads: the unread deadline is kept as words to check, not a date.
    expect(plan(['check', '--plan', join(dir, 'plan')]).code).toBe(0);
    expect(readFileSync(join(dir, 'plan/tasks/1.yaml'), 'utf8')).toContain('原文时限“尽快”未能换算为日期');
  });
});

describe('plan import: where the written files point for their schema', () => {
  it('at the schemas of plan-ledger installed beside the plan folder, or nowhere — never into src/ of a checkout', () => {
    const repo = scratch();
    mkdirSync(join(repo, 'node_modules/plan-ledger/src/validate/schemas'), { recursive: true });
    writeFileSync(join(repo, 'node_modules/plan-ledger/src/validate/schemas/plan.schema.json'), '{}');
    expect([0, 1]).toContain(plan(['import', SEED, '--out', join(repo, 'plan')]).code);
    expect(readFileSync(join(repo, 'plan/plan.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/plan-ledger/src/validate/schemas/plan.schema.json');
    const task = readdirSync(join(repo, 'plan/tasks'))[0]!;
    expect(readFileSync(join(repo, 'plan/tasks', task), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/plan-ledger/src/validate/schemas/tasks.schema.json');

    const bare = join(scratch(), 'plan');
    expect([0, 1]).toContain(plan(['import', SEED, '--out', bare]).code);
    for (const file of ['plan.yaml', 'units.yaml']) expect(readFileSync(join(bare, file), 'utf8')).not.toContain('$schema');
  });

  it('--office sets the issuer', () => {
    const out = join(scratch(), 'plan');
    expect([0, 1]).toContain(plan(['import', SEED, '--out', out, '--office', '林口县人民政府办公室（政务公开办）']).code);
    expect(readFileSync(join(out, 'plan.yaml'), 'utf8')).toContain('issuer: "林口县人民政府办公室（政务公开办）"');
  });
});
