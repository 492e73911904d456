/**
 * `plan report`: the progress report a unit hands in at a checkpoint. The
 * checkpoints are the plan's own: any other date needs an explicit period. The
 * report shows the ledger as it stood at the end of the period (or on the
 * as-of date, if that comes first), so a past checkpoint's report is the same
 * however late it is run.
 */
import { countOf } from '../render/labels.js';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { checklistFor } from '../ledger/checklist.js';
import { buildLedger, type Ledger } from '../ledger/index.js';
import { progressReport, type ProgressReport } from '../ledger/report.js';
import { shortName, unitIdsNamed } from '../ledger/units.js';
import type { IsoDate, Unit } from '../model.js';
import { reportJson, reportMarkdown } from '../render/reports/report.js';
import { loadValidPlan, print, type Context } from './context.js';
import { resolveUnits } from './resolve.js';
import { reportDocx } from './report-docx.js';
import { gitReplay, writeFileAtomic } from '../store/index.js';

export interface ReportOptions {
  format: 'md' | 'json' | 'docx';
  checkpoint?: string;
  from?: string;
  to?: string;
  out?: string;
  force?: boolean;
}

type Period = { kind: 'checkpoint'; date?: IsoDate } | { kind: 'period'; from: IsoDate; to: IsoDate };

function periodOf(options: ReportOptions): Period {
  if (options.from !== undefined || options.to !== undefined) {
    if (options.checkpoint !== undefined) throw new UsageError('report-period-and-checkpoint');
    if (options.from === undefined || options.to === undefined) throw new UsageError('report-period-incomplete');
    if (options.from > options.to) throw new UsageError('report-period-order', { from: options.from, to: options.to });
    return { kind: 'period', from: options.from, to: options.to };
  }
  return options.checkpoint === undefined ? { kind: 'checkpoint' } : { kind: 'checkpoint', date: options.checkpoint };
}

export async function report(ctx: Context, name: string, options: ReportOptions): Promise<void> {
  const period = periodOf(options);
  const end = period.kind === 'period' ? period.to : period.date;
  const { data, asOf } = await loadValidPlan(ctx, {
    // Texts for the units reported on; history kept for the end of the period.
    details: (plan) => {
      const ids = unitIdsNamed(plan, name);
      return (unit) => ids.has(unit);
    },
    ...(end !== undefined && { replayAt: end }),
    refuseBeforeSigned: options.force !== true,
  });
  const all = data.plan.checkpoints.map((c) => c.date).sort();
  if (period.kind === 'checkpoint' && period.date !== undefined && !all.includes(period.date)) {
    throw new UsageError('report-unknown-checkpoint', { date: period.date, checkpoints: all.join(', ') || '—' });
  }
  const replay = await gitReplay(ctx.planDir, data, end !== undefined && end < asOf ? end : asOf);
  const now = buildLedger(data, asOf, replay);
  const units = resolveUnits(now, name).units;

  // Each unit's period: the one asked for, or its checkpoint.
  const plans: { unit: Unit; from?: IsoDate; to: IsoDate }[] = [];
  const skipped: Unit[] = [];
  for (const unit of units) {
    if (period.kind === 'period') {
      plans.push({ unit, from: period.from, to: period.to });
      continue;
    }
    const own = checklistFor(now, unit).checkpoints.map((c) => c.date).sort();
    const to = period.date ?? own.find((d) => d >= asOf);
    if (own.length === 0 || (to !== undefined && !own.includes(to))) {
      // A group's member that does not report is left out; a unit named alone is told so.
      if (units.length > 1) {
        skipped.push(unit);
        continue;
      }
      if (own.length === 0) throw new UsageError('report-unit-reports-nowhere', { unit: shortName(unit) });
      throw new UsageError('report-unit-not-at-checkpoint', { unit: shortName(unit), date: to!, checkpoints: own.join(', ') });
    }
    if (to === undefined) throw new UsageError('report-no-checkpoint-ahead', { unit: shortName(unit), asOf, checkpoints: own.join(', ') });
    plans.push({ unit, to });
  }
  if (plans.length === 0) throw new UsageError('report-group-reports-nowhere', { name, date: period.kind === 'checkpoint' ? (period.date ?? '') : '' });
  if (skipped.length > 0) {
    const names = skipped.map(shortName).join('、');
    process.stderr.write(ctx.lang === 'zh' ? `不报送（已略过）：${names}\n` : `left out, they do not report at this checkpoint: ${names}\n`);
  }

  // The ledger as it stood at the end of each period (never later than the as-of date).
  const ledgers = new Map<IsoDate, Ledger>([[asOf, now]]);
  const ledgerAt = (date: IsoDate): Ledger => {
    const at = date < asOf ? date : asOf;
    let ledger = ledgers.get(at);
    if (!ledger) ledgers.set(at, (ledger = buildLedger(data, at, replay)));
    return ledger;
  };
  const reports: { report: ProgressReport; ledger: Ledger }[] = plans.map((p) => {
    const ledger = ledgerAt(p.to);
    return { report: progressReport(ledger, p.unit, p.from === undefined ? p.to : { from: p.from, to: p.to }), ledger };
  });

  if (options.format === 'docx') return reportDocx(ctx, reports, options.out);
  if (options.out !== undefined) {
    // Unit ids are ASCII letters, digits, - and _: safe file names.
    for (const { report: r, ledger } of reports) writeFileAtomic(join(options.out, `${r.unit.id}-${r.to}.md`), reportMarkdown(r, ledger, ctx.lang));
    print(ctx.lang === 'zh' ? `已写入 ${reports.length} 份报告到 ${options.out}` : `wrote ${countOf(reports.length, 'report')} to ${options.out}`);
    return;
  }
  if (options.format === 'json') {
    print(reports.length === 1 ? reportJson(reports[0]!.report, reports[0]!.ledger) : `[${reports.map(({ report: r, ledger }) => reportJson(r, ledger).trim()).join(',\n')}]\n`);
    return;
  }
  print(reports.map(({ report: r, ledger }) => reportMarkdown(r, ledger, ctx.lang)).join('\n'));
}
