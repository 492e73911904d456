/**
 * A unit's fill-in form (填报表) for a checkpoint: every task assigned to the
 * unit (through its groups too), with role and deadline, pre-filled with the
 * current state. Task columns are locked and the sheet is protected; the unit
 * edits state (a drop-down), progress, evidence, completion date (validated)
 * and reason. A hidden, protected sheet says what the form was made from.
 */
import type ExcelJS from 'exceljs';
import type { Checklist } from '../ledger/checklist.js';
import type { Ledger } from '../ledger/index.js';
import { shortName } from '../ledger/units.js';
import type { Checkpoint } from '../model.js';
import { colon, roleWord, stateWord, t } from '../render/labels.js';
import { cellDate, cellText, DATE_FORMAT, fitRowHeights, headerText } from './cells.js';
import { formSignature, planFingerprint, prefilledRow, rowDigest, taskDigest, type SignedMeta } from './fingerprint.js';
import { COL, EDITABLE, FORM_FORMAT, FORM_VERSION, HEADER_ROW, LAST_COL, META_KEYS, META_SHEET } from './form-layout.js';
import { stateChoices, w } from './words.js';
import type { Lang } from '../render/lang.js';

const LOCKED_FILL = 'FFEFEFEF';
const HEADER_FILL = 'FFD9D9D9';

/** The form, its hidden sheet signed with the office's `key` (see store/secret.ts). */
export async function unitForm(excel: typeof ExcelJS, ledger: Ledger, list: Checklist, checkpoint: Checkpoint, lang: Lang, key: Buffer): Promise<Uint8Array> {
  const { plan } = ledger.data;
  const unit = list.unit;
  const recipient = ledger.unitsById.get(checkpoint.recipient);
  const book = new excel.Workbook();
  book.creator = 'plan-ledger';
  book.title = `${shortName(unit)} · ${w('formTitle', lang)}`;
  book.created = cellDate(ledger.asOf);
  book.modified = cellDate(ledger.asOf);
  const sheetName = w('formSheet', lang);
  const sheet = book.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    headerFooter: { oddHeader: `&L${headerText(`${shortName(unit)} · ${w('formTitle', lang)}`)}&R${headerText(`${t('checkpoint', lang)}${colon(lang)}${checkpoint.date}`)}`, oddFooter: '&C&P / &N' },
  });
  sheet.columns = [
    { width: 10 },
    { width: 34 },
    { width: 8 },
    { width: 12 },
    { width: 10 },
    { width: 40 },
    { width: 32 },
    { width: 12 },
    { width: 28 },
    { width: 12 },
    { width: 24 },
    { width: 24 },
  ];

  // The block above the table: whose form, which plan, what to do by when.
  const lines = [
    `${shortName(unit)}（${unit.name}）· ${w('formTitle', lang)}`,
    `${plan.title}（${plan.document}）`,
    w('fillIn', lang, { date: checkpoint.date, recipient: recipient ? shortName(recipient) : checkpoint.recipient }),
    w('fillRules', lang, { states: stateChoices(lang).join('/'), asOf: ledger.asOf }),
  ];
  lines.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = cellText(text);
    row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : { size: 10 };
    row.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
    row.height = i === 0 ? 24 : 30;
    sheet.mergeCells(i + 1, 1, i + 1, LAST_COL);
  });

  const head = sheet.getRow(HEADER_ROW);
  formHeaders(lang).forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    c.border = { bottom: { style: 'thin' } };
  });

  const choices = stateChoices(lang);
  list.assignments.forEach((a, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    const d = a.entry?.details;
    // A request still awaiting the office is shown as asked; the office's reason for a return, read-only.
    const asked = a.extensionsPending?.at(-1);
    const values: Record<number, string | Date | null> = {
      [COL.id]: a.task.id,
      [COL.title]: cellText(a.task.title),
      [COL.role]: roleWord(a.role, lang),
      // The deadline in force for this unit: an extension granted moves it.
      [COL.deadline]: a.deadline === null ? t('noDeadline', lang) : cellDate(a.deadline),
      [COL.extendTo]: asked ? cellDate(asked.to) : null,
      [COL.extendReason]: asked ? cellText(asked.reason) : null,
      [COL.returnReason]: a.returnReason === undefined ? null : cellText(a.returnReason),
      [COL.state]: stateWord(a.state, lang),
      [COL.progress]: d?.progress === undefined ? null : cellText(d.progress),
      [COL.evidence]: d && d.evidence.length > 0 ? cellText(d.evidence.join('\n')) : null,
      // The completion in force on the form's date, as the state beside it (a back-dated form shows no later completion).
      [COL.completed]: a.completed ? cellDate(a.completed) : null,
      [COL.reason]: d?.reason === undefined ? null : cellText(d.reason),
    };
    for (let col = 1; col <= LAST_COL; col++) {
      const c = row.getCell(col);
      c.value = values[col] ?? null;
      c.alignment = { wrapText: true, vertical: 'top' };
      if (col === COL.deadline || col === COL.completed || col === COL.extendTo) c.numFmt = DATE_FORMAT;
      const editable = (EDITABLE as readonly number[]).includes(col);
      c.protection = { locked: !editable };
      if (!editable) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LOCKED_FILL } };
      c.border = { bottom: { style: 'hair' } };
    }
    // The list is written into the validation itself: no helper range to break.
    row.getCell(COL.state).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: w('pickState', lang),
      showInputMessage: true,
      prompt: choices.join(' / '),
    };
    row.getCell(COL.extendTo).dataValidation = {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [cellDate('2000-01-01'), cellDate('2099-12-31')],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: w('pickDate', lang),
    };
    row.getCell(COL.completed).dataValidation = {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [cellDate('2000-01-01'), cellDate('2099-12-31')],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: w('pickDate', lang),
    };
  });
  fitRowHeights(sheet, HEADER_ROW + 1);
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = book.addWorksheet(META_SHEET, { state: 'hidden' });
  const signed: SignedMeta = {
    format: FORM_FORMAT,
    version: FORM_VERSION,
    plan: plan.id,
    unit: unit.id,
    checkpoint: checkpoint.date,
    fingerprint: planFingerprint(ledger.data.tasks),
    sheet: sheetName,
    headerRow: HEADER_ROW,
    made: ledger.asOf,
    tasks: list.assignments.map((a) => [a.task.id, taskDigest(a.task), rowDigest(prefilledRow(a))]),
  };
  for (const key of META_KEYS) meta.addRow([key, signed[key]]);
  for (const task of signed.tasks) meta.addRow(['task', ...task]);
  meta.addRow(['signature', formSignature(key, signed)]);
  await meta.protect('', {});
  meta.getColumn(1).width = 12;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The table's header row, column by column. */
export function formHeaders(lang: Lang): string[] {
  return [t('id', lang), t('task', lang), t('role', lang), t('deadline', lang), w('stateCol', lang), t('progressNote', lang), t('evidence', lang), t('completed', lang), w('reason', lang), w('extendTo', lang), w('extendReason', lang), w('returnReason', lang)];
}

/** A file name for the unit's form: its short name, made safe for every file system. */
export function formFileName(name: string): string {
  const safe = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').trim();
  return `${safe === '' ? '_' : safe}.xlsx`;
}
