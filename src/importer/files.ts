/** A draft plan as the YAML files of a plan folder, in the plain subset plan files use. */
import type { Unit, UnitGroup } from '../model.js';
import type { Draft, DraftPart } from './types.js';

const q = (s: string): string => JSON.stringify(s);
const ids = (list: string[]): string => `[${list.join(', ')}]`;
const dates = ids;

/**
 * The files of the draft. `schemas`: the folder of the JSON Schemas relative
 * to the plan folder (the installed package's), for the editor's `$schema`
 * comment; without it the comment is left out rather than pointing nowhere. A
 * part whose file would pass `maxFileBytes` (the reader refuses a file above
 * its limit) is split into several files of the same section,
 * `tasks/<part>.yaml`, `tasks/<part>.part-2.yaml`, …, so that whatever an
 * import writes, `plan check` can read.
 */
export function planFiles(draft: Draft, sourceName: string, schemas?: string, maxFileBytes = Infinity): Map<string, string> {
  const files = new Map<string, string>();
  const comment = (kind: string, depth: number): string[] => (schemas === undefined ? [] : [`# yaml-language-server: $schema=${'../'.repeat(depth)}${schemas}/${kind}.schema.json`]);
  files.set('plan.yaml', planYaml(draft, sourceName, comment('plan', 0)));
  files.set('units.yaml', unitsYaml(draft.units, draft.groups, sourceName, comment('units', 0)));
  for (const part of draft.parts) {
    const chunks = partYaml(part, sourceName, comment('tasks', 1), maxFileBytes);
    chunks.forEach((text, i) => files.set(`tasks/${part.name}${i === 0 ? '' : `.part-${i + 1}`}.yaml`, text));
  }
  return files;
}

function planYaml({ plan }: Draft, sourceName: string, schema: string[]): string {
  const out = [
    ...schema,
    `# 由 plan import 从 ${sourceName} 导入。请逐项与原文核对。`,
    `id: ${plan.id}`,
    `title: ${q(plan.title)}`,
    `document: ${q(plan.document)}`,
    `issuer: ${q(plan.issuer)}`,
  ];
  if (plan.signed) out.push(`signed: ${plan.signed}`);
  else out.push('# signed: 未找到成文日期，请补填（YYYY-MM-DD）。');
  if (plan.published) out.push(`published: ${plan.published}`);
  if (plan.implements.length > 0) {
    out.push('implements:');
    for (const d of plan.implements) out.push(`  - number: ${q(d.number)}`, `    title: ${q(d.title)}`);
  }
  out.push(`timezone: ${plan.timezone}`, '# 台账设置：报表、通知使用原文的语言（中文），--lang 或系统语言设置可另行指定。', 'lang: zh', '# 台账设置（非原文内容）：距完成时限几天时任务标为黄色（临期）。', `warnDays: ${plan.warnDays}`);
  if (plan.calendar) out.push('# 工作日按国务院办公厅公布的节假日和调休计算；本地节假日写入 plan/holidays.yaml。', `calendar: ${plan.calendar}`);
  if (plan.span) out.push('span:', `  start: ${plan.span.start}`, `  end: ${plan.span.end}`);
  out.push(plan.checkpoints.length > 0 ? 'checkpoints:' : 'checkpoints: []');
  for (const c of plan.checkpoints) {
    // `leads:<group>` has a colon: quoted, so every YAML reader takes it as one string.
    if ('date' in c) out.push(`  - date: ${c.date}`);
    else {
      out.push(`  - every: ${c.every}`);
      if (c.day !== undefined) out.push(`    day: ${c.day}`);
      if (c.offset !== undefined) out.push(`    offset: ${c.offset}`);
    }
    out.push(`    reporters: [${c.reporters.map((r) => (r.includes(':') ? q(r) : r)).join(', ')}]`, `    recipient: ${c.recipient}`);
    if (c.source) out.push(`    source: ${q(c.source)}`);
  }
  return `${out.join('\n')}\n`;
}

function unitsYaml(units: Unit[], groups: UnitGroup[], sourceName: string, schema: string[]): string {
  const out = [...schema, `# ${sourceName} 中出现的单位，由 plan import 读取。`, units.length > 0 ? 'units:' : 'units: []'];
  for (const u of units) {
    out.push(`  - id: ${u.id}`, `    name: ${q(u.name)}`);
    if (u.short) out.push(`    short: ${q(u.short)}`);
    if (u.aliases.length > 0) out.push(`    aliases: [${u.aliases.map(q).join(', ')}]`);
    out.push(`    kind: ${u.kind}`);
    if (u.note) out.push(`    note: ${q(u.note)}`);
  }
  out.push(groups.length > 0 ? 'groups:' : 'groups: []');
  for (const g of groups) {
    out.push(`  - id: ${g.id}`, `    name: ${q(g.name)}`);
    if (g.aliases.length > 0) out.push(`    aliases: [${g.aliases.map(q).join(', ')}]`);
    out.push(g.members.length > 0 ? '    members:' : '    members: []');
    for (const m of g.members) out.push(`      - ${m}`);
    if (g.membersUnknown) out.push('    membersUnknown: true');
    if (g.note) out.push(`    note: ${q(g.note)}`);
  }
  return `${out.join('\n')}\n`;
}

function partYaml(part: DraftPart, sourceName: string, schema: string[], maxFileBytes: number): string[] {
  const head = [...schema, `# ${part.section} ${part.heading}：从 ${sourceName} 导入。`, `section: ${q(part.section)}`, `heading: ${q(part.heading)}`, 'tasks:'];
  const files: string[] = [];
  let out = [...head];
  let bytes = Buffer.byteLength(head.join('\n'));
  for (const t of part.tasks) {
    const start = out.length;
    taskYaml(t, out);
    const added = out.slice(start).reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    if (bytes + added > maxFileBytes && start > head.length) {
      files.push(`${out.slice(0, start).join('\n')}\n`);
      out = [...head, ...out.slice(start)];
      bytes = Buffer.byteLength(head.join('\n'));
    }
    bytes += added;
  }
  if (part.tasks.length === 0) out[out.length - 1] = 'tasks: []';
  files.push(`${out.join('\n')}\n`);
  return files;
}

function taskYaml(t: DraftPart['tasks'][number], out: string[]): void {
  {
    out.push(`  - id: ${q(t.id)}`, `    title: ${q(t.title)}`, `    text: ${q(t.text)}`);
    if (t.lead.length > 0) out.push(`    lead: ${ids(t.lead)}`);
    if (t.leadOpen) out.push('    leadOpen: true');
    if (t.responsible.length > 0) out.push(`    responsible: ${ids(t.responsible)}`);
    if (t.deadline) out.push(`    deadline: ${t.deadline}`);
    else if (t.deadlineRule) out.push(`    deadline: { workdays: ${t.deadlineRule.workdays}, from: ${t.deadlineRule.from} }`);
    if (t.deadlineText) out.push(`    deadlineText: ${q(t.deadlineText)}`);
    if (t.milestones && t.milestones.length > 0) {
      out.push('    milestones:');
      for (const m of t.milestones) out.push(`      - date: ${m.date}`, `        text: ${q(m.text)}`);
    }
    if (t.ongoing) {
      out.push('    ongoing: true', `    reviewOn: ${dates(t.reviewOn ?? [])}`);
      if (t.deadlineNote) out.push(`    deadlineNote: ${q(t.deadlineNote)}`);
    }
    out.push(`    source: ${q(t.source)}`);
    if (t.annotation) out.push(`    annotation: ${q(t.annotation)}`);
  }
}
