/**
 * The county's ledger as a workbook (工作台账): 任务总表, 单位台账, 逾期清单,
 * 报送情况. Real cell types (dates are dates, counts numbers), the light as a
 * word with a fill, frozen header, autofilter, widths for Chinese text, and a
 * print set-up the office can print as it is. exceljs is passed in: the
 * command loads it only when it runs.
 */
import type ExcelJS from 'exceljs';
import type { Cell } from 'exceljs';
import type { Assignment, Ledger, TaskRow } from '../ledger/index.js';
import { returnsFor } from '../ledger/returns.js';
import { shortName } from '../ledger/units.js';
import { assignmentLightWord, colon, extendedWord, lightWord, reviewWord, roleWord, rowDaysWord, stateWord, t } from '../render/labels.js';
import { cellDate, headerText } from './cells.js';
import { addRow, finishSheets, sheet } from './sheets.js';
import { lightFill, w } from './words.js';
import { addScoreSheets, type ScoreView } from './score-sheet.js';
import type { Lang } from '../render/lang.js';

export interface LedgerBookView {
  ledger: Ledger;
  /** Rows already narrowed to the units asked for (their roll-ups count only those). */
  rows: TaskRow[];
  /** The units asked for; undefined for all. */
  units?: Set<string>;
  lang: Lang;
  /** The scores, when the plan has a scoring policy. */
  score?: ScoreView;
}

export async function ledgerWorkbook(excel: typeof ExcelJS, v: LedgerBookView): Promise<Uint8Array> {
  const { ledger, lang } = v;
  const { plan } = ledger.data;
  const book = new excel.Workbook();
  book.creator = 'plan-ledger';
  book.title = plan.title;
  // Fixed, so the same ledger gives the same file.
  book.created = cellDate(ledger.asOf);
  book.modified = cellDate(ledger.asOf);
  const page = `&L${headerText(`${plan.title}（${plan.document}）`)}&R${headerText(`${t('asOf', lang)}${colon(lang)}${ledger.asOf}`)}`;
  const name = (id: string): string => {
    const unit = ledger.unitsById.get(id);
    return unit ? shortName(unit) : (ledger.data.groups.find((g) => g.id === id)?.name ?? id);
  };

  // 任务总表
  const tasks = sheet(book, w('tasksSheet', lang), page, [t('id', lang), t('task', lang), t('lead', lang), t('responsible', lang), t('deadline', lang), t('days', lang), t('done', lang), w('totalCount', lang), w('share', lang), t('light', lang)], [12, 36, 24, 30, 12, 14, 8, 8, 8, 12]);
  for (const r of v.rows) {
    const row = addRow(tasks, [
      r.task.id,
      r.task.title,
      r.task.lead.map(name).join('、') + (r.task.leadOpen ? t('openList', lang) : ''),
      r.task.responsible.map(name).join('、'),
      r.task.deadline === null ? t('noDeadline', lang) : cellDate(r.task.deadline),
      // The terminal's words (剩12天, 逾170天, 提前2天完成, 04-08报结): a bare −169 under 剩余天数 read as days left, for a task done early.
      rowDaysWord(r, lang, ledger.dayUnit, ledger.asOf),
      r.done,
      r.total,
      r.total === 0 ? null : r.done / r.total,
      lightWord(r.light, lang, r.total > 0 && r.done === r.total),
    ]);
    row.getCell(6).alignment = { ...row.getCell(6).alignment, horizontal: 'right' };
    row.getCell(9).numFmt = '0%';
    paintLight(row.getCell(10), r.light);
  }

  const assignments = v.rows.flatMap((r) => r.assignments);
  // Under review, or once a unit asked for more time: the review column and the 审核情况 sheet.
  const reviewed = plan.review === 'required' || assignments.some((a) => a.entry?.review !== undefined || a.entry?.extensions !== undefined);
  // 单位台账: one row per task × unit, by unit then deadline.
  const units = sheet(
    book,
    w('unitsSheet', lang),
    page,
    [t('unit', lang), t('id', lang), t('task', lang), t('role', lang), t('deadline', lang), t('state', lang), t('light', lang), t('progressNote', lang), t('evidence', lang), t('completed', lang), w('reason', lang), t('overdueDays', lang), ...(reviewed ? [t('review', lang)] : [])],
    [14, 10, 30, 8, 12, 10, 10, 40, 36, 12, 30, 10, ...(reviewed ? [36] : [])],
  );
  const unitOrder = new Map(ledger.data.units.map((u, i) => [u.id, i]));
  const byUnit = (a: Assignment, b: Assignment): number => unitOrder.get(a.unit.id)! - unitOrder.get(b.unit.id)!;
  for (const a of [...assignments].sort(byUnit)) {
    const d = a.entry?.details;
    const row = addRow(units, [
      shortName(a.unit),
      a.task.id,
      a.task.title,
      roleWord(a.role, lang),
      a.deadline === null ? t('noDeadline', lang) : cellDate(a.deadline),
      stateWord(a.state, lang),
      assignmentLightWord(a, lang),
      d?.progress ?? null,
      d && d.evidence.length > 0 ? d.evidence.join('\n') : null,
      a.entry?.completed ? cellDate(a.entry.completed) : null,
      d?.reason ?? null,
      a.daysOverdue > 0 ? a.daysOverdue : null,
      ...(reviewed ? [reviewCell(a, lang)] : []),
    ]);
    paintLight(row.getCell(7), a.light);
  }

  // 逾期清单: longest overdue first.
  const overdue = sheet(book, w('overdueSheet', lang), page, [t('unit', lang), t('id', lang), t('task', lang), t('role', lang), t('deadline', lang), t('overdueDays', lang), t('state', lang)], [14, 10, 36, 8, 12, 10, 10]);
  for (const a of assignments.filter((x) => x.daysOverdue > 0).sort((x, y) => y.daysOverdue - x.daysOverdue || byUnit(x, y))) {
    const row = addRow(overdue, [shortName(a.unit), a.task.id, a.task.title, roleWord(a.role, lang), cellDate(a.deadline!), a.daysOverdue, stateWord(a.state, lang)]);
    paintLight(row.getCell(6), a.light);
  }

  // 报送情况: every checkpoint, every unit that reports at it.
  const returns = sheet(book, w('returnsSheet', lang), page, [t('checkpoint', lang), t('unit', lang), w('recipient', lang), w('returnState', lang), w('received', lang), w('file', lang)], [12, 14, 12, 12, 12, 30]);
  const checkpoints = [...ledger.data.plan.checkpoints].sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const c of checkpoints) {
    for (const r of returnsFor(ledger, c)) {
      if (v.units && !v.units.has(r.unit.id)) continue;
      const word = r.received ? w('returned', lang) : r.late ? w('lateReturn', lang) : w('notReturned', lang);
      const row = addRow(returns, [cellDate(c.date), shortName(r.unit), name(c.recipient), word, r.received ? cellDate(r.received.received) : null, r.received?.file ?? null]);
      paintLight(row.getCell(4), r.received ? 'green' : r.late ? 'red' : 'none');
    }
  }

  if (reviewed) reviewSheet(book, page, [...assignments].sort(byUnit), ledger.asOf, lang);
  // 考核评分: only when the plan has a scoring policy.
  if (v.score) addScoreSheets(book, page, v.score, lang);

  finishSheets(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The office's view in a cell: 待审核/已销号/已退回 with the reason, and both deadlines when extended. */
function reviewCell(a: Assignment, lang: Lang): string | null {
  const parts: string[] = [];
  if (a.review !== null) parts.push(reviewWord(a.review, lang) + (a.review === 'returned' && a.returnReason ? `${colon(lang)}${a.returnReason}` : ''));
  const extended = extendedWord(a, lang);
  if (extended) parts.push(extended);
  for (const x of a.extensionsPending ?? []) parts.push(lang === 'zh' ? `申请延期至 ${x.to}，待审批` : `asked until ${x.to}, awaiting the office`);
  return parts.length === 0 ? null : parts.join('\n');
}

/** 审核情况: every decision and every request for more time, as recorded up to the as-of date, one a row. */
function reviewSheet(book: ExcelJS.Workbook, page: string, assignments: Assignment[], asOf: string, lang: Lang): void {
  const zh = lang === 'zh';
  const s = sheet(
    book,
    t('reviewSheet', lang),
    page,
    [t('unit', lang), t('id', lang), t('task', lang), zh ? '事项' : 'Record', zh ? '日期' : 'Date', zh ? '结果' : 'Outcome', t('decidedBy', lang), t('claimed', lang), t('originalDeadline', lang), zh ? '延期至' : 'Until', w('reason', lang)],
    [14, 10, 30, 10, 12, 12, 16, 12, 12, 12, 36],
  );
  for (const a of assignments) {
    const e = a.entry;
    if (!e) continue;
    // What was recorded by the as-of date: a later decision is not yet made then.
    for (const r of e.review ?? []) {
      if (r.date > asOf) continue;
      addRow(s, [shortName(a.unit), a.task.id, a.task.title, zh ? '审核' : 'review', cellDate(r.date), reviewDecisionWord(r.decision, lang), r.by ?? null, r.claim ? cellDate(r.claim) : null, null, null, r.reason ?? r.note ?? null]);
    }
    for (const recorded of e.extensions ?? []) {
      if (recorded.requested > asOf) continue;
      const x = recorded.decided !== undefined && recorded.decided > asOf ? { requested: recorded.requested, to: recorded.to, reason: recorded.reason, late: recorded.late, by: recorded.by } : recorded;
      const outcome = x.decision === undefined ? (zh ? '待审批' : 'awaiting') : x.decision === 'granted' ? (zh ? '批准' : 'granted') : zh ? '不予延期' : 'refused';
      const reason = [x.reason, x.decisionReason].filter((r) => r !== undefined && r !== '').join(zh ? '；' : '; ');
      addRow(s, [shortName(a.unit), a.task.id, a.task.title, zh ? (x.late ? '延期申请（逾期）' : '延期申请') : x.late ? 'extension (late)' : 'extension', cellDate(x.decided ?? x.requested), outcome, x.decidedBy ?? x.by ?? null, null, a.task.deadline === null ? null : cellDate(a.task.deadline), cellDate(x.grantedTo ?? x.to), reason]);
    }
  }
}

const reviewDecisionWord = (d: 'accepted' | 'returned' | 'reopened', lang: Lang): string =>
  d === 'reopened' ? (lang === 'zh' ? '重新审核' : 'reopened') : reviewWord(d, lang);

function paintLight(cell: Cell, light: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: lightFill(light) } };
}

