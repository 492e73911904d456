/** `plan score`: the units ranked by the office's own scoring policy, and any unit's score explained line by line. */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { buildLedger } from '../ledger/index.js';
import { scoreUnits, type Scoreboard, type ScoreLine } from '../ledger/score.js';
import { linesOf, type PathInFile } from '../load/record-lines.js';
import { SCORING_FILE } from '../load/plan-files.js';
import type { IsoDate, PlanData } from '../model.js';
import { label } from '../render/messages.js';
import { scoreExplanation, scoreRanking, type PlacedLine } from '../render/reports/score.js';
import { gitRecord, writeFileAtomic, writeOutput } from '../store/index.js';
import { loadValidPlan, print, type Context } from './context.js';
import { resolveUnit } from './resolve.js';

export interface ScoreOptions {
  from?: string;
  to?: string;
  format: 'table' | 'md' | 'json' | 'csv' | 'xlsx';
  explain?: string;
  out?: string;
}

/** Shown when the plan has no scoring.yaml: the shape of one, not a policy. */
const EXAMPLE = ['base: 100', 'rules:', '  - { event: closed-late, role: lead, per: day, points: -1, cap: 10 }', '  - { event: returned, points: -2 }', '  - { event: report-missing, points: -3 }']
  .map((l) => `  ${l}`)
  .join('\n');

export async function score(ctx: Context, options: ScoreOptions): Promise<void> {
  if (options.format === 'xlsx' && options.out === undefined) throw new UsageError('xlsx-needs-out');
  // The score as it stood on --to: the plan is read as of that day.
  const asOfCtx = options.to !== undefined ? { ...ctx, asOf: options.to } : ctx;
  const { data, asOf } = await loadValidPlan(asOfCtx, true);
  if (options.from !== undefined && options.from > asOf) throw new UsageError('scoring-range', { from: options.from, to: asOf });
  const scores = await scoresOf(ctx, data, asOf, options.from);
  if (!scores) throw new UsageError('no-scoring-rules', { file: join(ctx.planDir, SCORING_FILE), example: EXAMPLE });
  const { board, rulesFile } = scores;
  if (data.scoring?.example) process.stderr.write(`${label('scoringExampleRanks', ctx.lang)(rulesFile)}\n`);

  if (options.format === 'xlsx') {
    const placed = await placeAll(board, rulesFile);
    const { default: excel } = await import('exceljs');
    const { scoreWorkbook } = await import('../workbook/score-sheet.js');
    writeFileAtomic(options.out!, await scoreWorkbook(excel, { board, placed, rulesFile, lang: ctx.lang, title: data.plan.title }));
    print(ctx.lang === 'zh' ? `已写入 ${options.out}（${board.units.length} 个单位）` : `wrote ${options.out} (${board.units.length} units)`);
    return;
  }
  let text: string;
  if (options.explain !== undefined) {
    const unit = resolveUnit(data, options.explain);
    const scored = board.units.find((u) => u.unit.id === unit.id);
    if (!scored) throw new UsageError('score-unit-not-scored', { unit: unit.id, to: asOf });
    text = scoreExplanation(board, scored, await placeLines(scored.lines, rulesFile), rulesFile, options.format, ctx.lang, ctx.columns);
  } else {
    text = scoreRanking(board, rulesFile, options.format, ctx.lang, ctx.columns);
  }
  if (options.out === undefined) return print(text);
  writeOutput(options.out, text);
  print(ctx.lang === 'zh' ? `已写入 ${options.out}` : `wrote ${options.out}`);
}

/**
 * The scores on `to` (from `from`), for every output that shows them; undefined
 * when the plan has no scoring.yaml. The whole record is replayed: history from
 * the status files, and from git for entries whose file keeps none.
 */
export async function scoresOf(ctx: Context, data: PlanData, to: IsoDate, from?: IsoDate): Promise<{ board: Scoreboard; rulesFile: string } | undefined> {
  if (!data.scoring || data.origins.scoring === undefined) return undefined;
  const ledger = buildLedger(data, to, await gitRecord(ctx.planDir, data));
  return { board: scoreUnits(ledger, data.scoring, from), rulesFile: data.origins.scoring };
}

/**
 * The scores for the documents and pages that show them beside the rest (通报, site, workbook):
 * none while scoring.yaml is the example (`example: true`), which is said once on stderr.
 */
export async function adoptedScoresOf(ctx: Context, data: PlanData, to: IsoDate): Promise<{ board: Scoreboard; rulesFile: string } | undefined> {
  if (data.scoring?.example && data.origins.scoring !== undefined) {
    process.stderr.write(`${label('scoringExampleLeftOut', ctx.lang)(data.origins.scoring)}\n`);
    return undefined;
  }
  return scoresOf(ctx, data, to);
}

/** Each line with the lines of its rule and of its records in their files. */
export async function placeLines(lines: readonly ScoreLine[], rulesFile: string): Promise<PlacedLine[]> {
  const wanted: PathInFile[] = [];
  for (const l of lines) {
    wanted.push({ file: rulesFile, path: l.policy });
    for (const r of l.records) wanted.push({ file: r.file, path: r.path });
  }
  const found = await linesOf(wanted);
  let i = 0;
  return lines.map((line) => {
    const policy = { file: rulesFile, ...lineAt(found[i++]) };
    const records = line.records.map((r) => ({ ...r, ...lineAt(found[i++]) }));
    return { line, policy, records };
  });
}

/** Every unit's lines placed, by unit id. */
export async function placeAll(board: Scoreboard, rulesFile: string): Promise<Map<string, PlacedLine[]>> {
  const all = await placeLines(board.units.flatMap((u) => u.lines), rulesFile);
  const byUnit = new Map<string, PlacedLine[]>();
  let i = 0;
  for (const u of board.units) byUnit.set(u.unit.id, all.slice(i, (i += u.lines.length)));
  return byUnit;
}

const lineAt = (line: number | undefined): { line?: number } => (line === undefined ? {} : { line });
