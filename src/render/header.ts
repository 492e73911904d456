/** The lines above every report: the plan, the as-of date, the next checkpoint. */
import type { Ledger } from '../ledger/index.js';
import { shortName } from '../ledger/units.js';
import type { Paint } from './diagnostics.js';
import { daysWord, t } from './labels.js';
import type { Lang } from './messages.js';
import { safeText } from './text.js';

export function reportHeader(ledger: Ledger, lang: Lang, paint: Paint, extra?: string): string {
  const { plan } = ledger.data;
  const lines = [paint.bold(safeText(`${plan.title}（${plan.document}）`)), `${t('asOf', lang)}: ${ledger.asOf}${extra ? ` · ${safeText(extra)}` : ''}`];
  lines.push(`${t('nextCheckpoint', lang)}: ${checkpointLine(ledger, lang)}`);
  return lines.join('\n');
}

export function checkpointLine(ledger: Ledger, lang: Lang): string {
  const next = ledger.nextCheckpoint;
  if (!next) return t('noCheckpoint', lang);
  const to = next.recipient ? shortName(next.recipient) : next.checkpoint.recipient;
  const count = next.reporters.length;
  return lang === 'zh'
    ? `${next.checkpoint.date}（${daysWord(next.daysLeft, lang)}），${count} 个单位报送至${safeText(to)}`
    : `${next.checkpoint.date} (${daysWord(next.daysLeft, lang)}): ${count} units report to ${safeText(to)}`;
}
