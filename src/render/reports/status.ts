/** `plan status`: one row per task, sorted by deadline. */
import { LIGHT_ORDER, type Ledger, type Light, type TaskRow } from '../../ledger/index.js';
import { csv, json, md, mdTable } from '../formats.js';
import { reportHeader } from './header.js';
import { closedWord, colon, countOf, deadlineCell, lightPaint, lightWord, progressBar, rowDaysWord, t } from '../labels.js';
import { statusHtml } from './html.js';
import { reviewFields } from './checklist.js';
import { missingReturnsLine } from './returns.js';
import { renderTable } from '../table.js';
import { wrapPhrases } from '../text.js';
import type { Lang } from '../lang.js';
import { ownerNames, type RenderOptions, type StatusView } from './view.js';

const leadNames = (ledger: Ledger, row: TaskRow, lang: Lang): string => ownerNames(ledger, row.task.lead) + (row.task.leadOpen ? t('openList', lang) : '');

function counts(rows: TaskRow[]): Record<Light, number> {
  const out = Object.fromEntries(LIGHT_ORDER.map((l) => [l, 0])) as Record<Light, number>;
  for (const r of rows) out[r.light]++;
  return out;
}

const allClosed = (r: TaskRow): boolean => r.total > 0 && r.done === r.total;

export const STATUS_FORMATS = {
  table(v: StatusView, o: RenderOptions): string {
    const { lang, paint } = o;
    const head = reportHeader(v.ledger, lang, paint, v.filter, o.columns);
    if (v.rows.length === 0) return `${head}\n\n${t('noTasks', lang)}\n`;
    // The bar gives way before the titles do on a narrow terminal.
    const barWidth = o.columns >= 100 ? 10 : o.columns >= 80 ? 5 : 0;
    const table = renderTable(
      [
        { header: t('id', lang) },
        { header: t('task', lang), flex: true, min: 12, weight: 2 },
        { header: t('lead', lang), flex: true, min: 8 },
        { header: t('deadline', lang) },
        { header: t('days', lang), align: 'right' },
        { header: t('progress', lang) },
        { header: t('light', lang) },
      ],
      v.rows.map((r) => [
        r.task.id,
        r.task.title,
        leadNames(v.ledger, r, lang) || '—',
        inForce(v, r, lang).deadline,
        rowDaysWord(inForce(v, r, lang).row, lang, v.ledger.dayUnit),
        progressBar(r.done, r.total, barWidth),
        { text: lightWord(r.light, lang, allClosed(r)), paint: lightPaint(r.light, paint) },
      ]),
      o.columns,
    );
    const c = counts(v.rows);
    const footer = LIGHT_ORDER.filter((l) => c[l] > 0)
      .map((l) => lightPaint(l, paint)(`${lightWord(l, lang)} ${c[l]}`))
      .join(' · ');
    // Who has not returned the form: about every unit, so not under a filter.
    const returns = v.filter === undefined ? missingReturnsLine(v.ledger, lang) : undefined;
    // Wrapped to the terminal: it names up to ten units.
    return `${head}\n\n${table}\n\n${lang === 'zh' ? `${v.rows.length} ${t('tasks', lang)}` : countOf(v.rows.length, 'task')}${colon(lang)}${footer}\n${returns ? `${wrapPhrases(returns, o.columns)}\n` : ''}`;
  },

  json(v: StatusView): string {
    const next = v.ledger.nextCheckpoint;
    return json({
      plan: { id: v.ledger.data.plan.id, title: v.ledger.data.plan.title, document: v.ledger.data.plan.document },
      asOf: v.ledger.asOf,
      nextCheckpoint: next
        ? { date: next.checkpoint.date, daysLeft: next.daysLeft, recipient: next.checkpoint.recipient, reporters: next.reporters.map((u) => u.id) }
        : null,
      counts: counts(v.rows),
      tasks: v.rows.map((r) => ({
        id: r.task.id,
        section: r.task.section,
        title: r.task.title,
        lead: r.task.lead,
        leadOpen: r.task.leadOpen,
        responsible: r.task.responsible,
        deadline: r.task.deadline,
        deadlineText: r.task.deadlineText,
        ...(r.task.deadlineRule && { deadlineRule: r.task.deadlineRule }),
        ...(r.task.milestones && { milestones: r.task.milestones }),
        ongoing: r.task.ongoing,
        light: r.light,
        daysLeft: r.daysLeft,
        ...(v.ledger.dayUnit === 'workdays' && { daysIn: 'workdays' }),
        done: r.done,
        total: r.total,
        // Once every assignment is closed: the last completion, and its days against the deadline (negative: early).
        completed: r.completed ?? null,
        completionDays: r.completionDays ?? null,
        assignments: r.assignments.map((a) => ({
          unit: a.unit.id,
          role: a.role,
          ...reviewFields(a),
          state: a.state,
          light: a.light,
          daysOverdue: a.daysOverdue,
          completed: a.completed ?? null,
          completionDays: a.completionDays ?? null,
        })),
      })),
    });
  },

  csv(v: StatusView, o: RenderOptions): string {
    const { lang } = o;
    // One language per file; days left only while open, how it closed once closed.
    return csv(
      [t('id', lang), t('task', lang), t('lead', lang), t('responsible', lang), t('deadline', lang), t('daysLeft', lang), t('closed', lang), t('completed', lang), t('done', lang), t('total', lang), t('light', lang)],
      v.rows.map((r) => [
        r.task.id,
        r.task.title,
        leadNames(v.ledger, r, lang),
        ownerNames(v.ledger, r.task.responsible),
        r.task.deadline ?? t('noDeadline', lang),
        allClosed(r) ? null : r.daysLeft,
        allClosed(r) ? (r.completed === undefined ? closedWord({ state: 'not_applicable' }, lang) : closedWord(r, lang)) : null,
        r.completed,
        r.done,
        r.total,
        lightWord(r.light, lang, allClosed(r)),
      ]),
    );
  },

  md(v: StatusView, o: RenderOptions): string {
    const { lang } = o;
    const { plan } = v.ledger.data;
    const table = mdTable(
      [t('id', lang), t('task', lang), t('lead', lang), t('deadline', lang), t('days', lang), t('progress', lang), t('light', lang)],
      v.rows.map((r) => [
        md(r.task.id),
        md(r.task.title),
        md(leadNames(v.ledger, r, lang) || '—'),
        inForce(v, r, lang).deadline,
        rowDaysWord(inForce(v, r, lang).row, lang, v.ledger.dayUnit),
        `${r.done}/${r.total}`,
        lightWord(r.light, lang, allClosed(r)),
      ]),
    );
    return `# ${md(plan.title)}（${md(plan.document)}）\n\n${t('asOf', lang)}${colon(lang)}${v.ledger.asOf}${v.filter ? ` · ${md(v.filter)}` : ''}\n\n${table}\n`;
  },

  html(v: StatusView, o: RenderOptions): string {
    return statusHtml(v, o.lang);
  },
} as const;

/** English breaks at spaces; Chinese, which has none, anywhere by display width (wrap). */

/**
 * Under a one-unit filter a row is that unit's part: when an extension moved its deadline, the row
 * shows the deadline in force and its days, as the unit's checklist does (2021-12-15（延）). Only
 * filtered rows are asked for their assignments (a province's unfiltered rows make none).
 */
function inForce(v: StatusView, r: StatusView['rows'][number], lang: Lang): { deadline: string; row: typeof r } {
  const written = r.task.deadline ?? t('noDeadline', lang);
  if (v.filter === undefined) return { deadline: written, row: r };
  const moved = new Set(r.assignments.map((a) => (a.originalDeadline === undefined ? r.task.deadline : a.deadline)));
  const only = [...moved][0];
  if (moved.size !== 1 || only === r.task.deadline || only === null || only === undefined) return { deadline: written, row: r };
  return { deadline: deadlineCell({ task: r.task, deadline: only, originalDeadline: r.task.deadline }, lang), row: { ...r, daysLeft: allClosed(r) ? r.daysLeft : v.ledger.daysTo(only) } };
}
