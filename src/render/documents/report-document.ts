/**
 * `plan report <unit> --format docx`: the unit's progress report at a
 * checkpoint as an OfficialDocument, addressed to the checkpoint's recipient.
 */
import { isDone, type Ledger } from '../../ledger/index.js';
import type { ProgressReport } from '../../ledger/report.js';
import { shortName } from '../../ledger/units.js';
import { documentDate, headingNumber, type Block, type OfficialDocument } from './document.js';
import { stagesOf } from '../../ledger/milestones.js';
import { deadlineWords, extendedWord, lightWord, reviewedStateWord, roleWord, stateWord, t } from '../labels.js';
import { reviewNotes } from '../reports/checklist.js';
import type { Lang } from '../lang.js';

export function reportDocument(r: ProgressReport, ledger: Ledger, lang: Lang): OfficialDocument {
  const zh = lang === 'zh';
  const { plan } = ledger.data;
  const recipient = r.checkpoint ? ledger.unitsById.get(r.checkpoint.recipient) : undefined;
  const closed = r.assignments.filter(isDone).length;
  const blocks: Block[] = [];
  if (recipient) blocks.push({ kind: 'addressee', text: `${recipient.name}${zh ? '：' : ':'}` });
  blocks.push({
    kind: 'paragraph',
    text: zh
      ? `根据《${plan.title}》（${plan.document}）要求，现将我单位${documentDate(r.from, lang)}至${documentDate(r.to, lang)}任务推进落实情况报告如下。我单位承担任务${r.assignments.length}项，已完成或不适用${closed}项。`
      : `As required by ${plan.title} (${plan.document}), this reports our progress from ${r.from} to ${r.to}: ${r.assignments.length} tasks, ${closed} done or not applicable.`,
  });
  blocks.push({ kind: 'heading', level: 1, text: `${headingNumber(1, 1, lang)}${zh ? '任务推进情况' : 'Tasks'}` });
  blocks.push({
    kind: 'table',
    header: [t('id', lang), t('task', lang), t('role', lang), t('deadline', lang), t('state', lang), t('light', lang), t('progressNote', lang)],
    rows: r.assignments.map((a) => [
      a.task.id,
      a.task.title,
      roleWord(a.role, lang),
      extendedWord(a, lang) ?? deadlineWords(a.task, lang),
      reviewedStateWord(a, lang) + (a.entry?.completed ? `（${a.entry.completed}）` : ''),
      lightWord(a.light, lang),
      [a.entry?.details?.progress, a.entry?.details?.reason, ...reviewNotes(a, lang), ...(a.entry?.details?.evidence ?? [])].filter((x): x is string => !!x && x.trim() !== '').join('；'),
    ]),
  });
  const stages = r.assignments.flatMap((a) => stagesOf(a.task, ledger.asOf).map((s) => ({ ...s, task: a.task })));
  let part = 2;
  if (stages.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: `${headingNumber(part++, 1, lang)}${t('milestones', lang)}` });
    blocks.push({
      kind: 'list',
      items: stages
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((s) => `${s.date} ${s.task.id} ${s.task.title}：${s.text}${s.passed ? (zh ? '（已过）' : ' (passed)') : ''}`),
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: `${headingNumber(part, 1, lang)}${zh ? '本期变化' : 'Changes in this period'}` });
  if (r.changes.length === 0) blocks.push({ kind: 'paragraph', text: zh ? '本期没有记录的变化。' : 'No change was recorded in this period.' });
  else {
    blocks.push({
      kind: 'list',
      items: r.changes.map((c) => {
        const change = c.from && c.from !== c.to ? `${stateWord(c.from, lang)} → ${stateWord(c.to, lang)}` : stateWord(c.to, lang);
        return `${c.date} ${c.task} ${c.title}：${change}${c.note ? ` — ${c.note}` : ''}`;
      }),
    });
  }
  blocks.push({ kind: 'signature', lines: [r.unit.name, documentDate(r.to < ledger.asOf ? r.to : ledger.asOf, lang)] });
  return {
    lang,
    title: zh ? `${shortName(r.unit)}关于${plan.title}任务推进落实情况的报告` : `${shortName(r.unit)}: progress report on ${plan.title}`,
    blocks,
    footnote: `${t('generated', lang)} · ${t('asOf', lang)} ${ledger.asOf}`,
  };
}
