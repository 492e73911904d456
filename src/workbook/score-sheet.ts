/**
 * 考核评分 in a workbook: the ranking, and every line of every unit's score
 * with its rule and its records (file:line, commit). A sheet of the ledger
 * workbook (plan export --format xlsx) and a workbook of its own (plan score
 * --format xlsx). exceljs is passed in.
 */
import type ExcelJS from 'exceljs';
import type { Scoreboard } from '../ledger/score.js';
import { shortName } from '../ledger/units.js';
import { colon, recordWord, roleWord, scoreEventWord, scoreLabel, t } from '../render/labels.js';
import { policyText, tally, type PlacedLine } from '../render/reports/score.js';
import { cellDate, headerText } from './cells.js';
import { addRow, finishSheets, sheet } from './sheets.js';
import type { Lang } from '../render/lang.js';

export interface ScoreView {
  board: Scoreboard;
  /** Each unit's lines with the lines of their rules and records, by unit id. */
  placed: Map<string, PlacedLine[]>;
  rulesFile: string;
}

const at = (p: { file: string; line?: number }): string => (p.line === undefined ? p.file : `${p.file}:${p.line}`);

export function addScoreSheets(book: ExcelJS.Workbook, page: string, v: ScoreView, lang: Lang): void {
  const { board } = v;
  const ranking = sheet(book, scoreLabel('scoreTitle', lang), page, [scoreLabel('rank', lang), t('unit', lang), t('id', lang), scoreLabel('total', lang), scoreLabel('added', lang), scoreLabel('deducted', lang), scoreLabel('lines', lang)], [8, 16, 14, 10, 10, 10, 10]);
  for (const u of board.units) {
    const { added, deducted, lines } = tally(u);
    addRow(ranking, [u.rank, shortName(u.unit), u.unit.id, u.total, added, deducted, lines]);
  }
  const lines = sheet(
    book,
    scoreLabel('scoreLines', lang),
    page,
    [t('unit', lang), scoreLabel('date', lang), t('id', lang), t('task', lang), t('checkpoint', lang), scoreLabel('event', lang), t('role', lang), scoreLabel('points', lang), scoreLabel('rule', lang), scoreLabel('record', lang)],
    [14, 12, 10, 30, 12, 16, 8, 8, 40, 50],
  );
  for (const u of board.units) {
    for (const { line: l, policy, records } of v.placed.get(u.unit.id) ?? []) {
      addRow(lines, [
        shortName(u.unit),
        cellDate(l.date),
        l.task?.id ?? null,
        l.task?.title ?? null,
        l.checkpoint ? cellDate(l.checkpoint) : null,
        scoreEventWord(l, lang),
        l.role ? roleWord(l.role, lang) : null,
        l.points,
        `${at(policy)}  ${policyText(l, board.scoring)}`,
        records.map((r) => `${at(r)}${r.commit ? ` @${r.commit.slice(0, 10)}` : ''} ${recordWord(r.kind, lang)}`).join('\n') || null,
      ]);
    }
  }
}

/** `plan score --format xlsx`: the two score sheets alone. */
export async function scoreWorkbook(excel: typeof ExcelJS, v: ScoreView & { lang: Lang; title: string }): Promise<Uint8Array> {
  const book = new excel.Workbook();
  book.creator = 'plan-ledger';
  book.title = `${v.title} ${scoreLabel('scoreTitle', v.lang)}`;
  // Fixed, so the same record gives the same file.
  book.created = cellDate(v.board.to);
  book.modified = cellDate(v.board.to);
  const page = `&L${headerText(`${v.title} · ${scoreLabel('scoreTitle', v.lang)}`)}&R${headerText(`${scoreLabel('period', v.lang)}${colon(v.lang)}${v.board.from ?? '…'} – ${v.board.to}`)}`;
  addScoreSheets(book, page, v, v.lang);
  finishSheets(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
