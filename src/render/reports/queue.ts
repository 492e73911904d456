/** `plan review --pending`: the office's queue, claims and requests for more time, longest waiting first. */
import type { Ledger } from '../../ledger/index.js';
import type { QueueItem } from '../../ledger/queue.js';
import { shortName } from '../../ledger/units.js';
import { json, md, mdLink, mdTable } from '../formats.js';
import { reportHeader } from './header.js';
import { colon, deadlineCell, lightPaint, stateWord, t } from '../labels.js';
import { renderTable } from '../table.js';
import { wrap } from '../text.js';
import type { Lang } from '../lang.js';
import type { RenderOptions } from './view.js';

export interface QueueView {
  ledger: Ledger;
  items: QueueItem[];
  /** The unit (or group) the queue was narrowed to, in words. */
  filter?: string;
}

/** What is asked of the office, in a few words: the claim, or the request with its date and reason. */
export function askedWord(item: QueueItem, lang: Lang, withReason = true): string {
  const a = item.assignment;
  if (item.kind === 'claim') {
    const reopened = a.decision?.decision === 'reopened' ? (lang === 'zh' ? '（重新审核）' : ' (reopened)') : '';
    return lang === 'zh' ? `报${stateWord(a.state, lang)}${reopened}` : `claims ${stateWord(a.state, lang)}${reopened}`;
  }
  const x = item.extension!;
  const late = x.late ? (lang === 'zh' ? '（逾期申请）' : ' (asked late)') : '';
  if (!withReason) return lang === 'zh' ? `申请延期至 ${x.to}${late}` : `asks until ${x.to}${late}`;
  return lang === 'zh' ? `申请延期至 ${x.to}${late}：${x.reason}` : `asks until ${x.to}${late}: ${x.reason}`;
}

const waitingWord = (days: number, lang: Lang): string => (lang === 'zh' ? `${days}天` : `${days}d`);

function summaryLine(v: QueueView, lang: Lang): string {
  const claims = v.items.filter((i) => i.kind === 'claim').length;
  const requests = v.items.length - claims;
  return lang === 'zh' ? `待审核报结 ${claims} 项，待审批延期申请 ${requests} 项。` : `${claims} claim${claims === 1 ? '' : 's'} awaiting review, ${requests} request${requests === 1 ? '' : 's'} for more time awaiting an answer.`;
}

const entry = (item: QueueItem): object => {
  const a = item.assignment;
  return {
    kind: item.kind,
    unit: a.unit.id,
    unitName: shortName(a.unit),
    task: a.task.id,
    title: a.task.title,
    state: a.state,
    light: a.light,
    review: a.review,
    deadline: a.deadline,
    ...(a.originalDeadline !== undefined && { originalDeadline: a.originalDeadline }),
    since: item.since ?? null,
    waiting: item.waiting,
    evidence: a.evidence ?? [],
    ...(item.kind === 'claim' && a.decision?.decision === 'reopened' && { reopened: { date: a.decision.date, reason: a.decision.reason ?? null } }),
    ...(item.extension && { extension: item.extension }),
  };
};

export const QUEUE_FORMATS = {
  table(v: QueueView, o: RenderOptions): string {
    const { lang, paint } = o;
    const head = reportHeader(v.ledger, lang, paint, v.filter, o.columns);
    if (v.items.length === 0) return `${head}\n\n${t('nothingPending', lang)}\n`;
    // What the office decides on stays whole at 80 columns (the date asked for, the days waited); the
    // request's reason and the claim's evidence, which no column can hold, follow the table in full.
    const table = renderTable(
      [
        { header: t('unit', lang), flex: true, min: 8 },
        { header: t('task', lang), flex: true, min: 12, weight: 3 },
        { header: t('deadline', lang) },
        { header: lang === 'zh' ? '事项' : 'Asked' },
        { header: lang === 'zh' ? '日期' : 'Since' },
        { header: t('waiting', lang), align: 'right' },
      ],
      v.items.map((i) => {
        const a = i.assignment;
        return [shortName(a.unit), `${a.task.id} ${a.task.title}`, { text: deadlineCell(a, lang), paint: lightPaint(a.light, paint) }, askedWord(i, lang, false), i.since ?? '—', waitingWord(i.waiting, lang)];
      }),
      o.columns,
    );
    const zh = lang === 'zh';
    const details = v.items.flatMap((i) => {
      const a = i.assignment;
      const who = `${shortName(a.unit)} · ${a.task.id}`;
      if (i.kind === 'extension') return [wrap(`${who} ${zh ? '延期理由' : 'Reason'}${colon(lang)}${i.extension!.reason}`, o.columns, '')];
      // A link is never cut: one a line, under the task, when they are more than one.
      const items = a.evidence ?? [];
      const label = `${who} ${t('evidence', lang)}${colon(lang)}`;
      return items.length <= 1 ? [`${label}${items[0] ?? '—'}`] : [label, ...items.map((e) => `  ${e}`)];
    });
    const notes = details.join('\n');
    return `${head}\n\n${table}\n\n${notes}\n\n${summaryLine(v, lang)}\n`;
  },
  md(v: QueueView, o: RenderOptions): string {
    const { lang } = o;
    const { plan } = v.ledger.data;
    const title = `# ${md(plan.title)}（${md(plan.document)}）\n\n## ${t('reviewTitle', lang)}\n\n${t('asOf', lang)}${colon(lang)}${v.ledger.asOf}${v.filter ? ` · ${md(v.filter)}` : ''}`;
    if (v.items.length === 0) return `${title}\n\n${t('nothingPending', lang)}\n`;
    const table = mdTable(
      [t('unit', lang), t('task', lang), t('deadline', lang), lang === 'zh' ? '事项' : 'Asked', lang === 'zh' ? '日期' : 'Since', t('waiting', lang), t('evidence', lang)],
      v.items.map((i) => {
        const a = i.assignment;
        return [md(shortName(a.unit)), `${md(a.task.id)} ${md(a.task.title)}`, md(deadlineCell(a, lang)), md(askedWord(i, lang)), i.since ?? '—', waitingWord(i.waiting, lang), i.kind === 'claim' ? (a.evidence ?? []).map(mdLink).join('<br>') : ''];
      }),
    );
    return `${title}\n\n${table}\n\n${summaryLine(v, lang)}\n`;
  },
  json(v: QueueView): string {
    return json({ asOf: v.ledger.asOf, count: v.items.length, items: v.items.map(entry) });
  },
} as const;
