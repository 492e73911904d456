/** `plan checklist`: everything one unit must do, and when it reports. */
import { isDone, type Assignment, type Ledger } from '../../ledger/index.js';
import { nameWithFull, shortName } from '../../ledger/units.js';
import type { Checklist } from '../../ledger/checklist.js';
import type { Checkpoint } from '../../model.js';
import { csv, json, md } from '../formats.js';
import { checkpointLine, joinFitting } from './header.js';
import { stagesOf } from '../../ledger/milestones.js';
import { assignmentDaysWord, assignmentLightWord, closedWord, colon, daysWord, deadlineCell, deadlineWords, extendedWord, lightPaint, reviewedStateWord, roleWord, stagesWord, t } from '../labels.js';
import { renderTable } from '../table.js';
import { safeText, truncate, wrap, wrapPhrases } from '../text.js';
import { ownerNames, type RenderOptions } from './view.js';

export interface ChecklistView {
  ledger: Ledger;
  lists: Checklist[];
}

const deadlineOf = (a: Assignment, lang: RenderOptions['lang']): string =>
  a.deadline === null ? `${t('noDeadline', lang)}（${t('reviewOn', lang)} ${a.task.reviewOn.join('、')}）` : (extendedWord(a, lang) ?? deadlineWords(a.task, lang));

/**
 * What an assignment's JSON says of review and extensions, in every export:
 * the deadline in force, the original when extended, the office's view.
 */
export const reviewFields = (a: Assignment): object => ({
  deadline: a.deadline,
  ...(a.originalDeadline !== undefined && { originalDeadline: a.originalDeadline }),
  review: a.review,
  ...(a.claimed !== undefined && { claimed: a.claimed }),
  ...(a.returnReason !== undefined && { returnReason: a.returnReason }),
  ...(a.review === 'accepted' && a.decision && { accepted: { date: a.decision.date, by: a.decision.by ?? null, note: a.decision.note ?? null } }),
  ...(a.extension && { extension: { requested: a.extension.requested, to: a.extension.to, granted: a.extension.grantedTo ?? a.extension.to, decided: a.extension.decided ?? null, reason: a.extension.reason } }),
  ...(a.extensionDenied && { extensionDenied: { requested: a.extensionDenied.requested, to: a.extensionDenied.to, decided: a.extensionDenied.decided ?? null, reason: a.extensionDenied.decisionReason ?? null } }),
  ...(a.extensionsPending && { extensionsPending: a.extensionsPending.map((x) => ({ requested: x.requested, to: x.to, reason: x.reason, late: x.late === true })) }),
});

const entry = (a: Assignment): object => ({
  task: a.task.id,
  title: a.task.title,
  role: a.role,
  ...reviewFields(a),
  deadlineText: a.task.deadlineText,
  deadlineRule: a.task.deadlineRule ?? null,
  milestones: a.task.milestones ?? [],
  ongoing: a.task.ongoing,
  reviewOn: a.task.reviewOn,
  state: a.state,
  light: a.light,
  completed: a.completed ?? null,
  completionDays: a.completionDays ?? null,
  progress: a.progress ?? null,
  reason: a.reason ?? null,
  evidence: a.evidence ?? [],
  text: a.task.text,
});

const daysLeftOf = (a: Assignment, ledger: Ledger): number | null => (a.deadline === null ? null : ledger.daysTo(a.deadline));

/** The office's word on an assignment: the return and its reason, an extension in force or asked for, a claim awaiting review. */
export function reviewNotes(a: Assignment, lang: RenderOptions['lang']): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  if (a.review === 'returned') {
    const when = a.decision ? (zh ? `（${a.decision.date} 退回）` : ` (returned ${a.decision.date})`) : '';
    out.push(`${t('returnReason', lang)}${colon(lang)}${a.returnReason ?? '—'}${when}`);
  }
  if (a.review === 'pending') {
    const since = a.claimed ? (zh ? `（${a.claimed} 报结）` : ` (claimed ${a.claimed})`) : '';
    out.push(`${t('review', lang)}${colon(lang)}${zh ? '待审核' : 'awaiting review'}${since}${a.decision?.decision === 'reopened' && a.decision.reason ? (zh ? `；重新审核：${a.decision.reason}` : `; reopened: ${a.decision.reason}`) : ''}`);
  }
  if (a.review === 'accepted' && a.decision?.note) out.push(`${t('reviewNote', lang)}${colon(lang)}${a.decision.note}`);
  const extended = extendedWord(a, lang);
  if (extended) out.push(`${t('extension', lang)}${colon(lang)}${extended}${a.extension?.decisionReason ? (zh ? `（${a.extension.decisionReason}）` : ` (${a.extension.decisionReason})`) : ''}`);
  const denied = a.extensionDenied;
  if (denied) out.push(`${t('extensionAsked', lang)}${colon(lang)}${zh ? `申请延期至 ${denied.to}，${denied.decided} 不予延期（${denied.decisionReason ?? ''}）` : `asked until ${denied.to}, refused on ${denied.decided} (${denied.decisionReason ?? ''})`}`);
  for (const x of a.extensionsPending ?? []) {
    const late = x.late ? (zh ? '，逾期申请' : ', asked late') : '';
    out.push(`${t('extensionAsked', lang)}${colon(lang)}${zh ? `${x.requested} 申请延期至 ${x.to}（${x.reason}${late}），待审批` : `asked on ${x.requested} until ${x.to} (${x.reason}${late}), awaiting the office`}`);
  }
  return out;
}

/** The notes under a task: the office's word, its milestones, progress, the reason it is blocked or not applicable, evidence, as known on the as-of date. */
function notes(a: Assignment, lang: RenderOptions['lang'], asOf: string): string[] {
  const out: string[] = reviewNotes(a, lang);
  const stages = stagesOf(a.task, asOf);
  if (stages.length > 0) out.push(`${t('milestones', lang)}${colon(lang)}${stagesWord(stages, lang)}`);
  if (a.progress) out.push(`${t('progressNote', lang)}${colon(lang)}${a.progress}`);
  if (a.reason) out.push(`${t('reason', lang)}${colon(lang)}${a.reason}`);
  if (a.evidence && a.evidence.length > 0) out.push(`${t('evidence', lang)}${colon(lang)}${a.evidence.join(' ')}`);
  return out;
}

function checkpointsLine(list: Checklist, ledger: Ledger, lang: RenderOptions['lang']): string {
  if (list.checkpoints.length === 0) return '—';
  const to = (c: Checkpoint): string => {
    const u = ledger.unitsById.get(c.recipient);
    return u ? shortName(u) : c.recipient;
  };
  const zh = lang === 'zh';
  // One recipient (the usual case) is said once; the dates then wrap between them, never inside one.
  const recipients = new Set(list.checkpoints.map(to));
  if (recipients.size === 1) return `${list.checkpoints.map((c) => c.date).join(zh ? '、' : ', ')}${zh ? `（均报${[...recipients][0]}）` : ` (all to ${[...recipients][0]})`}`;
  return list.checkpoints.map((c) => (zh ? `${c.date}（报${to(c)}）` : `${c.date} (to ${to(c)})`)).join(zh ? '；' : '; ');
}

export function checklistMarkdown(list: Checklist, ledger: Ledger, lang: RenderOptions['lang']): string {
  const { plan } = ledger.data;
  const out = [
    `# ${md(shortName(list.unit))} · ${t('checklistFor', lang)}`,
    '',
    `${md(plan.title)}（${md(plan.document)}）  `,
    `${md(list.unit.name)} · ${t('asOf', lang)}${colon(lang)}${ledger.asOf}  `,
    `${t('checkpoints', lang)}${colon(lang)}${md(checkpointsLine(list, ledger, lang))}`,
    '',
  ];
  for (const a of list.assignments) {
    const box = isDone(a) ? '[x]' : '[ ]';
    out.push(
      // Closed: how it closed says it all (done 2d early); open: state, days left, light.
      `- ${box} **${md(a.task.id)} ${md(a.task.title)}** — ${roleWord(a.role, lang)} · ${t('deadline', lang)} ${md(deadlineOf(a, lang))} · ${
        box === '[x]' ? closedWord(a, lang) : `${reviewedStateWord(a, lang)} · ${md(daysWord(daysLeftOf(a, ledger), lang, ledger.dayUnit))} · ${assignmentLightWord(a, lang)}`
      }`,
      `  > ${md(a.task.text)}`,
    );
    for (const note of notes(a, lang, ledger.asOf)) out.push(`  >`, `  > ${md(note)}`);
  }
  out.push('', `<!-- ${t('generated', lang)} -->`);
  return `${out.join('\n')}\n`;
}

export const CHECKLIST_FORMATS = {
  table(v: ChecklistView, o: RenderOptions): string {
    const { lang, paint } = o;
    return v.lists
      .map((list) => {
        const head = [
          paint.bold(truncate(safeText(`${nameWithFull(list.unit).replace(/）$/, '）·').replace(/([^·])$/, '$1 ·')} ${t('checklistFor', lang)}`), o.columns)),
          joinFitting([`${t('asOf', lang)}${colon(lang)}${v.ledger.asOf}`, `${t('nextCheckpoint', lang)}${colon(lang)}${checkpointLine(v.ledger, lang)}`], o.columns),
          // Wrapped, not cut: every checkpoint is something the unit must do.
          wrapPhrases(`${t('checkpoints', lang)}${colon(lang)}${checkpointsLine(list, v.ledger, lang)}`, o.columns),
        ].join('\n');
        if (list.assignments.length === 0) return `${head}\n\n${t('noTasks', lang)}\n`;
        const table = renderTable(
          // Titles give way first; at 80 columns the words of role, days and state too (a closed row says "done" thrice).
          [
            { header: t('id', lang) },
            { header: t('task', lang), flex: true, min: 12 },
            { header: t('role', lang), flex: true, min: 4, weight: 4 },
            { header: t('deadline', lang) },
            { header: t('days', lang), align: 'right', flex: true, min: 9, weight: 4 },
            { header: t('state', lang), flex: true, min: 8, weight: 4 },
            { header: t('light', lang) },
          ],
          list.assignments.map((a) => [
            a.task.id,
            a.task.title,
            roleWord(a.role, lang),
            deadlineCell(a, lang),
            assignmentDaysWord({ ...a, daysLeft: daysLeftOf(a, v.ledger) }, lang, v.ledger.dayUnit),
            reviewedStateWord(a, lang),
            { text: assignmentLightWord(a, lang), paint: lightPaint(a.light, paint) },
          ]),
          o.columns,
        );
        const width = Math.max(20, o.columns - 4);
        const texts = list.assignments.map((a) => {
          const note = notes(a, lang, v.ledger.asOf).map((n) => `\n${wrap(n, width, '    ')}`).join('');
          return `${paint.bold(safeText(`${a.task.id} ${a.task.title}`))}\n${wrap(a.task.text, width, '    ')}${note}`;
        });
        return `${head}\n\n${table}\n\n${t('text', lang)}${colon(lang)}\n\n${texts.join('\n\n')}\n`;
      })
      .join('\n\n');
  },
  json(v: ChecklistView): string {
    const one = (list: Checklist): object => ({
      unit: list.unit.id,
      name: list.unit.name,
      short: list.unit.short ?? null,
      asOf: v.ledger.asOf,
      checkpoints: list.checkpoints.map((c) => ({ date: c.date, recipient: c.recipient })),
      tasks: list.assignments.map(entry),
    });
    return json(v.lists.length === 1 ? one(v.lists[0]!) : v.lists.map(one));
  },
  csv(v: ChecklistView, o: RenderOptions): string {
    const { lang } = o;
    return assignmentsCsv(
      v.ledger,
      v.lists.flatMap((l) => l.assignments),
      lang,
    );
  },
  md(v: ChecklistView, o: RenderOptions): string {
    return v.lists.map((l) => checklistMarkdown(l, v.ledger, o.lang)).join('\n');
  },
} as const;


/**
 * Assignments as a spreadsheet: one language per file, unit names rather than
 * ids, and what a clerk fills in and reads (state, progress, evidence,
 * completion, reason). Shared by checklist, overdue and upcoming.
 */
export function assignmentsCsv(ledger: Ledger, assignments: readonly Assignment[], lang: RenderOptions['lang'], extra?: { header: string; cell: (a: Assignment) => string | number | null }): string {
  const header = [
    t('unit', lang),
    t('id', lang),
    t('task', lang),
    t('lead', lang),
    t('responsible', lang),
    t('role', lang),
    t('deadline', lang),
    t('daysLeft', lang),
    t('state', lang),
    t('progressNote', lang),
    t('evidence', lang),
    t('completed', lang),
    t('closed', lang),
    t('reason', lang),
    t('light', lang),
  ];
  if (extra) header.splice(8, 0, extra.header);
  return csv(
    header,
    assignments.map((a) => {
      const closed = isDone(a);
      const row: (string | number | null | undefined)[] = [
        shortName(a.unit),
        a.task.id,
        a.task.title,
        ownerNames(ledger, a.task.lead) + (a.task.leadOpen ? t('openList', lang) : ''),
        ownerNames(ledger, a.task.responsible),
        roleWord(a.role, lang),
        extendedWord(a, lang) ?? (a.deadline === null ? t('noDeadline', lang) : deadlineWords(a.task, lang)),
        closed ? null : daysLeftOf(a, ledger),
        reviewedStateWord(a, lang),
        a.progress,
        // Several links in one cell, one a line.
        (a.evidence ?? []).join('\n'),
        a.completed,
        closed ? closedWord(a, lang) : null,
        [a.reason, ...reviewNotes(a, lang)].filter((x) => x).join('\n'),
        assignmentLightWord(a, lang),
      ];
      if (extra) row.splice(8, 0, extra.cell(a));
      return row;
    }),
  );
}
