/** `plan report --format docx`: each unit's report as a GB/T 9704 .docx in the --out folder. */
import { join } from 'node:path';
import type { Ledger } from '../ledger/index.js';
import type { ProgressReport } from '../ledger/report.js';
import { reportDocument } from '../render/documents/report-document.js';
import { print, type Context } from './context.js';
import { needsOut } from './documents.js';
import { writeOutput } from '../store/index.js';

/** Each report with the ledger as it stood at the end of its period. */
export async function reportDocx(ctx: Context, reports: { report: ProgressReport; ledger: Ledger }[], out: string | undefined): Promise<void> {
  needsOut('docx', out);
  const { documentDocx } = await import('../render/documents/official-docx.js');
  // Unit ids are ASCII letters, digits, - and _: safe file names.
  for (const { report: r, ledger } of reports) writeOutput(join(out!, `${r.unit.id}-${r.to}.docx`), await documentDocx(reportDocument(r, ledger, ctx.lang)));
  print(ctx.lang === 'zh' ? `已写入 ${reports.length} 份报告到 ${out}` : `wrote ${reports.length} reports to ${out}`);
}
