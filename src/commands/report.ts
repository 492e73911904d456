/** `plan report`: the progress report a unit hands in at a checkpoint. */
import { join } from 'node:path';
import { buildLedger } from '../ledger/index.js';
import { progressReport } from '../ledger/report.js';
import { reportJson, reportMarkdown } from '../render/report.js';
import { loadValidPlan, print, writeFileAtomic, type Context } from './context.js';
import { resolveUnits } from './resolve.js';
import { reportDocx } from './report-docx.js';

export interface ReportOptions {
  format: 'md' | 'json' | 'docx';
  checkpoint?: string;
  out?: string;
}

export async function report(ctx: Context, name: string, options: ReportOptions): Promise<void> {
  const { data, asOf } = await loadValidPlan(ctx, true);
  const ledger = buildLedger(data, asOf);
  const reports = resolveUnits(ledger, name).units.map((u) => progressReport(ledger, u, options.checkpoint));
  if (options.format === 'docx') return reportDocx(ctx, reports, ledger, options.out);
  if (options.out !== undefined) {
    // Unit ids are ASCII letters, digits, - and _: safe file names.
    for (const r of reports) writeFileAtomic(join(options.out, `${r.unit.id}-${r.to}.md`), reportMarkdown(r, ledger, ctx.lang));
    print(ctx.lang === 'zh' ? `已写入 ${reports.length} 份报告到 ${options.out}` : `wrote ${reports.length} reports to ${options.out}`);
    return;
  }
  print(options.format === 'json' ? (reports.length === 1 ? reportJson(reports[0]!, ledger) : `[${reports.map((r) => reportJson(r, ledger).trim()).join(',\n')}]\n`) : reports.map((r) => reportMarkdown(r, ledger, ctx.lang)).join('\n'));
}
