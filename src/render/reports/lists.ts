/** `plan overdue` and `plan upcoming`: assignments listed by unit, task or date. */
import { compareIds, type Assignment, type CheckpointDue, type Ledger } from '../../ledger/index.js';
import type { MilestoneDue } from '../../ledger/milestones.js';
import type { Task } from '../../model.js';
import { shortName } from '../../ledger/units.js';
import { assignmentsCsv, reviewFields } from './checklist.js';
import { csv, json, md, mdTable } from '../formats.js';
import { reportHeader } from './header.js';
import { colon, countOf, daysWord, deadlineCell, lightPaint, reviewedStateWord, roleWord, stateWord, t } from '../labels.js';
import { renderTable, type Cell } from '../table.js';
import type { RenderOptions } from './view.js';
import type { Lang } from '../lang.js';
import { wrap } from '../text.js';

/** The first lines of a Markdown list: the plan as the title, like `status`, then what the list is. */
function mdTitle(ledger: Ledger, what: string, lang: Lang, extra?: string): string {
  const { plan } = ledger.data;
  return `# ${md(plan.title)}（${md(plan.document)}）\n\n## ${what}\n\n${t('asOf', lang)}${colon(lang)}${ledger.asOf}${extra ? ` · ${md(extra)}` : ''}`;
}

export interface OverdueView {
  ledger: Ledger;
  items: Assignment[];
  by: 'unit' | 'task';
}

function sortOverdue(v: OverdueView): Assignment[] {
  const unitOrder = new Map(v.ledger.data.units.map((u, i) => [u.id, i]));
  const byUnit = (a: Assignment, b: Assignment): number => unitOrder.get(a.unit.id)! - unitOrder.get(b.unit.id)!;
  const byTask = (a: Assignment, b: Assignment): number => b.daysOverdue - a.daysOverdue || compareIds(a.task.id, b.task.id);
  return [...v.items].sort((a, b) => (v.by === 'unit' ? byUnit(a, b) || byTask(a, b) : byTask(a, b) || byUnit(a, b)));
}

const overdueEntry = (a: Assignment): object => ({
  unit: a.unit.id,
  unitName: shortName(a.unit),
  task: a.task.id,
  title: a.task.title,
  role: a.role,
  ...reviewFields(a),
  daysOverdue: a.daysOverdue,
  state: a.state,
  progress: a.progress ?? null,
  reason: a.reason ?? null,
});

export const OVERDUE_FORMATS = {
  table(v: OverdueView, o: RenderOptions): string {
    const { lang, paint } = o;
    const head = reportHeader(v.ledger, lang, paint, undefined, o.columns);
    if (v.items.length === 0) return `${head}\n\n${paint.green(t('nothingOverdue', lang))}\n`;
    const items = sortOverdue(v);
    let last = '';
    // One label per task and one days cell per count, however many rows show them: a province's list has half a million rows.
    const labels = new Map<Task, string>();
    const label = (task: Task): string => labels.get(task) ?? labels.set(task, `${task.id} ${task.title}`).get(task)!;
    const days = new Map<number, Cell>();
    const daysCell = (n: number): Cell => days.get(n) ?? days.set(n, { text: daysWord(-n, lang, v.ledger.dayUnit), paint: lightPaint('red', paint) }).get(n)!;
    const rows = items.map((a) => {
      const key = v.by === 'unit' ? a.unit.id : a.task.id;
      const first = key !== last;
      last = key;
      const group = v.by === 'unit' ? (first ? shortName(a.unit) : '') : first ? label(a.task) : '';
      const other = v.by === 'unit' ? label(a.task) : shortName(a.unit);
      return [group, other, roleWord(a.role, lang), deadlineCell(a, lang, ''), daysCell(a.daysOverdue), reviewedStateWord(a, lang)];
    });
    const groupHeader = v.by === 'unit' ? t('unit', lang) : t('task', lang);
    const otherHeader = v.by === 'unit' ? t('task', lang) : t('unit', lang);
    const table = renderTable(
      // At 80 columns the words of role and state give way before the task's id and title do ("responsible", "done (awaiting review)").
      [
        { header: groupHeader, flex: v.by === 'task', min: 14, weight: 2 },
        { header: otherHeader, flex: true, min: 8 },
        { header: t('role', lang), flex: true, min: lang === 'zh' ? 4 : 11 },
        { header: t('deadline', lang) },
        { header: t('overdueDays', lang), align: 'right' },
        { header: t('state', lang), flex: true, min: 11 },
      ],
      rows,
      o.columns,
    );
    const units = new Set(items.map((a) => a.unit.id)).size;
    const summary = lang === 'zh' ? `共 ${items.length} 项逾期，涉及 ${units} 个单位。` : `${items.length} overdue ${countOf(items.length, 'assignment').replace(/^\d+ /, '')} across ${countOf(units, 'unit')}.`;
    return `${head}\n\n${table}\n\n${paint.red(summary)}\n`;
  },
  json(v: OverdueView): string {
    return json({ asOf: v.ledger.asOf, by: v.by, count: v.items.length, entries: sortOverdue(v).map(overdueEntry) });
  },
  csv(v: OverdueView, o: RenderOptions): string {
    return assignmentsCsv(v.ledger, sortOverdue(v), o.lang, { header: t('overdueDays', o.lang), cell: (a) => a.daysOverdue });
  },
  md(v: OverdueView, o: RenderOptions): string {
    const { lang } = o;
    const title = mdTitle(v.ledger, t('overdueTitle', lang), lang);
    if (v.items.length === 0) return `${title}\n\n${t('nothingOverdue', lang)}\n`;
    const table = mdTable(
      [t('unit', lang), t('task', lang), t('role', lang), t('deadline', lang), t('overdueDays', lang), t('state', lang)],
      sortOverdue(v).map((a) => [md(shortName(a.unit)), `${md(a.task.id)} ${md(a.task.title)}`, roleWord(a.role, lang), md(deadlineCell(a, lang, '')), String(a.daysOverdue), reviewedStateWord(a, lang)]),
    );
    return `${title}\n\n${table}\n`;
  },
} as const;

/** One task falling due on a date, with the units that have not closed it. */
export interface UpcomingEntry {
  date: string;
  daysLeft: number;
  assignments: Assignment[];
}

export interface UpcomingView {
  ledger: Ledger;
  within: number;
  entries: UpcomingEntry[];
  /** The plan's checkpoints in the window, each with the units that owe a report. */
  checkpoints?: CheckpointDue[];
  /** Tasks' milestones in the window, each with the units whose task is still open. */
  milestones?: MilestoneDue[];
}

/** "2021-10-15 (14d left) 2.1.1 做好…: 完成试点 — 3 units open: 林口镇、…" */
function milestoneLines(v: UpcomingView, lang: Lang): string[] {
  return (v.milestones ?? []).map((m) => {
    const names = m.open.map((a) => shortName(a.unit)).join('、');
    return lang === 'zh'
      ? `${m.date}（${daysWord(m.daysLeft, lang, v.ledger.dayUnit)}）${m.task.id} ${m.task.title}：${m.text}（${m.open.length} 个单位未完成：${names}）`
      : `${m.date} (${daysWord(m.daysLeft, lang, v.ledger.dayUnit)}) ${m.task.id} ${m.task.title}: ${m.text} (${m.open.length} units open: ${names})`;
  });
}

const recipientName = (c: CheckpointDue): string => (c.recipient ? shortName(c.recipient) : c.checkpoint.recipient);

/** "2021-09-05 (4d left) → 县政府办: 22 units report: 林口镇、…" */
function checkpointLines(v: UpcomingView, lang: Lang): string[] {
  return (v.checkpoints ?? []).map((c) => {
    const names = c.reporters.map(shortName).join('、');
    return lang === 'zh'
      ? `${c.checkpoint.date}（${daysWord(c.daysLeft, lang, v.ledger.dayUnit)}）→ ${recipientName(c)}：${c.reporters.length} 个单位报送：${names}`
      : `${c.checkpoint.date} (${daysWord(c.daysLeft, lang, v.ledger.dayUnit)}) → ${recipientName(c)}: ${c.reporters.length} units report: ${names}`;
  });
}

const upcomingEntry = (e: UpcomingEntry): object => {
  const task = e.assignments[0]!.task;
  // Units whose deadline an extension moved are listed under their own date, with the task's beside it.
  const extended = e.assignments.find((a) => a.originalDeadline !== undefined);
  return { date: e.date, daysLeft: e.daysLeft, task: task.id, title: task.title, lead: task.lead, openUnits: e.assignments.map((a) => a.unit.id), ...(extended && { originalDeadline: extended.originalDeadline }) };
};

export const UPCOMING_FORMATS = {
  table(v: UpcomingView, o: RenderOptions): string {
    const { lang, paint } = o;
    const head = reportHeader(v.ledger, lang, paint, lang === 'zh' ? `未来 ${v.within} 天` : `next ${v.within} days`, o.columns);
    const cps = checkpointLines(v, lang);
    // Wrapped to the terminal: a checkpoint may have hundreds of reporters.
    const ms = milestoneLines(v, lang);
    const cpText =
      (cps.length > 0 ? `\n\n${t('checkpointsInWindow', lang)}:\n${cps.map((l) => wrap(l, Math.max(20, o.columns - 2), '  ')).join('\n')}` : '') +
      (ms.length > 0 ? `\n\n${t('milestonesInWindow', lang)}:\n${ms.map((l) => wrap(l, Math.max(20, o.columns - 2), '  ')).join('\n')}` : '');
    if (v.entries.length === 0) return `${head}\n\n${t('nothingUpcoming', lang)}${cpText}\n`;
    let last = '';
    const rows = v.entries.map((e) => {
      const task = e.assignments[0]!.task;
      const first = e.date !== last;
      last = e.date;
      const open = e.assignments.map((a) => shortName(a.unit));
      return [
        first ? e.date : '',
        first ? { text: daysWord(e.daysLeft, lang, v.ledger.dayUnit), paint: lightPaint('yellow', paint) } : '',
        `${task.id} ${task.title}`,
        `${open.length}: ${open.join('、')}`,
      ];
    });
    const table = renderTable(
      [{ header: t('deadline', lang) }, { header: t('days', lang), align: 'right' }, { header: t('task', lang), flex: true, min: 14 }, { header: t('pending', lang), flex: true, min: 12 }],
      rows,
      o.columns,
    );
    return `${head}\n\n${table}${cpText}\n`;
  },
  json(v: UpcomingView): string {
    return json({
      asOf: v.ledger.asOf,
      within: v.within,
      entries: v.entries.map(upcomingEntry),
      checkpoints: (v.checkpoints ?? []).map((c) => ({ date: c.checkpoint.date, daysLeft: c.daysLeft, recipient: c.checkpoint.recipient, reporters: c.reporters.map((u) => u.id) })),
      milestones: (v.milestones ?? []).map((m) => ({ date: m.date, daysLeft: m.daysLeft, task: m.task.id, title: m.task.title, milestone: m.text, openUnits: m.open.map((a) => a.unit.id) })),
    });
  },
  csv(v: UpcomingView, o: RenderOptions): string {
    const { lang } = o;
    // One row per open assignment, then one per report owed at a checkpoint in the window.
    const tasks = assignmentsCsv(v.ledger, v.entries.flatMap((e) => e.assignments), lang, { header: t('kind', lang), cell: () => t('task', lang) });
    const owed = (v.checkpoints ?? []).flatMap((c) =>
      c.reporters.map((u) => [shortName(u), '', `${t('checkpoint', lang)} → ${recipientName(c)}`, '', '', '', c.checkpoint.date, c.daysLeft, t('checkpoint', lang), '', '', '', '', '', '', '']),
    );
    const stages = (v.milestones ?? []).flatMap((m) =>
      m.open.map((a) => [shortName(a.unit), m.task.id, `${m.task.title}：${m.text}`, '', '', roleWord(a.role, lang), m.date, m.daysLeft, t('milestone', lang), stateWord(a.state, lang), '', '', '', '', '', '']),
    );
    const more = [...owed, ...stages];
    return more.length === 0 ? tasks : tasks + csv([], more).replace(/^\ufeff\r\n/, '');
  },
  md(v: UpcomingView, o: RenderOptions): string {
    const { lang } = o;
    const table = mdTable(
      [t('deadline', lang), t('days', lang), t('task', lang), t('pending', lang)],
      v.entries.map((e) => [e.date, daysWord(e.daysLeft, lang, v.ledger.dayUnit), `${md(e.assignments[0]!.task.id)} ${md(e.assignments[0]!.task.title)}`, md(e.assignments.map((a) => shortName(a.unit)).join('、'))]),
    );
    const cps = checkpointLines(v, lang);
    const ms = milestoneLines(v, lang);
    const cpText =
      (cps.length > 0 ? `\n\n### ${t('checkpointsInWindow', lang)}\n\n${cps.map((l) => `- ${md(l)}`).join('\n')}` : '') +
      (ms.length > 0 ? `\n\n### ${t('milestonesInWindow', lang)}\n\n${ms.map((l) => `- ${md(l)}`).join('\n')}` : '');
    const title = mdTitle(v.ledger, t('upcomingTitle', lang), lang, lang === 'zh' ? `未来 ${v.within} 天` : `next ${v.within} days`);
    return `${title}\n\n${v.entries.length === 0 ? t('nothingUpcoming', lang) : table}${cpText}\n`;
  },
} as const;
