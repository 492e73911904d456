/**
 * `plan export`: the resolved plan as JSON, a stable contract for scripts;
 * or, with `--format xlsx`, the county's ledger as a workbook.
 */
import { UsageError } from '../errors.js';
import { buildLedger, rollUp } from '../ledger/index.js';
import { LazyArray, writeJson } from '../render/json-stream.js';
import type { StatusEntry } from '../model.js';
import { entriesAgain } from '../validate/status-files.js';
import { loadValidPlan, print, type Context } from './context.js';
import { resolveUnits } from './resolve.js';
import { adoptedScoresOf, placeAll } from './score.js';
import type { ScoreView } from '../workbook/score-sheet.js';
import { gitReplay, writeFileAtomic } from '../store/index.js';

export interface ExportOptions {
  format?: 'json' | 'xlsx';
  /** Include the units' contact forms (personal data). */
  includeContacts?: boolean;
  out?: string;
  unit?: string;
  group?: string;
}

export async function exportPlan(ctx: Context, options: ExportOptions = {}): Promise<void> {
  if (options.format === 'xlsx') return exportWorkbook(ctx, options);
  // Checked without the texts; the status files are then read again one by one
  // as their entries are written (entriesAgain), so a province's texts are never
  // all in memory: peak RSS ~1 GB → see README, Speed.
  const { data, asOf } = await loadValidPlan(ctx, false);
  const { plan } = data;
  // Written element by element: a city plan's export would otherwise sit in memory three times (issue 15).
  await writeJson(
    {
      asOf,
      plan: {
        id: plan.id,
        title: plan.title,
        document: plan.document,
        issuer: plan.issuer,
        signed: plan.signed,
        published: plan.published ?? null,
        implements: plan.implements,
        timezone: plan.timezone,
        review: plan.review ?? 'none',
        warnDays: plan.warnDays,
        span: plan.span ?? null,
        checkpoints: plan.checkpoints.map((c) => ({ date: c.date, reporters: c.reporters, recipient: c.recipient })),
      },
      units: new LazyArray(data.units, (u) => ({
        id: u.id,
        name: u.name,
        short: u.short ?? null,
        aliases: u.aliases,
        kind: u.kind,
        ...(options.includeContacts && { contact: u.contact ?? null }),
      })),
      groups: new LazyArray(data.groups, (g) => ({ id: g.id, name: g.name, aliases: g.aliases, members: g.members, ...(g.membersUnknown && { membersUnknown: true }) })),
      tasks: new LazyArray(data.tasks, (t) => ({
        id: t.id,
        section: t.section,
        title: t.title,
        text: t.text,
        lead: t.lead,
        leadOpen: t.leadOpen,
        responsible: t.responsible,
        deadline: t.deadline,
        deadlineText: t.deadlineText,
        ...(t.deadlineRule && { deadlineRule: t.deadlineRule }),
        ...(t.due && { due: t.due }),
        ongoing: t.ongoing,
        reviewOn: t.reviewOn,
        ...(t.milestones && { milestones: t.milestones }),
        source: t.source ?? null,
      })),
      statuses: new LazyArray(
        entriesAgain(data.origins.statuses, data.statuses),
        (s: StatusEntry) => ({
          unit: s.unit,
          task: s.task,
          state: s.state,
          completed: s.completed ?? null,
          evidence: s.details?.evidence ?? [],
          note: s.details?.progress ?? null,
          reason: s.details?.reason ?? null,
          updated: s.updated ?? null,
          // The office's records as written: decisions and requests for more time (the ledger's reading of them is in status --format json).
          ...(s.review && { review: s.review }),
          ...(s.extensions && { extensions: s.extensions }),
        }),
        data.statuses.length,
      ),
    },
    print,
  );
}

/** The ledger workbook (工作台账), narrowed like `plan status` by --unit and --group. */
async function exportWorkbook(ctx: Context, options: ExportOptions): Promise<void> {
  // A workbook is binary: it goes to a file, never to a terminal.
  if (options.out === undefined) throw new UsageError('xlsx-needs-out');
  const { data, asOf } = await loadValidPlan(ctx, true);
  const ledger = buildLedger(data, asOf, await gitReplay(ctx.planDir, data, asOf));
  let rows = ledger.rows;
  let units: Set<string> | undefined;
  for (const name of [options.unit, options.group]) {
    if (name === undefined) continue;
    const ids = new Set(resolveUnits(ledger, name).units.map((u) => u.id));
    units = units ? new Set([...units].filter((id) => ids.has(id))) : ids;
    const keep = units;
    rows = rows.map((r) => rollUp(ledger, r.task, r.assignments.filter((a) => keep.has(a.unit.id)))).filter((r) => r.total > 0);
  }
  const { default: excel } = await import('exceljs');
  const { ledgerWorkbook } = await import('../workbook/ledger-book.js');
  // 考核评分 when the plan has a scoring policy; narrowed like the rest to the units asked for.
  const scores = await adoptedScoresOf(ctx, data, asOf);
  let score: ScoreView | undefined;
  if (scores) {
    const board = { ...scores.board, units: scores.board.units.filter((u) => !units || units.has(u.unit.id)) };
    score = { board, rulesFile: scores.rulesFile, placed: await placeAll(board, scores.rulesFile) };
  }
  const bytes = await ledgerWorkbook(excel, { ledger, rows, ...(units && { units }), lang: ctx.lang, ...(score && { score }) });
  writeFileAtomic(options.out, bytes);
  print(ctx.lang === 'zh' ? `已写入 ${options.out}（${rows.length} 项任务）` : `wrote ${options.out} (${rows.length} tasks)`);
}
