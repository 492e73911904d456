/** `plan summary`: the county office's checkpoint summary (落实情况通报) as Markdown, HTML or .docx. */
import { buildLedger } from '../ledger/index.js';
import { buildSummary } from '../ledger/summary.js';
import { documentHtml, documentMarkdown } from '../render/documents/document.js';
import { summaryDocument } from '../render/documents/summary.js';
import { loadValidPlan, print, type Context } from './context.js';
import { checkpointOption, needsOut, wroteMessage } from './documents.js';
import { adoptedScoresOf } from './score.js';
import { writeOutput } from '../store/index.js';

export interface SummaryOptions {
  format: 'md' | 'html' | 'docx';
  checkpoint?: string;
  out?: string;
  force?: boolean;
}

export async function summary(ctx: Context, options: SummaryOptions): Promise<void> {
  needsOut(options.format, options.out);
  // At a checkpoint the summary is as of that day, unless --as-of says otherwise.
  const asOfCtx = options.checkpoint !== undefined && ctx.asOf === undefined ? { ...ctx, asOf: options.checkpoint } : ctx;
  const { data, asOf } = await loadValidPlan(asOfCtx, { details: true, refuseBeforeSigned: options.force !== true });
  if (options.checkpoint !== undefined) checkpointOption(data, options.checkpoint);
  const ledger = buildLedger(data, asOf);
  // 考核情况 when the plan has a scoring policy of its own (not the example): the scores as of the same day.
  const scores = await adoptedScoresOf(ctx, data, asOf);
  const doc = summaryDocument(buildSummary(ledger, options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint }), ctx.lang, scores);
  if (options.format === 'docx') {
    const { documentDocx } = await import('../render/documents/official-docx.js');
    writeOutput(options.out!, await documentDocx(doc));
    print(wroteMessage(ctx.lang, options.out!));
    return;
  }
  const text = options.format === 'html' ? documentHtml(doc) : documentMarkdown(doc);
  if (options.out === undefined) return print(text);
  writeOutput(options.out, text);
  print(wroteMessage(ctx.lang, options.out));
}
