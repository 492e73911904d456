/**
 * `plan report <unit> --format docx`: the unit's progress report at a
 * checkpoint as an OfficialDocument, addressed to the checkpoint's recipient.
 */
import { isClosed, isDone, type Ledger } from '../../ledger/index.js';
import { stagesOf } from '../../ledger/milestones.js';
import type { ProgressReport } from '../../ledger/report.js';
import { shortName } from '../../ledger/units.js';
import { documentDate, headingNumber, signatureDate, type Block, type OfficialDocument } from './document.js';
import { assignmentStateWord, daysWord, deadlineWords, extendedWord, reviewedStateWord, stateWord, t } from '../labels.js';
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
  // 完成情况: how a closed task closed (提前5天完成), an open one's state and days; the evidence listed after the table.
  const evidence = r.assignments.flatMap((a) => (a.entry?.details?.evidence ?? []).map((e) => `${a.task.id}${zh ? '：' : ': '}${e}`));
  blocks.push({
    kind: 'table',
    // The unit's role is its own business here (the office's tables show it); the room goes to the texts.
    header: [t('id', lang), t('task', lang), t('deadline', lang), zh ? '完成情况' : 'State', t('progressNote', lang)],
    wrap: ['never', 'free', 'never', 'once', 'free'],
    rows: r.assignments.map((a) => {
      const n = a.entry?.details?.evidence?.length ?? 0;
      return [
        a.task.id,
        a.task.title,
        extendedWord(a, lang) ?? deadlineWords(a.task, lang),
        a.review !== null ? reviewedStateWord(a, lang) : isClosed(a.state) || a.deadline === null ? assignmentStateWord(a, lang) : `${stateWord(a.state, lang)}${zh ? '，' : ', '}${daysWord(ledger.daysTo(a.deadline), lang, ledger.dayUnit)}`,
        [a.entry?.details?.progress, a.entry?.details?.reason, ...reviewNotes(a, lang), n > 0 ? (zh ? `佐证材料${n}项` : `${n} evidence`) : undefined].filter((x): x is string => !!x && x.trim() !== '').join(zh ? '；' : '; '),
      ];
    }),
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
  if (evidence.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: `${headingNumber(3, 1, lang)}${zh ? '佐证材料' : 'Evidence'}` });
    blocks.push({ kind: 'list', items: evidence });
  }
  blocks.push({ kind: 'signature', lines: [r.unit.name, signatureDate(r.to < ledger.asOf ? r.to : ledger.asOf, lang)] });
  return {
    lang,
    title: zh ? `${shortName(r.unit)}关于${plan.title}任务推进落实情况的报告` : `${shortName(r.unit)}: progress report on ${plan.title}`,
    blocks,
    generator: `${t('generated', lang)} · ${t('asOf', lang)} ${ledger.asOf}`,
  };
}
