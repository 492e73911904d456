/** `plan overdue` and `plan upcoming`: assignments listed by unit, task or date. */
import { compareIds, type Assignment, type Ledger } from '../ledger/index.js';
import { shortName } from '../ledger/units.js';
import { csv, json, md, mdTable } from './formats.js';
import { reportHeader } from './header.js';
import { daysWord, lightPaint, roleWord, stateWord, t, countOf } from './labels.js';
import type { RenderOptions } from './status.js';
import { renderTable } from './table.js';

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
  deadline: a.task.deadline,
  daysOverdue: a.daysOverdue,
  state: a.state,
});

export const OVERDUE_FORMATS = {
  table(v: OverdueView, o: RenderOptions): string {
    const { lang, paint } = o;
    const head = reportHeader(v.ledger, lang, paint, undefined, o.columns);
    if (v.items.length === 0) return `${head}\n\n${paint.green(t('nothingOverdue', lang))}\n`;
    const items = sortOverdue(v);
    let last = '';
    const rows = items.map((a) => {
      const key = v.by === 'unit' ? a.unit.id : a.task.id;
      const first = key !== last;
      last = key;
      const group = v.by === 'unit' ? (first ? shortName(a.unit) : '') : first ? `${a.task.id} ${a.task.title}` : '';
      const other = v.by === 'unit' ? `${a.task.id} ${a.task.title}` : shortName(a.unit);
      return [group, other, roleWord(a.role, lang), a.task.deadline ?? '', { text: daysWord(-a.daysOverdue, lang), paint: lightPaint('red', paint) }, stateWord(a.state, lang)];
    });
    const groupHeader = v.by === 'unit' ? t('unit', lang) : t('task', lang);
    const otherHeader = v.by === 'unit' ? t('task', lang) : t('unit', lang);
    const table = renderTable(
      [{ header: groupHeader, flex: v.by === 'task', min: 14 }, { header: otherHeader, flex: true, min: 14 }, { header: t('role', lang) }, { header: t('deadline', lang) }, { header: t('overdueDays', lang), align: 'right' }, { header: t('state', lang) }],
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
    const { lang } = o;
    return csv(
      ['unit', t('unit', lang), 'task', t('task', lang), t('role', lang), t('deadline', lang), 'daysOverdue', t('state', lang)],
      sortOverdue(v).map((a) => [a.unit.id, shortName(a.unit), a.task.id, a.task.title, roleWord(a.role, lang), a.task.deadline, a.daysOverdue, stateWord(a.state, lang)]),
    );
  },
  md(v: OverdueView, o: RenderOptions): string {
    const { lang } = o;
    if (v.items.length === 0) return `${t('asOf', lang)}: ${v.ledger.asOf}\n\n${t('nothingOverdue', lang)}\n`;
    const table = mdTable(
      [t('unit', lang), t('task', lang), t('role', lang), t('deadline', lang), t('overdueDays', lang), t('state', lang)],
      sortOverdue(v).map((a) => [md(shortName(a.unit)), `${md(a.task.id)} ${md(a.task.title)}`, roleWord(a.role, lang), a.task.deadline ?? '', String(a.daysOverdue), stateWord(a.state, lang)]),
    );
    return `${t('asOf', lang)}: ${v.ledger.asOf}\n\n${table}\n`;
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
}

const upcomingEntry = (e: UpcomingEntry): object => {
  const task = e.assignments[0]!.task;
  return { date: e.date, daysLeft: e.daysLeft, task: task.id, title: task.title, lead: task.lead, openUnits: e.assignments.map((a) => a.unit.id) };
};

export const UPCOMING_FORMATS = {
  table(v: UpcomingView, o: RenderOptions): string {
    const { lang, paint } = o;
    const head = reportHeader(v.ledger, lang, paint, lang === 'zh' ? `未来 ${v.within} 天` : `next ${v.within} days`, o.columns);
    if (v.entries.length === 0) return `${head}\n\n${t('nothingUpcoming', lang)}\n`;
    let last = '';
    const rows = v.entries.map((e) => {
      const task = e.assignments[0]!.task;
      const first = e.date !== last;
      last = e.date;
      const open = e.assignments.map((a) => shortName(a.unit));
      return [
        first ? e.date : '',
        first ? { text: daysWord(e.daysLeft, lang), paint: lightPaint('yellow', paint) } : '',
        `${task.id} ${task.title}`,
        `${open.length}: ${open.join('、')}`,
      ];
    });
    const table = renderTable(
      [{ header: t('deadline', lang) }, { header: t('days', lang), align: 'right' }, { header: t('task', lang), flex: true, min: 14 }, { header: t('pending', lang), flex: true, min: 12 }],
      rows,
      o.columns,
    );
    return `${head}\n\n${table}\n`;
  },
  json(v: UpcomingView): string {
    return json({ asOf: v.ledger.asOf, within: v.within, entries: v.entries.map(upcomingEntry) });
  },
  csv(v: UpcomingView, o: RenderOptions): string {
    const { lang } = o;
    return csv(
      [t('deadline', lang), 'daysLeft', 'task', t('task', lang), t('pending', lang)],
      v.entries.map((e) => [e.date, e.daysLeft, e.assignments[0]!.task.id, e.assignments[0]!.task.title, e.assignments.map((a) => a.unit.id).join(' ')]),
    );
  },
  md(v: UpcomingView, o: RenderOptions): string {
    const { lang } = o;
    const table = mdTable(
      [t('deadline', lang), t('days', lang), t('task', lang), t('pending', lang)],
      v.entries.map((e) => [e.date, daysWord(e.daysLeft, lang), `${md(e.assignments[0]!.task.id)} ${md(e.assignments[0]!.task.title)}`, md(e.assignments.map((a) => shortName(a.unit)).join('、'))]),
    );
    return `${t('asOf', lang)}: ${v.ledger.asOf}\n\n${v.entries.length === 0 ? t('nothingUpcoming', lang) : table}\n`;
  },
} as const;
