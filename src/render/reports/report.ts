/** `plan report`: a unit's progress report for a checkpoint, as Markdown or JSON. */
import type { Ledger } from '../../ledger/index.js';
import type { ProgressReport } from '../../ledger/report.js';
import { shortName } from '../../ledger/units.js';
import { json, md, mdLink, mdTable } from '../formats.js';
import { stagesOf } from '../../ledger/milestones.js';
import { assignmentLightWord, closedWord, colon, countOf, deadlineWords, extendedWord, reviewedStateWord, roleWord, stateWord, t } from '../labels.js';
import { reviewFields, reviewNotes } from './checklist.js';
import { isDone } from '../../ledger/index.js';
import { unitReturnLine } from './returns.js';
import type { Lang } from '../lang.js';

export function reportMarkdown(r: ProgressReport, ledger: Ledger, lang: Lang): string {
  const zh = lang === 'zh';
  const { plan } = ledger.data;
  const recipient = r.checkpoint ? (ledger.unitsById.get(r.checkpoint.recipient) ?? undefined) : undefined;
  const done = r.assignments.filter(isDone).length;
  const out = [
    `# ${md(shortName(r.unit))} · ${zh ? '任务推进落实情况' : 'Progress report'}`,
    '',
    `${md(plan.title)}（${md(plan.document)}）  `,
    r.checkpoint
      ? `${zh ? '报送节点' : 'Checkpoint'}${colon(lang)}${r.to}${recipient ? ` → ${md(shortName(recipient))}` : ''}  `
      : `${zh ? '期间报告（非报送节点）' : 'Report for a period (not a checkpoint)'}  `,
    `${zh ? '统计期间' : 'Period'}${colon(lang)}${r.from} – ${r.to} · ${t('asOf', lang)}${colon(lang)}${ledger.asOf}`,
    '',
    zh ? `共 ${r.assignments.length} 项任务，已完成或不适用 ${done} 项。` : `${countOf(r.assignments.length, 'task')}, ${done} done or not applicable.`,
    '',
    ...returnLine(ledger, r, lang),
    mdTable(
      [t('id', lang), t('task', lang), t('role', lang), t('deadline', lang), t('state', lang), t('light', lang), t('progressNote', lang)],
      r.assignments.map((a) => [
        md(a.task.id),
        md(a.task.title),
        roleWord(a.role, lang),
        md(extendedWord(a, lang) ?? deadlineWords(a.task, lang)),
        reviewedStateWord(a, lang) + (isDone(a) && a.state === 'done' && a.completed ? `（${a.completed}，${closedWord(a, lang)}）` : ''),
        assignmentLightWord(a, lang),
        // A table cell holds one line: progress, the reason, the office's word and each evidence link are joined with <br>.
        [a.progress ?? '', a.reason ? `${t('reason', lang)}${colon(lang)}${a.reason}` : '', ...reviewNotes(a, lang)].filter((x) => x !== '').map(md).concat((a.evidence ?? []).map(mdLink)).join('<br>'),
      ]),
    ),
    '',
    ...milestoneSection(r, ledger, lang),
    `## ${zh ? '本期变化' : 'Changes in this period'}`,
    '',
  ];
  if (r.changes.length === 0) out.push(zh ? '本期没有记录的变化。' : 'No change was recorded in this period.');
  for (const c of r.changes) {
    const change = c.from && c.from !== c.to ? `${stateWord(c.from, lang)} → ${stateWord(c.to, lang)}` : stateWord(c.to, lang);
    out.push(`- ${c.date} **${md(c.task)} ${md(c.title)}**: ${change}${c.note ? ` — ${md(c.note)}` : ''}`);
  }
  out.push('', `<!-- ${t('generated', lang)} -->`);
  return `${out.join('\n')}\n`;
}

/** The milestones of the unit's tasks, each passed or ahead on the as-of date (none: no section). */
function milestoneSection(r: ProgressReport, ledger: Ledger, lang: Lang): string[] {
  const lines = r.assignments.flatMap((a) =>
    stagesOf(a.task, ledger.asOf).map((s) => `- ${s.date} **${md(a.task.id)} ${md(a.task.title)}**${colon(lang)}${md(s.text)}${s.passed ? (lang === 'zh' ? '（已过）' : ' (passed)') : ''}`),
  );
  return lines.length === 0 ? [] : [`## ${t('milestones', lang)}`, '', ...lines.sort(), ''];
}

/** 报送情况 of this unit for the checkpoint, as a paragraph (none when the unit does not report there). */
function returnLine(ledger: Ledger, r: ProgressReport, lang: Lang): string[] {
  const line = unitReturnLine(ledger, r.unit, r.to, lang);
  return line === undefined ? [] : [md(line), ''];
}

export function reportJson(r: ProgressReport, ledger: Ledger): string {
  return json({
    unit: r.unit.id,
    asOf: ledger.asOf,
    checkpoint: r.checkpoint ? { date: r.checkpoint.date, recipient: r.checkpoint.recipient } : null,
    from: r.from,
    to: r.to,
    tasks: r.assignments.map((a) => ({
      task: a.task.id,
      title: a.task.title,
      role: a.role,
      ...reviewFields(a),
      deadlineRule: a.task.deadlineRule ?? null,
      milestones: a.task.milestones ?? [],
      state: a.state,
      light: a.light,
      completed: a.completed ?? null,
      completionDays: a.completionDays ?? null,
      progress: a.progress ?? null,
      reason: a.reason ?? null,
      evidence: a.evidence ?? [],
    })),
    changes: r.changes,
  });
}
